import type { builtin_interfaces, nav_msgs } from '@omnimind/core';
import { COST, type Costmap } from '../grid/grid-types.js';

/**
 * Occupancy value (-1, 0..100) of each cost (0..255), for publishing a costmap as a
 * `nav_msgs/OccupancyGrid`: free 0, lethal 100, inscribed 99, unknown -1, and graded costs
 * 1..252 spread linearly over 1..98 so that no graded cost reads as inscribed or lethal.
 */
export const COST_TO_OCCUPANCY: Int8Array = (() => {
  const table = new Int8Array(256);
  for (let cost = 1; cost < COST.INSCRIBED; cost++) table[cost] = 1 + Math.round((97 * (cost - 1)) / 251);
  table[COST.FREE] = 0;
  table[COST.INSCRIBED] = 99;
  table[COST.LETHAL] = 100;
  table[COST.UNKNOWN] = -1;
  return table;
})();

/** Options of {@link costmapToOccupancyGrid}. */
export interface CostmapMessageOptions {
  readonly stamp: builtin_interfaces.Time;
  /** Default `map`. */
  readonly frameId?: string;
}

/** A costmap as a `nav_msgs/OccupancyGrid` (its own copy of the data), scaled by {@link COST_TO_OCCUPANCY}. */
export function costmapToOccupancyGrid(costmap: Costmap, options: CostmapMessageOptions): nav_msgs.OccupancyGrid {
  const { width, height, resolution, originX, originY } = costmap.info;
  const data = new Int8Array(costmap.data.length);
  for (let i = 0; i < data.length; i++) data[i] = COST_TO_OCCUPANCY[costmap.data[i]!]!;
  return {
    header: { stamp: options.stamp, frame_id: options.frameId ?? 'map' },
    info: {
      map_load_time: options.stamp,
      resolution,
      width,
      height,
      origin: { position: { x: originX, y: originY, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
    },
    data,
  };
}
