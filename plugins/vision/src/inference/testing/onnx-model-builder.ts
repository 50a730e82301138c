/**
 * Hand-encodes small ONNX models for tests and benchmarks: float32 graph inputs and outputs (fixed
 * or symbolic dims), float32 initializers and nodes with int, ints, float or string attributes.
 * Only the protobuf fields these need are written (onnx.proto field numbers in comments).
 */

/** A graph input or output: float32 with fixed (number) or symbolic (string) dims. */
export interface OnnxValueSpec {
  readonly name: string;
  readonly dims: ReadonlyArray<number | string>;
}

/** A float32 constant of the graph. */
export interface OnnxInitializerSpec {
  readonly name: string;
  readonly data: Float32Array;
  readonly dims: readonly number[];
}

/** An attribute value: an integer, a float, a string or a list of integers. */
export type OnnxAttributeValue =
  | { readonly int: number }
  | { readonly float: number }
  | { readonly string: string }
  | { readonly ints: readonly number[] };

/** One operator node. */
export interface OnnxNodeSpec {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: Readonly<Record<string, OnnxAttributeValue>>;
}

/** A whole model. */
export interface OnnxModelSpec {
  readonly inputs: readonly OnnxValueSpec[];
  readonly outputs: readonly OnnxValueSpec[];
  readonly nodes: readonly OnnxNodeSpec[];
  readonly initializers?: readonly OnnxInitializerSpec[];
  /** Default-domain opset (default 13). */
  readonly opset?: number;
}

const FLOAT = 1;

/**
 * Serialized ONNX ModelProto bytes for `InferenceSession.create`.
 *
 * @example
 * ```ts
 * // Y = X * 2 + 1 with a dynamic batch dim
 * const bytes = buildOnnxModel({
 *   inputs: [{ name: 'x', dims: ['batch', 4] }],
 *   outputs: [{ name: 'y', dims: ['batch', 4] }],
 *   initializers: [scalar('two', 2), scalar('one', 1)],
 *   nodes: [
 *     { op: 'Mul', inputs: ['x', 'two'], outputs: ['x2'] },
 *     { op: 'Add', inputs: ['x2', 'one'], outputs: ['y'] },
 *   ],
 * });
 * ```
 */
export function buildOnnxModel(spec: OnnxModelSpec): Uint8Array {
  const graph = concat(
    ...spec.nodes.map((node, i) => field(1, nodeProto(node, i))), // GraphProto.node
    field(2, text('test_graph')), // name
    ...(spec.initializers ?? []).map((init) => field(5, tensorProto(init))), // initializer
    ...spec.inputs.map((value) => field(11, valueInfo(value))), // input
    ...spec.outputs.map((value) => field(12, valueInfo(value))), // output
  );
  const opset = concat(field(1, text('')), varintField(2, spec.opset ?? 13)); // OperatorSetIdProto domain, version
  return concat(varintField(1, 8), field(8, opset), field(7, graph)); // ir_version, opset_import, graph
}

/** A float32 scalar initializer (dims `[]`). */
export function scalar(name: string, value: number): OnnxInitializerSpec {
  return { name, data: Float32Array.of(value), dims: [] };
}

/** The `Y = X * 2 + 1` model over `[batch, width]` (batch dynamic unless `batch` is given). */
export function affineModel(width: number, batch: number | string = 'batch'): Uint8Array {
  return buildOnnxModel({
    inputs: [{ name: 'x', dims: [batch, width] }],
    outputs: [{ name: 'y', dims: [batch, width] }],
    initializers: [scalar('two', 2), scalar('one', 1)],
    nodes: [
      { op: 'Mul', inputs: ['x', 'two'], outputs: ['x2'] },
      { op: 'Add', inputs: ['x2', 'one'], outputs: ['y'] },
    ],
  });
}

/**
 * A `layers`-deep MLP `x → relu(x · W_i + b_i) → ...` over `[batch, size]` with seeded weights, for
 * benchmarks that need real work per run.
 */
