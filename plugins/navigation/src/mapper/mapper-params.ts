import { z } from 'zod';
import { costmapParamsSchema, type CostmapParamsInput } from '../costmap/inflation-params.js';
import {
  occupancyGridMapParamsSchema,
  type OccupancyGridMapParamsInput,
} from '../mapping/occupancy-grid-map-params.js';
import { MAPPER_CODES, MapperParamsError } from './mapper-errors.js';

const finite = z.number().finite();
const positive = z.number().positive().finite();

/** Parameters of the `mapper` plugin. */
export const mapperParams = z.object({
  mode: z
    .enum(['slam_known_pose', 'static'])
    .default('slam_known_pose')
    .describe('slam_known_pose: build the map from scans at known poses; static: publish a map file.'),
  map_file: z
    .string()
    .default('')
    .describe('static: map_server YAML file, relative to the launch file (required in static mode).'),
  frame_id: z.string().min(1).default('map').describe('Frame of the published map and costmap.'),
  scan_topic: z.string().min(1).default('scan').describe('sensor_msgs/LaserScan input (QoS sensor_data).'),
  pose_topic: z
    .string()
    .min(1)
    .default('ground_truth')
    .describe('nav_msgs/Odometry with the robot pose in the map frame.'),
  sensor_offset: z
    .tuple([finite, finite, finite])
    .default([-0.032, 0, 0])
    .describe('Lidar mount in the robot frame: x, y (metres), yaw (radians).'),
  origin: z.tuple([finite, finite]).default([-10, -10]).describe('Lower-left corner of the map (metres).'),
  size_m: z.tuple([positive, positive]).default([20, 20]).describe('Width and height of the map (metres).'),
  resolution: positive.default(0.05).describe('Metres per cell.'),
  max_range: z
    .number()
    .min(0)
    .default(0)
    .describe('Beams longer than this only clear space (metres; 0 = the scan range_max).'),
  pose_tolerance_s: z
    .number()
    .min(0)
    .default(0.1)
    .describe('How far a scan stamp may be from the nearest pose when it is not between two.'),
  publish_period_s: positive.default(1.0).describe('Period of map and costmap publication when the map changed.'),
  inscribed_radius: z.number().min(0).finite().default(0.105).describe('Costmap inscribed radius (metres).'),
  inflation_radius: z.number().min(0).finite().default(0.55).describe('Costmap inflation radius (metres).'),
  cost_scaling_factor: positive.default(3.0).describe('Decay of inflation costs beyond the inscribed radius.'),
  lethal_threshold: z
    .int()
    .min(1)
    .max(100)
    .default(65)
    .describe('Occupancy (0..100) from which a map cell is an obstacle in the costmap.'),
});

/** Mapper parameters with defaults applied. */
export type MapperParams = z.infer<typeof mapperParams>;

/** The occupancy grid a known-pose mapper builds: `size_m` from `origin`, rounded up to whole cells. */
export function gridParamsOf(params: MapperParams): OccupancyGridMapParamsInput {
  const { resolution, origin, size_m: size } = params;
  return {
    resolution,
    width: Math.ceil(size[0] / resolution - 1e-9),
    height: Math.ceil(size[1] / resolution - 1e-9),
    originX: origin[0],
    originY: origin[1],
    ...(params.max_range > 0 ? { maxRange: params.max_range } : {}),
  };
}

/** The costmap parameters of the mapper's parameters. */
export function costmapParamsOf(params: MapperParams): CostmapParamsInput {
  return {
    inscribedRadius: params.inscribed_radius,
    inflationRadius: params.inflation_radius,
    costScalingFactor: params.cost_scaling_factor,
    lethalThreshold: params.lethal_threshold,
  };
}

/**
 * Checks what the schema cannot see field by field: a static mapper names a map file, the bounds
 * make a grid of at most 10^8 cells, the inflation radius is at least the inscribed radius.
 */
export function checkMapperParams(params: MapperParams, node: string): void {
  if (params.mode === 'static' && params.map_file === '') {
    throw new MapperParamsError(
      MAPPER_CODES.MAP_FILE_REQUIRED,
      `node '${node}': mode 'static' needs the parameter 'map_file' (a map_server YAML file)`,
    );
  }
  const checks: [string, z.ZodType, unknown][] = [['costmap', costmapParamsSchema, costmapParamsOf(params)]];
  if (params.mode === 'slam_known_pose')
    checks.push(['map bounds', occupancyGridMapParamsSchema, gridParamsOf(params)]);
  for (const [what, schema, value] of checks) {
    const result = schema.safeParse(value);
    if (result.success) continue;
    const issue = result.error.issues[0];
    throw new MapperParamsError(
      MAPPER_CODES.INVALID_PARAMS,
      `node '${node}': invalid ${what}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      undefined,
      { issues: result.error.issues },
    );
  }
}
