import { InvalidFeatureArgument } from './feature-errors.js';
import { toGray } from './grayscale.js';
import type { RgbImage } from './rgb-image.js';

/** Bins of the uniform LBP histogram: 58 uniform patterns and one bin for all the others. */
export const UNIFORM_LBP_BINS = 59;

/** Options of {@link lbpHistogram}. */
export interface LbpOptions {
  /**
   * True (default) folds the 256 codes into {@link UNIFORM_LBP_BINS} bins: one per uniform pattern
   * (at most two 0/1 transitions around the circle, in increasing code order) and a last bin for
   * the rest; false keeps all 256.
   */
  readonly uniform?: boolean;
}

/** Bin of each of the 256 codes in the uniform histogram. */
const UNIFORM_BIN = (() => {
  const table = new Uint8Array(256);
  let next = 0;
  for (let code = 0; code < 256; code++) {
    const rotated = ((code << 1) | (code >> 7)) & 0xff;
    let transitions = 0;
    for (let diff = code ^ rotated; diff !== 0; diff &= diff - 1) transitions++;
    table[code] = transitions <= 2 ? next++ : UNIFORM_LBP_BINS - 1;
  }
  return table;
})();

/**
 * The uniform-histogram bin of an 8-bit LBP code.
 *
 * @example
 * uniformLbpBin(0); // 0; uniformLbpBin(255) is 57, uniformLbpBin(0b01010101) is 58 (non-uniform)
 */
export function uniformLbpBin(code: number): number {
  return UNIFORM_BIN[code & 0xff]!;
}

/**
 * Local binary pattern texture histogram of the image's luma, normalised to sum 1. Each interior
 * pixel's code has one bit per neighbour, clockwise from the top-left (bit 7) to the left (bit 0),
 * set when the neighbour is at least as bright as the centre: a flat region gives 255 and a
 * one-pixel checkerboard alternates 255 and 0b10101010/0b01010101. Images narrower or shorter
 * than 3 pixels have no interior and are refused.
 *
 * @example
 * const texture = lbpHistogram(image); // 59 bins
 * cosineSimilarity(texture, lbpHistogram(other));
 */
export function lbpHistogram(image: RgbImage, options: LbpOptions = {}): Float32Array {
  const uniform = options.uniform ?? true;
  const { data: gray, width, height } = toGray(image);
  if (width < 3 || height < 3) {
    throw new InvalidFeatureArgument(`lbpHistogram: expected an image at least 3×3, got ${width}×${height}`, {
      width,
      height,
    });
  }
  const counts = new Float64Array(256);
  for (let y = 1; y < height - 1; y++) {
    const above = (y - 1) * width;
    const here = y * width;
    const below = (y + 1) * width;
    for (let x = 1; x < width - 1; x++) {
      const centre = gray[here + x]!;
      const code =
        (gray[above + x - 1]! >= centre ? 128 : 0) |
        (gray[above + x]! >= centre ? 64 : 0) |
        (gray[above + x + 1]! >= centre ? 32 : 0) |
        (gray[here + x + 1]! >= centre ? 16 : 0) |
        (gray[below + x + 1]! >= centre ? 8 : 0) |
        (gray[below + x]! >= centre ? 4 : 0) |
        (gray[below + x - 1]! >= centre ? 2 : 0) |
        (gray[here + x - 1]! >= centre ? 1 : 0);
      counts[code]!++;
    }
  }
  const total = (width - 2) * (height - 2);
  const histogram = new Float32Array(uniform ? UNIFORM_LBP_BINS : 256);
  for (let code = 0; code < 256; code++) histogram[uniform ? UNIFORM_BIN[code]! : code]! += counts[code]! / total;
  return histogram;
}
