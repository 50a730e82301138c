import type { nav_msgs } from '@omnimind/core';
import { COST, type GridInfo } from '../grid/grid-types.js';
import { InvalidOccupancyGrid } from './costmap-errors.js';
import type { CostmapParams } from './inflation-params.js';

/**
 * The cost of one `nav_msgs/OccupancyGrid` cell, as Nav2's static layer reads a trinary map:
 * -1 (or any negative) is `UNKNOWN` (or `FREE` without `trackUnknown`), at least `lethalThreshold`
 * is `LETHAL`, anything else `FREE`.
 */
export function occupancyToCost(
  value: number,
  params: Pick<CostmapParams, 'lethalThreshold' | 'trackUnknown'>,
): number {
  if (value < 0) return params.trackUnknown ? COST.UNKNOWN : COST.FREE;
  return value >= params.lethalThreshold ? COST.LETHAL : COST.FREE;
}

/**
 * {@link occupancyToCost} for every int8 value, indexed by `value & 0xff`, so that converting a whole
 * grid is one table read per cell.
 */
export function occupancyCostTable(params: Pick<CostmapParams, 'lethalThreshold' | 'trackUnknown'>): Uint8Array {
  const table = new Uint8Array(256);
  for (let v = -128; v < 128; v++) table[v & 0xff] = occupancyToCost(v, params);
  return table;
}

/**
 * The geometry of an occupancy grid message. The origin's yaw is ignored (as most of ROS does);
 * a data array that does not match the size is an error.
 */
export function gridInfoOf(grid: nav_msgs.OccupancyGrid): GridInfo {
  const { width, height, resolution, origin } = grid.info;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0))
    throw new InvalidOccupancyGrid(`occupancy grid has an unusable size ${width}×${height}`, { width, height });
  if (!(resolution > 0 && Number.isFinite(resolution)))
    throw new InvalidOccupancyGrid(`occupancy grid resolution must be > 0, got ${resolution}`, { resolution });
  if (grid.data.length !== width * height)
    throw new InvalidOccupancyGrid(
      `occupancy grid data has ${grid.data.length} cells, expected ${width}×${height} = ${width * height}`,
      { width, height, length: grid.data.length },
    );
  return { width, height, resolution, originX: origin.position.x, originY: origin.position.y };
}
