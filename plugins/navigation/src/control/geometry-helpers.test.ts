import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST } from '../grid/grid-types.js';
import { costAt, distanceFromCost, worstCostNear } from './costmap-queries.js';
import { PathCursor } from './path-cursor.js';
import { normalizeAngle } from '@omnimind/core';
import { PointGrid } from './point-grid.js';
import { freeCostmap, straightPath } from './testing/control-fixtures.js';
import { limitVelocity, linearWindow } from './velocity-limits.js';

const coord = fc.double({ min: -3, max: 3, noNaN: true });
const point = fc.record({ x: coord, y: coord });

describe('PointGrid', () => {
  it('finds the same nearest distance as a brute-force scan (property)', () => {
    const grid = new PointGrid();
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 200 }),
        point,
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (points, q, max) => {
          grid.rebuild(points, 0, 0, 5, max);
          const brute = Math.min(...points.map((p) => Math.hypot(p.x - q.x, p.y - q.y)));
          const found = grid.nearest(q.x, q.y, max);
          if (brute <= max) expect(found).toBeCloseTo(brute, 12);
          else expect(found).toBe(Number.POSITIVE_INFINITY);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('drops points outside the rebuild range and reuses its storage', () => {
    const grid = new PointGrid();
    grid.rebuild(
      [
        { x: 10, y: 0 },
        { x: 0.5, y: 0 },
      ],
      0,
      0,
      2,
      0.5,
    );
    expect(grid.size).toBe(1);
    grid.rebuild([], 0, 0, 2, 0.5);
    expect(grid.nearest(0, 0, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('PathCursor', () => {
  it('projects forward only, measures length and finds the circle exit by interpolation', () => {
    const cursor = new PathCursor(1);
    const path = [...straightPath(0, 0, 2, 0, 0.5), ...straightPath(2, 0.2, 0, 0.2, 0.5)];
    cursor.setPath(path);
    expect(cursor.length).toBeCloseTo(4.2, 9);
    expect(cursor.project(1, 0.05)).toMatchObject({ x: 1, y: 0, along: 1 });
    // Near the return leg, but the search window (1 m of path) keeps it on the outbound leg.
    expect(cursor.project(1, 0.19).y).toBe(0);
    const exit = cursor.circleExit(1, 0, 0.3, cursor.project(1, 0).index);
    expect(exit.x).toBeCloseTo(1.3, 9);
    expect(exit.y).toBe(0);
    // Far off the path: the circle misses the segment, so the carrot is the segment's far end.
    expect(cursor.circleExit(1, 2, 0.3, 2)).toMatchObject({ x: 1.5, y: 0 });
    expect(cursor.pointAt(3)).toMatchObject({
      x: expect.closeTo(1.2, 9) as number,
      y: expect.closeTo(0.2, 9) as number,
    });
    cursor.reset();
    expect(cursor.project(1, 0.19).y).toBe(0.2);
  });

  it('wraps angles into (-π, π]', () => {
    expect(normalizeAngle(3 * Math.PI)).toBeCloseTo(Math.PI);
    expect(normalizeAngle(-Math.PI)).toBeCloseTo(Math.PI);
    expect(normalizeAngle(-0.5)).toBe(-0.5);
  });
});

describe('costmap queries', () => {
  it('reads costs, treats outside as unknown, and inverts inflation', () => {
    const costmap = freeCostmap(0, 0, 1, 1, 0.1);
    costmap.data[0] = COST.LETHAL;
    expect(costAt(costmap, 0.05, 0.05)).toBe(COST.LETHAL);
    expect(costAt(costmap, -1, 0)).toBe(COST.UNKNOWN);
    expect(distanceFromCost(COST.FREE, 0.1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(distanceFromCost(252, 0.1, 3)).toBeCloseTo(0.1);
    expect(distanceFromCost(Math.round(252 * Math.exp(-0.3)), 0.1, 3)).toBeCloseTo(0.2, 2);
  });

  it('reports the worst cell a disc touches, obstacles before unknown (property)', () => {
    const costmap = freeCostmap(0, 0, 1, 1, 0.1);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 10 }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (cells, x, y, r) => {
          costmap.data.fill(0);
          for (const c of cells) costmap.data[c] = COST.LETHAL;
          const worst = worstCostNear(costmap, x, y, r);
          // Any point of the disc on a lethal cell must be reported.
          for (let a = 0; a < 16; a++) {
            const px = x + r * Math.cos((a * Math.PI) / 8);
            const py = y + r * Math.sin((a * Math.PI) / 8);
            if (costAt(costmap, px, py) === COST.LETHAL) expect(worst).toBe(COST.LETHAL);
          }
          if (costAt(costmap, x, y) === COST.LETHAL) expect(worst).toBe(COST.LETHAL);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('velocity limits', () => {
  const limits = {
    max_linear_vel: 0.22,
    min_linear_vel: -0.1,
    max_angular_vel: 2.84,
    max_linear_accel: 1,
    max_linear_decel: 2,
    max_angular_accel: 3.2,
  };

  it('accelerates with the acceleration limit and slows with the deceleration limit', () => {
    expect(linearWindow(0.1, limits, 0.05)).toEqual({
      lo: expect.closeTo(0, 9) as number,
      hi: expect.closeTo(0.15, 9) as number,
    });
    expect(linearWindow(-0.05, limits, 0.05).hi).toBeCloseTo(0.05);
    expect(limitVelocity({ linear: 5, angular: -9 }, { linear: 0.2, angular: 0 }, limits, 1)).toEqual({
      linear: 0.22,
      angular: -2.84,
    });
  });
});
