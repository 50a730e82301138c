import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { builtin_interfaces, nav_msgs } from '@omnimind/core';
import type { GrayImage } from './gray-image.js';
import { imageToOccupancy } from './image-to-occupancy.js';
import { MAP_IO_CODES, imageError } from './map-io-errors.js';
import { readMapMetadata, type MapMetadata } from './map-metadata.js';
import { parsePgm } from './pgm.js';
import { decodePng } from './png-image.js';

/** Options of {@link loadMap}. */
export interface LoadMapOptions {
  /** Header frame (default `map`). */
  readonly frameId?: string;
  /** Header stamp and `map_load_time` (default zero). */
  readonly stamp?: builtin_interfaces.Time;
}

/** A loaded map: the message and the metadata it came from. */
export interface LoadedMap {
  readonly grid: nav_msgs.OccupancyGrid;
  readonly metadata: MapMetadata;
}

/**
 * Loads a static map in map_server's format: the YAML file and the PGM (`P5`/`P2`) or PNG image it
 * names. Errors are `UserInputError`s: YAML problems at their `file:line:col`, a missing or
 * unsupported image at the `image:` line of the YAML, a malformed image in the image file.
 *
 * @example
 * const { grid } = loadMap('maps/warehouse.yaml', { stamp: clock.now() });
 * mapTopic.publish(grid); // transient-local, like map_server
 */
export function loadMap(yamlFile: string, options: LoadMapOptions = {}): LoadedMap {
  const metadata = readMapMetadata(yamlFile);
  const image = readMapImage(metadata);
  const data = imageToOccupancy(image, metadata);
  const [x, y, yaw] = metadata.origin;
  const stamp = options.stamp ?? { sec: 0, nanosec: 0 };
  return {
    metadata,
    grid: {
      header: { stamp, frame_id: options.frameId ?? 'map' },
      info: {
        map_load_time: stamp,
        resolution: metadata.resolution,
        width: image.width,
        height: image.height,
        origin: {
          position: { x, y, z: 0 },
          orientation: { x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) },
        },
      },
      data,
    },
  };
}

/** Reads and decodes the image a map YAML names (by extension: `.pgm`, `.png`). */
export function readMapImage(metadata: MapMetadata): GrayImage {
  const path = metadata.imagePath;
  const kind = extname(path).toLowerCase();
  if (kind !== '.pgm' && kind !== '.png')
    throw imageError(
      MAP_IO_CODES.IMAGE_UNSUPPORTED,
      `unsupported map image '${path}': expected a .pgm or .png file`,
      metadata.imageLocation,
    );
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw imageError(
      MAP_IO_CODES.IMAGE_NOT_FOUND,
      `cannot read map image '${path}': ${(error as Error).message}`,
      metadata.imageLocation,
      error,
    );
  }
  return kind === '.pgm' ? parsePgm(bytes, path) : decodePng(bytes, path);
}
