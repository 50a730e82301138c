import { ModelShapeError } from './detection-errors.js';
import { matchYoloOutput, type YoloLayout } from './yolo-output-shape.js';

/**
 * What an ONNX session says about one input or output. onnxruntime's
 * `InferenceSession.ValueMetadata` fits as is.
 */
export interface ModelValueInfo {
  /** Input or output name. */
  readonly name: string;
  /** False for a non-tensor value (a sequence or map). */
  readonly isTensor?: boolean;
  /** Element type, e.g. `'float32'`. */
  readonly type?: string;
  /** Dims; a string is a symbolic (dynamic) dim such as `'batch'`. */
  readonly shape?: ReadonlyArray<number | string>;
}

/**
 * The inputs and outputs of a loaded model. An onnxruntime `InferenceSession` fits as is; without
 * metadata only the names are checked.
 */
export interface ModelInputsOutputs {
  /** Input names in model order. */
  readonly inputNames: readonly string[];
  /** Output names in model order. */
  readonly outputNames: readonly string[];
  /** Input metadata, in the order of `inputNames`. */
  readonly inputMetadata?: readonly ModelValueInfo[];
  /** Output metadata, in the order of `outputNames`. */
  readonly outputMetadata?: readonly ModelValueInfo[];
}

/** What {@link checkYoloModel} found. */
export interface YoloModelInfo {
  /** Name of the image input to feed. */
  readonly inputName: string;
  /** Name of the detection output to decode (the first output). */
  readonly outputName: string;
  /** Input width in pixels; undefined when unknown or dynamic. */
  readonly inputWidth: number | undefined;
  /** Input height in pixels; undefined when unknown or dynamic. */
  readonly inputHeight: number | undefined;
  /** Layout of the detection output; undefined when the model has no output metadata. */
  readonly layout: YoloLayout | undefined;
  /** Class count; undefined when the model has no output metadata. */
  readonly numClasses: number | undefined;
  /** Candidate count N; undefined when unknown or dynamic. */
  readonly numCandidates: number | undefined;
}

/** Expectations for {@link checkYoloModel}. */
export interface YoloModelCheckOptions {
  /** Class count the model must have. */
  readonly numClasses?: number | undefined;
  /** Layout the model must have; `'auto'` (default) accepts either. */
  readonly layout?: YoloLayout | 'auto' | undefined;
}

const EXPECTED_INPUT = 'one float32 image input [1, 3, H, W] (NCHW, RGB)';

/**
 * Checks that a model's inputs and outputs fit a YOLO detector: one float32 image input
 * `[1, 3, H, W]` and a first output in the v8 `[1, 4+C, N]` or v5 `[1, N, 5+C]` layout. Symbolic
 * batch and candidate dims are accepted; the channel dim must be numeric. Throws
 * {@link ModelShapeError} saying what was found and what was expected.
 *
 * @example
 * const session = await InferenceSession.create('yolo11n.onnx');
 * const info = checkYoloModel(session, { numClasses: 80 });
 * // → { inputName: 'images', outputName: 'output0', inputWidth: 640, inputHeight: 640, layout: 'v8', numClasses: 80, numCandidates: 8400 }
 */
export function checkYoloModel(model: ModelInputsOutputs, options: YoloModelCheckOptions = {}): YoloModelInfo {
  const { inputNames, outputNames } = model;
  if (inputNames.length !== 1) {
    throw new ModelShapeError(
      `model has ${inputNames.length} inputs [${inputNames.join(', ')}]; expected ${EXPECTED_INPUT}`,
      { which: 'input', inputNames: [...inputNames], expected: EXPECTED_INPUT },
    );
  }
  const outputName = outputNames[0];
  if (outputName === undefined) {
    throw new ModelShapeError('model has no outputs; expected a detection output [1, 4+C, N] or [1, N, 5+C]', {
      which: 'output',
    });
  }
  const inputName = inputNames[0]!;
  const input = model.inputMetadata?.find((value) => value.name === inputName);
  const { width, height } = input ? checkInput(input) : { width: undefined, height: undefined };
  const output = model.outputMetadata?.find((value) => value.name === outputName);
  const shape = output ? checkOutput(output, options) : undefined;
  return {
    inputName,
    outputName,
    inputWidth: width,
    inputHeight: height,
    layout: shape?.layout,
    numClasses: shape?.numClasses,
    numCandidates: shape?.numCandidates,
  };
}

function checkInput(input: ModelValueInfo): { width: number | undefined; height: number | undefined } {
  const dims = input.shape ?? [];
  const found = `input '${input.name}' is ${describeValue(input)}`;
  const details = { which: 'input', name: input.name, type: input.type, dims: [...dims], expected: EXPECTED_INPUT };
  if (input.isTensor === false) throw new ModelShapeError(`${found}; expected ${EXPECTED_INPUT}`, details);
  if (input.type !== undefined && input.type !== 'float32') {
    throw new ModelShapeError(`${found}; expected ${EXPECTED_INPUT}`, details);
  }
  if (dims.length === 0) return { width: undefined, height: undefined };
  const [batch, channels, height, width] = dims;
  if (dims.length !== 4 || channels !== 3 || (typeof batch === 'number' && batch !== 1)) {
    throw new ModelShapeError(`${found}; expected ${EXPECTED_INPUT}`, details);
  }
  return { width: positive(width), height: positive(height) };
}

function checkOutput(
  output: ModelValueInfo,
  options: YoloModelCheckOptions,
): ReturnType<typeof matchYoloOutput> | undefined {
  if (output.isTensor === false || (output.type !== undefined && output.type !== 'float32')) {
    throw new ModelShapeError(
      `output '${output.name}' is ${describeValue(output)}; expected a float32 tensor [1, 4+C, N] (YOLOv8/YOLO11) or [1, N, 5+C] (YOLOv5)`,
      { which: 'output', name: output.name, type: output.type, dims: [...(output.shape ?? [])] },
    );
  }
  const dims = output.shape ?? [];
  if (dims.length === 0) return undefined;
  try {
    return matchYoloOutput(dims, options);
  } catch (error) {
    if (!(error instanceof ModelShapeError)) throw error;
    throw new ModelShapeError(`output '${output.name}': ${error.message}`, {
      ...error.details,
      which: 'output',
      name: output.name,
      dims: [...dims],
    });
  }
}

function describeValue(value: ModelValueInfo): string {
  if (value.isTensor === false) return 'not a tensor';
  const dims = value.shape && value.shape.length > 0 ? ` [${value.shape.join(', ')}]` : '';
  return `${value.type ?? 'a tensor'}${dims}`;
}

function positive(dim: number | string | undefined): number | undefined {
  return typeof dim === 'number' && dim > 0 ? dim : undefined;
}
