import type { GrayImage } from './gray-image.js';
import type { MapMode } from './map-metadata.js';

/** The part of the map metadata that decides how pixels read. */
export interface PixelInterpretation {
  readonly mode: MapMode;
  readonly negate: boolean;
  readonly occupiedThresh: number;
  readonly freeThresh: number;
}

/**
 * Occupancy values (`nav_msgs/OccupancyGrid` order: row 0 at the bottom) from an image (row 0 at
 * the top), as map_server reads them. With `p` the pixel's occupancy probability,
 * `(maxValue − v) / maxValue` (or `v / maxValue` when `negate`):
 * - trinary: `p > occupiedThresh` → 100, `p < freeThresh` → 0, otherwise -1;
 * - scale: like trinary, but in between → `round(100 · (p − free) / (occupied − free))`, and a pixel
 *   that is not fully opaque → -1;
 * - raw: the pixel value itself (on an 8-bit scale) when it is 0..100, otherwise -1.
 */
export function imageToOccupancy(image: GrayImage, how: PixelInterpretation): Int8Array {
  const { width, height, maxValue, gray, alpha } = image;
  const out = new Int8Array(width * height);
  const { occupiedThresh: occupied, freeThresh: free } = how;
  for (let y = 0; y < height; y++) {
    const target = (height - 1 - y) * width;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const value = gray[i]!;
      let cell: number;
      if (how.mode === 'raw') {
        const raw = Math.round((value * 255) / maxValue);
        cell = raw <= 100 ? raw : -1;
      } else {
        const p = how.negate ? value / maxValue : (maxValue - value) / maxValue;
        if (how.mode === 'scale' && alpha && alpha[i]! < maxValue) cell = -1;
        else if (p > occupied) cell = 100;
        else if (p < free) cell = 0;
        else cell = how.mode === 'scale' ? Math.round((100 * (p - free)) / (occupied - free)) : -1;
      }
      out[target + x] = cell;
    }
  }
  return out;
}
