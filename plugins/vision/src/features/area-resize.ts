import { InvalidFeatureArgument } from './feature-errors.js';
import type { GrayImage } from './grayscale.js';

/**
 * Resizes a grey image by area averaging: each output pixel is the mean of the source area it
 * covers, fractional pixels weighted by their covered fraction (a box filter, like OpenCV's
 * `INTER_AREA`). Shrinking averages away pixel noise, which is what perceptual hashes want.
 *
 * @example
 * const thumb = resizeGrayArea(toGray(image), 32, 32);
 */
export function resizeGrayArea(image: GrayImage, width: number, height: number): GrayImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new InvalidFeatureArgument(`resizeGrayArea: expected a positive integer size, got ${width}×${height}`, {
      width,
      height,
    });
  }
  const rows = resampleRows(image.data, image.width, image.height, width);
  // Resampling columns is resampling the rows of the transposed image.
  const transposed = transpose(rows, width, image.height);
  const columns = resampleRows(transposed, image.height, width, height);
  return { data: transpose(columns, height, width), width, height };
}

/** Weights of each output cell over the source cells, for resampling `from` cells into `to`. */
interface AxisWeights {
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Weight of source cell `first[o] + k` for output `o`, at `offset[o] + k`. */
  readonly offset: Int32Array;
  readonly weight: Float64Array;
}

function axisWeights(from: number, to: number): AxisWeights {
  const scale = from / to;
  const first = new Int32Array(to);
  const last = new Int32Array(to);
  const offset = new Int32Array(to);
  const weights: number[] = [];
  for (let o = 0; o < to; o++) {
    const start = o * scale;
    const end = (o + 1) * scale;
    first[o] = Math.floor(start);
    last[o] = Math.min(from - 1, Math.ceil(end) - 1);
    offset[o] = weights.length;
    for (let s = first[o]!; s <= last[o]!; s++) {
      weights.push((Math.min(end, s + 1) - Math.max(start, s)) / scale);
    }
  }
  return { first, last, offset, weight: Float64Array.from(weights) };
}

function resampleRows(data: Float32Array, width: number, height: number, to: number): Float32Array {
  const { first, last, offset, weight } = axisWeights(width, to);
  const out = new Float32Array(to * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let o = 0; o < to; o++) {
      let sum = 0;
      for (let s = first[o]!, k = offset[o]!; s <= last[o]!; s++, k++) sum += data[row + s]! * weight[k]!;
      out[y * to + o] = sum;
    }
  }
  return out;
}

function transpose(data: Float32Array, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[x * height + y] = data[y * width + x]!;
  return out;
}
