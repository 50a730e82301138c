import { toGray } from './grayscale.js';
import type { RgbImage } from './rgb-image.js';

/**
 * Left-right mirror symmetry of the image's luma, 0–1: one minus the mean absolute difference
 * between each pixel and its mirror image across the vertical centre line, over 255. A symmetric
 * image scores 1; a black half beside a white half scores 0.
 *
 * @example
 * symmetryScore(frontViewOfARobot); // close to 1
 */
export function symmetryScore(image: RgbImage): number {
  const { data: gray, width, height } = toGray(image);
  const half = Math.floor(width / 2);
  if (half === 0) return 1;
  let difference = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < half; x++) difference += Math.abs(gray[row + x]! - gray[row + width - 1 - x]!);
  }
  return 1 - difference / (half * height * 255);
}
