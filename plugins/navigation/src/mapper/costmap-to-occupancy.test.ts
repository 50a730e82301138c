import { describe, expect, it } from 'vitest';
import { COST } from '../grid/grid-types.js';
import { COST_TO_OCCUPANCY, costmapToOccupancyGrid } from './costmap-to-occupancy.js';

describe('costmap to occupancy grid', () => {
  it('maps free, inscribed, lethal and unknown to 0, 99, 100 and -1', () => {
    expect(COST_TO_OCCUPANCY[COST.FREE]).toBe(0);
    expect(COST_TO_OCCUPANCY[COST.INSCRIBED]).toBe(99);
    expect(COST_TO_OCCUPANCY[COST.LETHAL]).toBe(100);
    expect(COST_TO_OCCUPANCY[COST.UNKNOWN]).toBe(-1);
  });

  it('spreads graded costs over 1..98 without going down', () => {
    let previous = 0;
    for (let cost = 1; cost < COST.INSCRIBED; cost++) {
      const value = COST_TO_OCCUPANCY[cost]!;
      expect(value).toBeGreaterThanOrEqual(Math.max(1, previous));
      expect(value).toBeLessThanOrEqual(98);
      previous = value;
    }
    expect(COST_TO_OCCUPANCY[1]).toBe(1);
    expect(COST_TO_OCCUPANCY[252]).toBe(98);
  });

  it('copies the geometry and converts every cell', () => {
    const costmap = {
      info: { width: 2, height: 2, resolution: 0.1, originX: -1, originY: 2 },
      data: Uint8Array.of(0, 128, 254, 255),
    };
    const message = costmapToOccupancyGrid(costmap, { stamp: { sec: 3, nanosec: 0 }, frameId: 'robot1/map' });
    expect(message.header).toEqual({ stamp: { sec: 3, nanosec: 0 }, frame_id: 'robot1/map' });
    expect(message.info).toMatchObject({ width: 2, height: 2, resolution: 0.1, origin: { position: { x: -1, y: 2 } } });
    expect([...message.data]).toEqual([0, COST_TO_OCCUPANCY[128], 100, -1]);
  });
});
