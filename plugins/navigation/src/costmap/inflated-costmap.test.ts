import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { COST } from '../grid/grid-types.js';
import { inflationCost } from './cost-function.js';
import { occupancyGrid } from './costmap-test-helpers.js';
import { InflatedCostmap } from './inflated-costmap.js';
import type { CostmapParams, CostmapParamsInput } from './inflation-params.js';
import { costmapParamsSchema } from './inflation-params.js';

const SIZE = 41;
const C = 20;
const singleObstacle = () => {
  const grid = occupancyGrid(SIZE, SIZE, 0);
  grid.data[C * SIZE + C] = 100;
  return grid;
};
const params = { inscribedRadius: 0.1, inflationRadius: 0.5, costScalingFactor: 3 };

/** Nav2's semantics by brute force: nearest source over all cells, then the combination rules. */
function bruteForce(grid: nav_msgs_OccupancyGrid, input: CostmapParamsInput, obstacles: number[] = []): Uint8Array {
  const p: CostmapParams = costmapParamsSchema.parse(input);
  const { width, height, resolution } = grid.info;
  const base = Array.from(grid.data, (v) =>
    v < 0 ? (p.trackUnknown ? COST.UNKNOWN : COST.FREE) : v >= p.lethalThreshold ? COST.LETHAL : COST.FREE,
  );
  for (const i of obstacles) base[i] = COST.LETHAL;
  const sources: number[] = [];
  base.forEach((c, i) => {
    if (c === COST.LETHAL || (p.inflateAroundUnknown && c === COST.UNKNOWN)) sources.push(i);
  });
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (const s of sources) {
      const d = Math.hypot((s % width) - (i % width), Math.floor(s / width) - Math.floor(i / width));
      if (d < best) best = d;
    }
    const inflated = Number.isFinite(best) ? inflationCost(best * resolution, p) : 0;
    const own = base[i]!;
    if (own === COST.LETHAL) out[i] = COST.LETHAL;
    else if (own === COST.UNKNOWN)
      out[i] = best > 0 && inflated >= (p.inflateUnknown ? 1 : COST.INSCRIBED) ? inflated : COST.UNKNOWN;
    else out[i] = Math.max(own, inflated);
  }
  return out;
}
type nav_msgs_OccupancyGrid = ReturnType<typeof occupancyGrid>;

describe('InflatedCostmap around a single obstacle', () => {
  const costmap = new InflatedCostmap(singleObstacle(), params);
  const at = (dc: number, dr: number) => costmap.data[(C + dr) * SIZE + C + dc];

  it('is lethal on the obstacle and inscribed within the inscribed radius', () => {
    expect(at(0, 0)).toBe(COST.LETHAL);
    expect(at(1, 0)).toBe(COST.INSCRIBED);
    expect(at(1, 1)).toBe(COST.INSCRIBED);
    expect(at(0, -2)).toBe(COST.INSCRIBED); // exactly on the inscribed radius (0.1 m)
    expect(at(2, 1)).not.toBe(COST.INSCRIBED); // 0.112 m
  });

  it('decays as 252·exp(-k·(d − inscribed)) out to the inflation radius, then is free', () => {
    expect(at(3, 0)).toBe(Math.floor(252 * Math.exp(-3 * 0.05)));
    expect(at(3, 0)).toBe(216);
    expect(at(-10, 0)).toBe(Math.floor(252 * Math.exp(-3 * 0.4)));
    expect(at(-10, 0)).toBe(75);
    expect(at(6, 8)).toBe(75); // 10 cells away along a diagonal
    expect(at(11, 0)).toBe(COST.FREE);
    expect(at(7, 8)).toBe(COST.FREE); // 10.6 cells
    expect(at(0, 20)).toBe(COST.FREE);
  });

  it('matches the cost function at every cell', () => {
    for (let r = 0; r < SIZE; r++) {
      for (let c = 0; c < SIZE; c++) {
        const d = Math.hypot(c - C, r - C) * 0.05;
        expect(costmap.data[r * SIZE + c], `cell ${c},${r}`).toBe(inflationCost(d, params));
      }
    }
  });

  it('answers costAt in world coordinates', () => {
    expect(costmap.costAt(C * 0.05 + 0.01, C * 0.05 + 0.01)).toBe(COST.LETHAL);
    expect(costmap.costAt(-1, 0)).toBeUndefined();
  });
});

