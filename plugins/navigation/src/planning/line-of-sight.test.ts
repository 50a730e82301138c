import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST } from '../grid/grid-types.js';
import { createCostModel } from './cost-model.js';
import { segmentCost } from './line-of-sight.js';
import { blankCostmap, costmapFromAscii } from './testing/test-maps.js';

const free = createCostModel({ costWeight: 0 });

describe('segmentCost', () => {
  it('is the length on free ground and 0 for a point', () => {
    const map = blankCostmap(10, 10);
    expect(segmentCost(10, map.data, free.factors, 0, 0, 7, 3)).toBeCloseTo(Math.hypot(7, 3), 12);
    expect(segmentCost(10, map.data, free.factors, 4, 4, 4, 4)).toBe(0);
  });

  it('weighs each cell by the length of the segment inside it', () => {
    const map = blankCostmap(3, 1);
    map.data[1] = 126; // factor 1 + 2 × 126/252 = 2
    const model = createCostModel({ costWeight: 2 });
    // Half a cell in cell 0, a whole cell in cell 1, half a cell in cell 2.
    expect(segmentCost(3, map.data, model.factors, 0, 0, 2, 0)).toBeCloseTo(0.5 + 2 + 0.5, 12);
  });

  it('is blocked by an obstacle on the line and by a corner it passes exactly through', () => {
    const wall = costmapFromAscii(['...', '.#.', '...']);
    expect(segmentCost(3, wall.data, free.factors, 0, 1, 2, 1)).toBe(Number.POSITIVE_INFINITY);
    const corner = costmapFromAscii(['..', '#.']);
    // (0,1) → (1,0) passes through the vertex shared with the blocked cell (0,0): no corner cutting.
    expect(segmentCost(2, corner.data, free.factors, 0, 1, 1, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(segmentCost(2, corner.data, free.factors, 0, 1, 1, 1)).toBe(1);
  });

  it('is symmetric and never less than the length', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 64, maxLength: 64, max: COST.INSCRIBED - 1 }),
        fc.nat(63),
        fc.nat(63),
        (data, a, b) => {
          const model = createCostModel();
          const forth = segmentCost(8, data, model.factors, a % 8, a >> 3, b % 8, b >> 3);
          const back = segmentCost(8, data, model.factors, b % 8, b >> 3, a % 8, a >> 3);
          expect(forth).toBeCloseTo(back, 9);
          expect(forth).toBeGreaterThanOrEqual(Math.hypot((a % 8) - (b % 8), (a >> 3) - (b >> 3)) - 1e-9);
        },
      ),
    );
  });
});
