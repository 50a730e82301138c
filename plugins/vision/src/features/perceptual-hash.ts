import { resizeGrayArea } from './area-resize.js';
import { toGray } from './grayscale.js';
import type { RgbImage } from './rgb-image.js';

/** Side of the image the pHash DCT runs on. */
const PHASH_SIZE = 32;
/** Side of the low-frequency block the pHash keeps. */
const PHASH_BLOCK = 8;

/**
 * DCT-II basis rows 0–7 for 32 samples: `PHASH_COS[u * 32 + x] = cos((2x + 1)uπ / 64)`. Only the
 * eight lowest frequencies are ever used, so the transform is two 8×32 matrix products.
 */
const PHASH_COS = (() => {
  const table = new Float64Array(PHASH_BLOCK * PHASH_SIZE);
  for (let u = 0; u < PHASH_BLOCK; u++) {
    for (let x = 0; x < PHASH_SIZE; x++)
      table[u * PHASH_SIZE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * PHASH_SIZE));
  }
  return table;
})();

/**
 * Difference hash: the luma shrunk to 9×8 by area averaging, one bit per horizontally adjacent
 * pair (set when the left pixel is brighter), row by row from the top-left, most significant bit
 * first. Near-identical images (rescaled, recompressed, slightly noisy) differ in few bits.
 *
 * @example
 * hammingDistance(dHash(a), dHash(b)); // 0–64; under about 10 means "the same picture"
 */
export function dHash(image: RgbImage): bigint {
  const { data } = resizeGrayArea(toGray(image), 9, 8);
  let hash = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) hash = (hash << 1n) | (data[y * 9 + x]! > data[y * 9 + x + 1]! ? 1n : 0n);
  }
  return hash;
}

/**
 * Perceptual hash: the luma shrunk to 32×32 by area averaging, its 2D DCT-II, the 8×8 block of
 * the lowest frequencies, and one bit per coefficient, set when it is above the median of the 63
 * coefficients other than the DC term; bits row by row (vertical frequency), most significant
 * first. Robust to scaling, mild noise and brightness changes.
 *
 * @example
 * hammingDistance(pHash(frame), pHash(reference)) <= 10; // probably the same scene
 */
export function pHash(image: RgbImage): bigint {
  const { data: small } = resizeGrayArea(toGray(image), PHASH_SIZE, PHASH_SIZE);
  // Along rows first: partial[y][u] = Σx small[y][x]·cos(u, x).
  const partial = new Float64Array(PHASH_SIZE * PHASH_BLOCK);
  for (let y = 0; y < PHASH_SIZE; y++) {
    for (let u = 0; u < PHASH_BLOCK; u++) {
      let sum = 0;
      for (let x = 0; x < PHASH_SIZE; x++) sum += small[y * PHASH_SIZE + x]! * PHASH_COS[u * PHASH_SIZE + x]!;
      partial[y * PHASH_BLOCK + u] = sum;
    }
  }
  const block = new Float64Array(PHASH_BLOCK * PHASH_BLOCK);
  for (let v = 0; v < PHASH_BLOCK; v++) {
    for (let u = 0; u < PHASH_BLOCK; u++) {
      let sum = 0;
      for (let y = 0; y < PHASH_SIZE; y++) sum += partial[y * PHASH_BLOCK + u]! * PHASH_COS[v * PHASH_SIZE + y]!;
      block[v * PHASH_BLOCK + u] = sum;
    }
  }
  const median = medianOf(block.subarray(1));
  let hash = 0n;
  for (let i = 0; i < block.length; i++) hash = (hash << 1n) | (block[i]! > median ? 1n : 0n);
  return hash;
}

function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
