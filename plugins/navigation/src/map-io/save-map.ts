import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { nav_msgs } from '@omnimind/core';
import { MapSaveError } from './map-io-errors.js';
import { encodePgm } from './pgm.js';
import { encodeGrayPng } from './png-image.js';

/** Options of {@link saveMap}. */
export interface SaveMapOptions {
  /**
   * `trinary` (default): cells become free (254), occupied (0) or unknown (205) pixels;
   * `raw`: each cell's value 0..100 is the pixel, unknown is 255.
   */
  readonly mode?: 'trinary' | 'raw';
  /** Image format (default `pgm`). */
  readonly imageFormat?: 'pgm' | 'png';
  /** Trinary: cells at or below this occupancy (0..1) are saved free (default 0.25). */
  readonly freeThresh?: number;
  /** Trinary: cells at or above this occupancy (0..1) are saved occupied (default 0.65). */
  readonly occupiedThresh?: number;
}

/** The files {@link saveMap} wrote. */
export interface SavedMapFiles {
  readonly yamlFile: string;
  readonly imageFile: string;
}

const FREE_PIXEL = 254;
const OCCUPIED_PIXEL = 0;
const UNKNOWN_PIXEL = 205;

/**
 * Saves an occupancy grid as map_server does: `<base>.yaml` and `<base>.pgm` (or `.png`), image rows
 * top to bottom. The YAML's thresholds (occupied 0.65, free 0.196) read the trinary pixels back to
 * exactly 100, 0 and -1, so `loadMap(saveMap(grid))` gives the grid back (trinary: after
 * thresholding; raw: unchanged). Write failures raise `OMNI_ERR_MAP_SAVE_FAILED`.
 */
export function saveMap(grid: nav_msgs.OccupancyGrid, base: string, options: SaveMapOptions = {}): SavedMapFiles {
  const mode = options.mode ?? 'trinary';
  const format = options.imageFormat ?? 'pgm';
  const freeMax = Math.round((options.freeThresh ?? 0.25) * 100);
  const occupiedMin = Math.round((options.occupiedThresh ?? 0.65) * 100);
  const { width, height } = grid.info;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const source = (height - 1 - y) * width;
    for (let x = 0; x < width; x++) {
      const cell = grid.data[source + x]!;
      let pixel: number;
      if (mode === 'raw') pixel = cell >= 0 && cell <= 100 ? cell : 255;
      else if (cell < 0 || cell > 100) pixel = UNKNOWN_PIXEL;
      else if (cell <= freeMax) pixel = FREE_PIXEL;
      else if (cell >= occupiedMin) pixel = OCCUPIED_PIXEL;
      else pixel = UNKNOWN_PIXEL;
      pixels[y * width + x] = pixel;
    }
  }
  const imageFile = `${base}.${format}`;
  const yamlFile = `${base}.yaml`;
  const { orientation: q, position } = grid.info.origin;
  const yaw = Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
  const yaml = [
    `image: ${JSON.stringify(basename(imageFile))}`,
    `mode: ${mode}`,
    `resolution: ${grid.info.resolution}`,
    `origin: [${position.x}, ${position.y}, ${yaw}]`,
    'negate: 0',
    'occupied_thresh: 0.65',
    'free_thresh: 0.196',
    '',
  ].join('\n');
  const image =
    format === 'pgm'
      ? encodePgm(width, height, pixels, `OmniMind map, ${grid.info.resolution} m/pixel`)
      : encodeGrayPng(width, height, pixels);
  try {
    mkdirSync(dirname(yamlFile), { recursive: true });
    writeFileSync(imageFile, image);
    writeFileSync(yamlFile, yaml);
  } catch (error) {
    throw new MapSaveError(`cannot save map to '${yamlFile}': ${(error as Error).message}`, {
      cause: error,
      details: { yamlFile, imageFile },
    });
  }
  return { yamlFile, imageFile };
}