export function mlpModel(size: number, layers: number, seed = 1): Uint8Array {
  const random = seeded(seed);
  const initializers: OnnxInitializerSpec[] = [];
  const nodes: OnnxNodeSpec[] = [];
  let current = 'x';
  for (let layer = 0; layer < layers; layer++) {
    const weights = new Float32Array(size * size).map(() => (random() - 0.5) * (2 / Math.sqrt(size)));
    const bias = new Float32Array(size).map(() => (random() - 0.5) * 0.1);
    initializers.push({ name: `w${layer}`, data: weights, dims: [size, size] });
    initializers.push({ name: `b${layer}`, data: bias, dims: [size] });
    const out = layer === layers - 1 ? 'y' : `h${layer}`;
    nodes.push({ op: 'MatMul', inputs: [current, `w${layer}`], outputs: [`m${layer}`] });
    nodes.push({ op: 'Add', inputs: [`m${layer}`, `b${layer}`], outputs: [`a${layer}`] });
    nodes.push({ op: 'Relu', inputs: [`a${layer}`], outputs: [out] });
    current = out;
  }
  return buildOnnxModel({
    inputs: [{ name: 'x', dims: ['batch', size] }],
    outputs: [{ name: 'y', dims: ['batch', size] }],
    initializers,
    nodes,
  });
}

function nodeProto(node: OnnxNodeSpec, index: number): Uint8Array {
  return concat(
    ...node.inputs.map((name) => field(1, text(name))), // NodeProto.input
    ...node.outputs.map((name) => field(2, text(name))), // output
    field(3, text(`${node.op.toLowerCase()}_${index}`)), // name
    field(4, text(node.op)), // op_type
    ...Object.entries(node.attributes ?? {}).map(([name, value]) => field(5, attributeProto(name, value))), // attribute
  );
}

function attributeProto(name: string, value: OnnxAttributeValue): Uint8Array {
  // AttributeProto: name 1, f 2, i 3, s 4, ints 8, type 20 (FLOAT 1, INT 2, STRING 3, INTS 7).
  if ('int' in value) return concat(field(1, text(name)), varintField(3, value.int), varintField(20, 2));
  if ('float' in value) {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value.float, true);
    return concat(field(1, text(name)), Uint8Array.of(2 * 8 + 5), bytes, varintField(20, 1));
  }
  if ('string' in value) return concat(field(1, text(name)), field(4, text(value.string)), varintField(20, 3));
  return concat(field(1, text(name)), ...value.ints.map((v) => varintField(8, v)), varintField(20, 7));
}

function tensorProto(init: OnnxInitializerSpec): Uint8Array {
  return concat(
    ...init.dims.map((dim) => varintField(1, dim)), // TensorProto.dims
    varintField(2, FLOAT), // data_type
    field(8, text(init.name)), // name
    field(9, new Uint8Array(init.data.buffer, init.data.byteOffset, init.data.byteLength)), // raw_data
  );
}

function valueInfo(value: OnnxValueSpec): Uint8Array {
  // TensorShapeProto.dim: dim_value 1 or dim_param 2.
  const shape = concat(
    ...value.dims.map((dim) => field(1, typeof dim === 'number' ? varintField(1, dim) : field(2, text(dim)))),
  );
  const tensorType = concat(varintField(1, FLOAT), field(2, shape)); // elem_type, shape
  return concat(field(1, text(value.name)), field(2, field(1, tensorType))); // name, TypeProto.tensor_type
}

function varint(value: number): number[] {
  // Negative int64 values take ten bytes of two's complement.
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  while (rest >= 0x80n) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return bytes;
}

function varintField(fieldNumber: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(fieldNumber * 8), ...varint(value)]);
}

function field(fieldNumber: number, bytes: Uint8Array): Uint8Array {
  return concat(Uint8Array.from([...varint(fieldNumber * 8 + 2), ...varint(bytes.length)]), bytes);
}

function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
