/**
 * The runtime-neutral shape of an inference backend: what a model takes and gives, and how it is
 * run. {@link OnnxBackend} implements it on onnxruntime-node; another runtime (TensorFlow.js, a
 * remote server) can implement it and sit behind the same {@link InferenceQueue}.
 */

/** Element type names, as onnxruntime spells them. */
export type TensorElementType =
  | 'float32'
  | 'float16'
  | 'float64'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'bool'
  | 'string';

/** Typed array (or string array) holding a tensor's elements in row-major order. */
export type TensorData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | string[];

/**
 * A tensor given to or returned by a backend. onnxruntime's `Tensor` fits as is; a plain object
 * works too.
 *
 * @example
 * ```ts
 * const image: InferenceTensor = { type: 'float32', data: new Float32Array(3 * 64 * 64), dims: [1, 3, 64, 64] };
 * ```
 */
export interface InferenceTensor {
  /** Element type. */
  readonly type: TensorElementType | string;
  /** Elements, row-major; length is the product of `dims`. */
  readonly data: TensorData;
  /** Dims, outermost first (the batch dim first for batched models). */
  readonly dims: readonly number[];
}

/** Named tensors: the feeds of a run or its outputs. */
export type TensorMap = Readonly<Record<string, InferenceTensor>>;

/** One model input or output as the model declares it. */
export interface TensorInfo {
  /** Input or output name. */
  readonly name: string;
  /** Element type, e.g. `'float32'`; undefined for a non-tensor value or when the model does not say. */
  readonly type: string | undefined;
  /**
   * Declared dims; a string is a symbolic (dynamic) dim such as `'batch'`, and -1 an unnamed dynamic
   * dim. Empty when the model declares no shape.
   */
  readonly dims: ReadonlyArray<number | string>;
}

/** A model to load: a file path or the model's bytes. */
export type ModelSource = string | Uint8Array;

/**
 * A loaded model, ready to run. One backend runs one model; `run` may be called again and again
 * (the session is reused) until `dispose`.
 */
export interface InferenceBackend {
  /** Model inputs, in model order. */
  readonly inputs: readonly TensorInfo[];
  /** Model outputs, in model order. */
  readonly outputs: readonly TensorInfo[];
  /** The execution provider actually in use, e.g. `'cpu'` or `'cuda'`. */
  readonly executionProvider: string;
  /**
   * Runs the model once on `feeds` (one tensor per input name; a batch is a leading dim > 1) and
   * resolves with every output by name. Rejects with an `InferenceRunError` when the runtime fails.
   */
  run(feeds: TensorMap): Promise<TensorMap>;
  /** Frees the model; the backend cannot run afterwards. */
  dispose(): Promise<void>;
}

/** True when the leading dim of `info` is dynamic (symbolic or -1), so a run may batch frames. */
export function hasDynamicBatchDim(info: TensorInfo): boolean {
  const first = info.dims[0];
  return typeof first === 'string' || (typeof first === 'number' && first < 0);
}
