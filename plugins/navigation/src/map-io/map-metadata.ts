import { dirname, isAbsolute, resolve } from 'node:path';
import { parseWithSchema, readLocatedYaml, type SourceLocation } from '@omnimind/core';
import { z } from 'zod';
import { MAP_IO_CODES } from './map-io-errors.js';

/** How image values become occupancy values (map_server's `mode`). */
export type MapMode = 'trinary' | 'scale' | 'raw';

const probability = z.number().min(0).max(1);

/**
 * The map YAML of ROS's map_server. `image`, `resolution` and `origin` are required; `negate`
 * (0/1 or a boolean) defaults to 0, `occupied_thresh` to 0.65, `free_thresh` to 0.196 and `mode` to
 * `trinary`. Unknown keys are errors, with a did-you-mean.
 */
export const mapYamlSchema = z
  .strictObject({
    image: z.string().min(1),
    resolution: z.number().positive().finite(),
    origin: z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]),
    negate: z.union([z.literal(0), z.literal(1), z.boolean()]).default(0),
    occupied_thresh: probability.default(0.65),
    free_thresh: probability.default(0.196),
    mode: z.enum(['trinary', 'scale', 'raw']).default('trinary'),
  })
  .refine((m) => m.free_thresh < m.occupied_thresh, {
    message: 'free_thresh must be below occupied_thresh',
    path: ['free_thresh'],
  });

/** A map YAML file, read and checked. */
export interface MapMetadata {
  /** The YAML file. */
  readonly file: string;
  /** The image path, resolved against the YAML file's folder. */
  readonly imagePath: string;
  /** Where the `image` value is written in the YAML (for errors about the image). */
  readonly imageLocation: SourceLocation;
  readonly resolution: number;
  /** Pose of the lower-left pixel: x, y (metres), yaw (radians; ignored by most consumers). */
  readonly origin: readonly [number, number, number];
  readonly negate: boolean;
  readonly occupiedThresh: number;
  readonly freeThresh: number;
  readonly mode: MapMode;
}

/**
 * Reads a map YAML file. Missing file: `OMNI_ERR_MAP_YAML_NOT_FOUND`; bad YAML:
 * `OMNI_ERR_MAP_YAML_SYNTAX`; wrong fields: `OMNI_ERR_MAP_YAML_INVALID`, each at its `file:line:col`.
 */
export function readMapMetadata(file: string): MapMetadata {
  const source = readLocatedYaml(file, { syntax: MAP_IO_CODES.YAML_SYNTAX, notFound: MAP_IO_CODES.YAML_NOT_FOUND });
  const yaml = parseWithSchema(source, mapYamlSchema, MAP_IO_CODES.YAML_INVALID);
  return {
    file,
    imagePath: isAbsolute(yaml.image) ? yaml.image : resolve(dirname(file), yaml.image),
    imageLocation: source.locate(['image']),
    resolution: yaml.resolution,
    origin: yaml.origin,
    negate: yaml.negate === true || yaml.negate === 1,
    occupiedThresh: yaml.occupied_thresh,
    freeThresh: yaml.free_thresh,
    mode: yaml.mode,
  };
}