describe('unknown cells', () => {
  // Left half unknown, one obstacle at the border of the known half.
  const grid = () => {
    const g = occupancyGrid(21, 5, 0);
    for (let r = 0; r < 5; r++) for (let c = 0; c < 10; c++) g.data[r * 21 + c] = -1;
    g.data[2 * 21 + 10] = 100;
    return g;
  };
  const p = { inscribedRadius: 0.1, inflationRadius: 0.3, costScalingFactor: 3 };

  it('stay unknown by default, except where the robot would touch the obstacle', () => {
    const costmap = new InflatedCostmap(grid(), p);
    const row = Array.from(costmap.data.subarray(2 * 21, 3 * 21));
    expect(row.slice(0, 8)).toEqual(Array(8).fill(COST.UNKNOWN));
    expect(row.slice(8, 10)).toEqual([COST.INSCRIBED, COST.INSCRIBED]);
    expect(row[10]).toBe(COST.LETHAL);
    expect(row[13]).toBe(inflationCost(0.15, p));
    expect(costmap.data[0]).toBe(COST.UNKNOWN);
  });

  it('take graded costs with inflateUnknown, and are free without trackUnknown', () => {
    const inflated = new InflatedCostmap(grid(), { ...p, inflateUnknown: true });
    expect(inflated.data[2 * 21 + 7]).toBe(inflationCost(0.15, p));
    expect(inflated.data[2 * 21 + 3]).toBe(COST.UNKNOWN);
    const untracked = new InflatedCostmap(grid(), { ...p, trackUnknown: false });
    expect(untracked.data[2 * 21 + 7]).toBe(inflationCost(0.15, p));
    expect(untracked.data[2 * 21 + 3]).toBe(COST.FREE);
    expect(untracked.data.includes(COST.UNKNOWN)).toBe(false);
  });

  it('are obstacles to inflate around with inflateAroundUnknown (and stay unknown themselves)', () => {
    const costmap = new InflatedCostmap(grid(), { ...p, inflateAroundUnknown: true });
    expect(costmap.data[2 * 21 + 5]).toBe(COST.UNKNOWN);
    expect(costmap.data[0 * 21 + 11]).toBe(COST.INSCRIBED); // one cell from the unknown half
  });
});

describe('updates', () => {
  it('marks obstacle points, and clear() goes back to the map', () => {
    const costmap = new InflatedCostmap(occupancyGrid(40, 40, 0), params);
    expect(costmap.data.every((v) => v === 0)).toBe(true);
    const revision = costmap.revision;
    const window = costmap.setObstacles([
      { x: 1.01, y: 1.01 },
      { x: 99, y: 0 },
    ]);
    expect(window).toEqual({ minCol: 10, minRow: 10, maxCol: 30, maxRow: 30 });
    expect(costmap.costAt(1.01, 1.01)).toBe(COST.LETHAL);
    expect(costmap.costAt(1.16, 1.01)).toBe(216);
    expect(costmap.revision).toBe(revision + 1);
    costmap.clear();
    expect(costmap.data.every((v) => v === 0)).toBe(true);
    expect(costmap.clear()).toBeUndefined();
  });

  it('skips a map revision it has already seen and rebuilds on a new geometry', () => {
    const costmap = new InflatedCostmap(occupancyGrid(10, 10, 0), params, 1);
    const changed = singleObstacle();
    expect(costmap.updateMap(changed, 1)).toBeUndefined();
    expect(costmap.info.width).toBe(10);
    expect(costmap.updateMap(changed, 2)).toEqual({ minCol: 0, minRow: 0, maxCol: SIZE - 1, maxRow: SIZE - 1 });
    expect(costmap.info.width).toBe(SIZE);
    expect(costmap.data[C * SIZE + C]).toBe(COST.LETHAL);
  });

  it('recomputes only around a changed cell', () => {
    const costmap = new InflatedCostmap(occupancyGrid(100, 100, 0), params);
    const grid = occupancyGrid(100, 100, 0);
    grid.data[50 * 100 + 60] = 100;
    expect(costmap.updateMap(grid)).toEqual({ minCol: 50, minRow: 40, maxCol: 70, maxRow: 60 });
    expect(costmap.updateMap(grid)).toBeUndefined();
  });
});

