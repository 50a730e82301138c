import { describe, expect, it } from 'vitest';
import type { nav_msgs } from '@omnimind/core';
import { cameraPose, inFieldOfView, lineOfSightClear } from './camera-visibility.js';

const camera = { fieldOfView: (62 * Math.PI) / 180, range: 4, forwardOffset: 0.07 };
const occlusion = { occupiedThreshold: 65, objectClearance: 0.25 };

/** A 4 × 4 m grid at 0.1 m from (-2, -2): free, with a wall at x ∈ [1, 1.1) and an unknown band at x ∈ [-1, -0.9). */
function grid(yaw = 0): nav_msgs.OccupancyGrid {
  const size = 40;
  const data = new Int8Array(size * size);
  for (let row = 0; row < size; row++) {
    data[row * size + 30] = 100;
    data[row * size + 10] = -1;
  }
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'map' },
    info: {
      map_load_time: { sec: 0, nanosec: 0 },
      resolution: 0.1,
      width: size,
      height: size,
      origin: {
        position: { x: -2, y: -2, z: 0 },
        orientation: { x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) },
      },
    },
    data,
  };
}

describe('camera visibility', () => {
  it('puts the camera ahead of the base along the heading', () => {
    const pose = cameraPose({ x: 1, y: 2, theta: Math.PI / 2 }, camera);
    expect(pose.x).toBeCloseTo(1);
    expect(pose.y).toBeCloseTo(2.07);
  });

  it('sees within half the field of view and the range, not beyond either or behind', () => {
    const at = { x: 0, y: 0, theta: 0 };
    expect(inFieldOfView(at, { x: 2, y: 0 }, camera)).toBe(true);
    expect(inFieldOfView(at, { x: 2, y: 2 * Math.tan((30 * Math.PI) / 180) }, camera)).toBe(true);
    expect(inFieldOfView(at, { x: 2, y: 2 * Math.tan((32 * Math.PI) / 180) }, camera)).toBe(false);
    expect(inFieldOfView(at, { x: -2, y: 0 }, camera)).toBe(false);
    expect(inFieldOfView(at, { x: 4.1, y: 0 }, camera)).toBe(false);
  });

  it('is blocked by an occupied cell on the line, not by unknown cells or cells off the map', () => {
    const map = grid();
    expect(lineOfSightClear(map, { x: 0, y: 0 }, { x: 1.8, y: 0.5 }, occlusion)).toBe(false);
    expect(lineOfSightClear(map, { x: 0, y: 0 }, { x: 0.9, y: 0.5 }, occlusion)).toBe(true);
    expect(lineOfSightClear(map, { x: 0, y: 0 }, { x: -1.8, y: 0 }, occlusion)).toBe(true);
    expect(lineOfSightClear(map, { x: -3, y: 3 }, { x: -3, y: -3 }, occlusion)).toBe(true);
  });

  it('ignores the last stretch before the object, where the object itself is mapped', () => {
    const map = grid();
    expect(lineOfSightClear(map, { x: 0, y: 0 }, { x: 1.2, y: 0 }, occlusion)).toBe(true);
    expect(lineOfSightClear(map, { x: 0, y: 0 }, { x: 1.4, y: 0 }, occlusion)).toBe(false);
    expect(lineOfSightClear(map, { x: 0, y: 0 }, { x: 1.4, y: 0 }, { ...occlusion, objectClearance: 0.5 })).toBe(true);
  });

  it('follows a rotated map origin', () => {
    // Turned by 90° about its origin (-2, -2), the grid's wall column lies along y = 1 for x in (-6, -2].
    const map = grid(Math.PI / 2);
    expect(lineOfSightClear(map, { x: -4, y: 0 }, { x: -4, y: 1.8 }, occlusion)).toBe(false);
    expect(lineOfSightClear(map, { x: 0, y: 0 }, { x: 1.8, y: 0 }, occlusion)).toBe(true);
  });
});
