import { connectedComponents } from '../classical/connected-components.js';
import type { ScoredTextBox } from './text-box.js';

/** How {@link extractTextBoxes} turns a DB probability map into boxes. PaddleOCR's defaults. */
export interface DbPostprocessOptions {
  /** A pixel is text when its probability exceeds this; default 0.3. */
  readonly binaryThreshold?: number;
  /** A region is kept when its mean probability reaches this; default 0.6. */
  readonly boxThreshold?: number;
  /** How far a region grows back out (DB shrinks text regions when training); default 1.5. */
  readonly unclipRatio?: number;
  /** Regions whose short side, before or after growing, is under this (+2 after) are dropped; default 3. */
  readonly minSize?: number;
}

/** Where the probability map sits in the original image: the map's size and the image's. */
export interface DbMapGeometry {
  /** Map columns (the model input width). */
  readonly mapWidth: number;
  /** Map rows (the model input height). */
  readonly mapHeight: number;
  /** Original image columns. */
  readonly imageWidth: number;
  /** Original image rows. */
  readonly imageHeight: number;
}

/**
 * The axis-aligned text boxes of a DB (differentiable binarisation) probability map, in original
 * image pixels: threshold, 8-connected regions, mean-probability filter, then each box grown by
 * the DB unclip distance `area × ratio / perimeter` on every side and scaled back to the image.
 *
 * @param probability - `mapHeight × mapWidth` text probabilities, row-major
 * @example
 * ```ts
 * const boxes = extractTextBoxes(output.data as Float32Array, { mapWidth: 640, mapHeight: 480, imageWidth: 1280, imageHeight: 960 });
 * ```
 */
export function extractTextBoxes(
  probability: Float32Array,
  geometry: DbMapGeometry,
  options: DbPostprocessOptions = {},
): ScoredTextBox[] {
  const { mapWidth, mapHeight, imageWidth, imageHeight } = geometry;
  const binaryThreshold = options.binaryThreshold ?? 0.3;
  const boxThreshold = options.boxThreshold ?? 0.6;
  const unclipRatio = options.unclipRatio ?? 1.5;
  const minSize = options.minSize ?? 3;

  const mask = new Uint8Array(mapWidth * mapHeight);
  for (let i = 0; i < mask.length; i++) mask[i] = (probability[i] ?? 0) > binaryThreshold ? 1 : 0;

  const scaleX = imageWidth / mapWidth;
  const scaleY = imageHeight / mapHeight;
  const boxes: ScoredTextBox[] = [];
  for (const region of connectedComponents(mask, mapWidth, mapHeight)) {
    const width = region.maxX - region.minX + 1;
    const height = region.maxY - region.minY + 1;
    if (Math.min(width, height) < minSize) continue;
    const score = meanInRect(probability, mapWidth, region.minX, region.minY, width, height);
    if (score < boxThreshold) continue;
    const grow = (width * height * unclipRatio) / (2 * (width + height));
    if (Math.min(width, height) + 2 * grow < minSize + 2) continue;
    const left = clamp(Math.round((region.minX - grow) * scaleX), 0, imageWidth - 1);
    const top = clamp(Math.round((region.minY - grow) * scaleY), 0, imageHeight - 1);
    const right = clamp(Math.round((region.maxX + 1 + grow) * scaleX), left + 1, imageWidth);
    const bottom = clamp(Math.round((region.maxY + 1 + grow) * scaleY), top + 1, imageHeight);
    boxes.push({ x: left, y: top, width: right - left, height: bottom - top, score });
  }
  return boxes;
}

function meanInRect(map: Float32Array, stride: number, x: number, y: number, width: number, height: number): number {
  let sum = 0;
  for (let row = y; row < y + height; row++) {
    for (let col = x; col < x + width; col++) sum += map[row * stride + col] ?? 0;
  }
  return sum / (width * height);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