describe('agrees with a brute-force reference (property)', () => {
  const cellArb = fc.constantFrom(-1, 0, 0, 0, 0, 30, 100);
  const paramsArb = fc.record({
    inscribedRadius: fc.constantFrom(0, 0.05, 0.1, 0.13),
    inflationRadius: fc.constantFrom(0.15, 0.2, 0.31),
    costScalingFactor: fc.double({ min: 0.5, max: 20, noNaN: true }),
    trackUnknown: fc.boolean(),
    inflateUnknown: fc.boolean(),
    inflateAroundUnknown: fc.boolean(),
  });
  const w = 14;
  const h = 11;
  const gridArb = fc.array(cellArb, { minLength: w * h, maxLength: w * h });

  it('from scratch', () => {
    fc.assert(
      fc.property(gridArb, paramsArb, (values, p) => {
        const grid = occupancyGrid(w, h, values);
        expect(Array.from(new InflatedCostmap(grid, p).data)).toEqual(Array.from(bruteForce(grid, p)));
      }),
      { numRuns: 150 },
    );
  });

  it('after a sequence of incremental map and obstacle updates', () => {
    const stepArb = fc.oneof(
      fc.record({ map: gridArb }),
      fc.record({ obstacles: fc.array(fc.nat(w * h - 1), { maxLength: 6 }) }),
      fc.constant({ clear: true as const }),
    );
    fc.assert(
      fc.property(gridArb, paramsArb, fc.array(stepArb, { maxLength: 6 }), (first, p, steps) => {
        let grid = occupancyGrid(w, h, first);
        let obstacles: number[] = [];
        const costmap = new InflatedCostmap(grid, p);
        for (const step of steps) {
          if ('map' in step) {
            grid = occupancyGrid(w, h, step.map);
            costmap.updateMap(grid);
          } else if ('obstacles' in step) {
            obstacles = step.obstacles;
            costmap.setObstacles(
              obstacles.map((i) => ({ x: ((i % w) + 0.5) * 0.05, y: (Math.floor(i / w) + 0.5) * 0.05 })),
            );
          } else {
            obstacles = [];
            costmap.clear();
          }
          expect(Array.from(costmap.data)).toEqual(Array.from(bruteForce(grid, p, obstacles)));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('errors', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return hasErrorCode(error, (error as { code: string }).code) ? (error as { code: string }).code : 'not omni';
    }
    return 'none';
  };

  it('rejects bad parameters and mismatched grids with stable codes', () => {
    const grid = occupancyGrid(5, 5, 0);
    expect(codeOf(() => new InflatedCostmap(grid, { inscribedRadius: 0.5, inflationRadius: 0.2 }))).toBe(
      'OMNI_ERR_COSTMAP_INVALID_PARAMS',
    );
    expect(codeOf(() => new InflatedCostmap(grid, { costScalingFactor: -1 }))).toBe('OMNI_ERR_COSTMAP_INVALID_PARAMS');
    const short = { ...grid, data: new Int8Array(3) };
    expect(codeOf(() => new InflatedCostmap(short))).toBe('OMNI_ERR_COSTMAP_INVALID_GRID');
    const flat = occupancyGrid(5, 5, 0, 0);
    expect(codeOf(() => new InflatedCostmap(flat))).toBe('OMNI_ERR_COSTMAP_INVALID_GRID');
  });
});
