import type { nav_msgs } from '@omnimind/core';

/** An occupancy grid message from row-major values (tests only). */
export function occupancyGrid(
  width: number,
  height: number,
  values: ArrayLike<number> | number,
  resolution = 0.05,
  originX = 0,
  originY = 0,
): nav_msgs.OccupancyGrid {
  const data = new Int8Array(width * height);
  if (typeof values === 'number') data.fill(values);
  else data.set(Array.from(values));
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'map' },
    info: {
      map_load_time: { sec: 0, nanosec: 0 },
      resolution,
      width,
      height,
      origin: { position: { x: originX, y: originY, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
    },
    data,
  };
}
