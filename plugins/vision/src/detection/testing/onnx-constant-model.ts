/**
 * Hand-encodes the smallest ONNX model that behaves like a YOLO detector for tests: one float32
 * image input `[1, 3, H, W]` (unused) and one `Constant` node whose float32 value is the output.
 * Only the protobuf fields the model needs are written (onnx.proto field numbers in comments).
 */

/** Serialized ONNX ModelProto bytes for `InferenceSession.create`. */
export function constantOutputModel(options: {
  inputName: string;
  inputDims: readonly number[];
  outputName: string;
  output: { data: Float32Array; dims: readonly number[] };
}): Uint8Array {
  const { inputName, inputDims, outputName, output } = options;
  const FLOAT = 1;
  const tensor = concat(
    field(1, packedVarints(output.dims)), // TensorProto.dims
    varintField(2, FLOAT), // TensorProto.data_type
    field(9, new Uint8Array(output.data.buffer, output.data.byteOffset, output.data.byteLength)), // raw_data
  );
  const TENSOR = 4;
  const attribute = concat(field(1, text('value')), field(5, tensor), varintField(20, TENSOR)); // name, t, type
  const node = concat(
    field(2, text(outputName)),
    field(3, text('golden')),
    field(4, text('Constant')),
    field(5, attribute),
  );
  const graph = concat(
    field(1, node), // GraphProto.node
    field(2, text('yolo_golden')), // name
    field(11, valueInfo(inputName, inputDims)), // input
    field(12, valueInfo(outputName, output.dims)), // output
  );
  const opset = concat(field(1, text('')), varintField(2, 13)); // OperatorSetIdProto domain, version
  return concat(varintField(1, 8), field(8, opset), field(7, graph)); // ir_version, opset_import, graph
}

function valueInfo(name: string, dims: readonly number[]): Uint8Array {
  const shape = concat(...dims.map((dim) => field(1, varintField(1, dim)))); // TensorShapeProto.dim.dim_value
  const tensorType = concat(varintField(1, 1), field(2, shape)); // elem_type FLOAT, shape
  return concat(field(1, text(name)), field(2, field(1, tensorType))); // name, TypeProto.tensor_type
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

function varintField(fieldNumber: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(fieldNumber * 8), ...varint(value)]);
}

function field(fieldNumber: number, bytes: Uint8Array): Uint8Array {
  return concat(Uint8Array.from([...varint(fieldNumber * 8 + 2), ...varint(bytes.length)]), bytes);
}

function packedVarints(values: readonly number[]): Uint8Array {
  return Uint8Array.from(values.flatMap(varint));
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
