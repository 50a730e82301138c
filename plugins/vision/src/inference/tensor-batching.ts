import type { InferenceTensor, TensorData, TensorMap } from './inference-backend.js';
import { InferenceRunError } from './inference-errors.js';

/**
 * Stacking frames into one batched run and splitting the outputs back, along the leading dim.
 * Each frame's feeds may carry one or more items (its leading dim); all inputs of a frame must
 * agree on that count.
 */

/** The leading dim shared by every feed of a frame, or undefined when they disagree or are scalars. */
export function frameItemCount(feeds: TensorMap): number | undefined {
  let count: number | undefined;
  for (const tensor of Object.values(feeds)) {
    const lead = tensor.dims[0];
    if (lead === undefined || (count !== undefined && lead !== count)) return undefined;
    count = lead;
  }
  return count;
}

/** True when `a` and `b` can be stacked: same input names, element types and dims past the first. */
export function canStack(a: TensorMap, b: TensorMap): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((name) => {
    const x = a[name];
    const y = b[name];
    if (x === undefined || y === undefined || x.type !== y.type || x.dims.length !== y.dims.length) return false;
    if (Array.isArray(x.data) || Array.isArray(y.data)) return false;
    return x.dims.every((dim, i) => i === 0 || dim === y.dims[i]);
  });
}

/** Concatenates the feeds of `frames` (checked with {@link canStack}) along the leading dim. */
export function stackFeeds(frames: readonly TensorMap[]): TensorMap {
  const first = frames[0];
  if (first === undefined) return {};
  if (frames.length === 1) return first;
  const out: Record<string, InferenceTensor> = {};
  for (const [name, head] of Object.entries(first)) {
    const parts = frames.map((frame) => frame[name]!);
    const length = parts.reduce((sum, part) => sum + part.data.length, 0);
    const data = new (head.data.constructor as new (n: number) => Exclude<TensorData, string[]>)(length);
    let offset = 0;
    for (const part of parts) {
      (data as Float32Array).set(part.data as Float32Array, offset);
      offset += part.data.length;
    }
    const lead = parts.reduce((sum, part) => sum + part.dims[0]!, 0);
    out[name] = { type: head.type, data, dims: [lead, ...head.dims.slice(1)] };
  }
  return out;
}

/**
 * Splits every output of a batched run into per-frame outputs of `counts[i]` items each (views, no
 * copy). Throws `InferenceRunError` when an output's leading dim is not the sum of `counts`.
 */
export function splitOutputs(outputs: TensorMap, counts: readonly number[]): TensorMap[] {
  if (counts.length === 1) return [outputs];
  const total = counts.reduce((sum, count) => sum + count, 0);
  const perFrame: Record<string, InferenceTensor>[] = counts.map(() => ({}));
  for (const [name, tensor] of Object.entries(outputs)) {
    if (tensor.dims[0] !== total || Array.isArray(tensor.data)) {
      throw new InferenceRunError(
        `output ${JSON.stringify(name)} has dims [${tensor.dims.join(', ')}], expected a leading batch dim of ${total}`,
        undefined,
        { output: name, dims: [...tensor.dims], batch: total },
      );
    }
    const itemSize = total === 0 ? 0 : tensor.data.length / total;
    let item = 0;
    counts.forEach((count, i) => {
      const data = (tensor.data as Float32Array).subarray(item * itemSize, (item + count) * itemSize);
      perFrame[i]![name] = { type: tensor.type, data, dims: [count, ...tensor.dims.slice(1)] };
      item += count;
    });
  }
  return perFrame;
}
