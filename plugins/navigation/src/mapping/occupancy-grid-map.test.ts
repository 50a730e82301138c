import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { logOdds } from './log-odds.js';
import { OccupancyGridMap } from './occupancy-grid-map.js';
import type { ScanLike } from './scan-types.js';

const beam = (angle: number, range: number, rangeMax = 20): ScanLike => ({
  ranges: [range],
  angleMin: angle,
  angleIncrement: 0,
  rangeMin: 0,
  rangeMax,
});

const unitMap = () => new OccupancyGridMap({ resolution: 1, width: 10, height: 10 });

/** Cells with a state, as "col,row" strings. */
const cellsWhere = (map: OccupancyGridMap, test: (l: number) => boolean): string[] => {
  const out: string[] = [];
  for (let i = 0; i < map.logOdds.length; i++) {
    if (map.observed[i] === 1 && test(map.logOdds[i]!))
      out.push(`${i % map.info.width},${Math.floor(i / map.info.width)}`);
  }
  return out.sort();
};
const free = (map: OccupancyGridMap) => cellsWhere(map, (l) => l < 0);
const occupied = (map: OccupancyGridMap) => cellsWhere(map, (l) => l > 0);

describe('OccupancyGridMap.integrateScan', () => {
  it('clears the cells up to the hit and marks the hit cell (axis-aligned beam)', () => {
    const map = unitMap();
    const stats = map.integrateScan(beam(0, 5), { x: 0.5, y: 0.5, theta: 0 });
    expect(free(map)).toEqual(['0,0', '1,0', '2,0', '3,0', '4,0']);
    expect(occupied(map)).toEqual(['5,0']);
    expect(stats).toEqual({ raysTraced: 1, raysIgnored: 0, freeCells: 5, hitCells: 1 });
    expect(map.logOdds[5]).toBeCloseTo(logOdds(0.7), 6);
    expect(map.logOdds[0]).toBeCloseTo(logOdds(0.4), 6);
  });

  it('rotates beams by the sensor heading (diagonal beam)', () => {
    const map = unitMap();
    map.integrateScan(beam(0, 3 * Math.SQRT2), { x: 0.5, y: 0.5, theta: Math.PI / 4 });
    expect(free(map)).toEqual(['0,0', '1,1', '2,2']);
    expect(occupied(map)).toEqual(['3,3']);
  });

  it('uses the map origin and resolution', () => {
    const map = new OccupancyGridMap({ resolution: 0.5, width: 8, height: 8, originX: -2, originY: -2 });
    map.integrateScan(beam(Math.PI / 2, 1.1), { x: 0.1, y: 0.1, theta: 0 });
    // Sensor in cell (4, 4); the end point (0.1, 1.2) is in cell (4, 6).
    expect(free(map)).toEqual(['4,4', '4,5']);
    expect(occupied(map)).toEqual(['4,6']);
  });

  it('treats +Infinity as "no return": clears up to rangeMax, marks nothing', () => {
    const map = unitMap();
    map.integrateScan(beam(0, Number.POSITIVE_INFINITY, 3), { x: 0.5, y: 0.5, theta: 0 });
    expect(free(map)).toEqual(['0,0', '1,0', '2,0', '3,0']);
    expect(occupied(map)).toEqual([]);
  });

  it('treats a range at rangeMax or beyond maxRange as no return', () => {
    const map = new OccupancyGridMap({ resolution: 1, width: 10, height: 10, maxRange: 2 });
    map.integrateScan(beam(0, 6), { x: 0.5, y: 0.5, theta: 0 });
    expect(free(map)).toEqual(['0,0', '1,0', '2,0']);
    expect(occupied(map)).toEqual([]);
    const atMax = unitMap();
    atMax.integrateScan(beam(0, 4, 4), { x: 0.5, y: 0.5, theta: 0 });
    expect(occupied(atMax)).toEqual([]);
  });

  it('ignores -Infinity, NaN and ranges below rangeMin', () => {
    const map = unitMap();
    const scan: ScanLike = {
      ranges: [Number.NEGATIVE_INFINITY, Number.NaN, 0.2],
      angleMin: 0,
      angleIncrement: 0.1,
      rangeMin: 0.5,
      rangeMax: 10,
    };
    const stats = map.integrateScan(scan, { x: 5, y: 5, theta: 0 });
    expect(stats.raysIgnored).toBe(3);
    expect(map.observed.every((v) => v === 0)).toBe(true);
    expect(map.revision).toBe(0);
  });

  it('clips beams at the border: no hit outside, free cells up to the edge', () => {
    const map = unitMap();
    map.integrateScan(beam(0, 50), { x: 7.5, y: 2.5, theta: 0 });
    expect(free(map)).toEqual(['7,2', '8,2', '9,2']);
    expect(occupied(map)).toEqual([]);
  });

  it('traces a sensor outside the grid from where its beam enters', () => {
    const map = unitMap();
    map.integrateScan(beam(0, 13), { x: -10, y: 1.5, theta: 0 });
    expect(free(map)).toEqual(['0,1', '1,1', '2,1']);
    expect(occupied(map)).toEqual(['3,1']);
  });

  it('updates each cell once per scan, and a hit wins over a beam passing through', () => {
    const map = unitMap();
    // Two beams along +x: the short one ends in (3, 0), the long one passes through it.
    const scan: ScanLike = { ranges: [3, 6], angleMin: 0, angleIncrement: 0, rangeMin: 0, rangeMax: 20 };
    const stats = map.integrateScan(scan, { x: 0.5, y: 0.5, theta: 0 });
    expect(occupied(map)).toEqual(['3,0', '6,0']);
    expect(free(map)).toEqual(['0,0', '1,0', '2,0', '4,0', '5,0']);
    expect(map.logOdds[0]).toBeCloseTo(logOdds(0.4), 6);
    expect(stats.freeCells).toBe(5);
    expect(stats.hitCells).toBe(2);
  });

  it('clamps log-odds between logOddsMin and logOddsMax', () => {
    const map = new OccupancyGridMap({ resolution: 1, width: 10, height: 10, logOddsMin: -1, logOddsMax: 2 });
    for (let i = 0; i < 20; i++) map.integrateScan(beam(0, 5), { x: 0.5, y: 0.5, theta: 0 });
    expect(map.logOdds[5]).toBe(2);
    expect(map.logOdds[0]).toBe(-1);
    // Clamping lets the map change its mind: the wall disappears after a few misses.
    for (let i = 0; i < 8; i++) map.integrateScan(beam(0, 8), { x: 0.5, y: 0.5, theta: 0 });
    expect(map.logOdds[5]).toBeLessThan(0);
  });

  it('rejects unusable scans and parameters with stable codes', () => {
    const map = unitMap();
    const bad = { ...beam(0, 1), angleIncrement: Number.NaN };
    expect(() => map.integrateScan(bad, { x: 0, y: 0, theta: 0 })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_MAPPING_INVALID_SCAN' }),
    );
    for (const params of [
      { resolution: 0, width: 10, height: 10 },
      { resolution: 1, width: 0, height: 10 },
      { resolution: 1, width: 10, height: 10, logOddsMin: 1 },
    ]) {
      let caught: unknown;
      try {
        new OccupancyGridMap(params);
      } catch (error) {
        caught = error;
      }
      expect(hasErrorCode(caught, 'OMNI_ERR_MAPPING_INVALID_PARAMS')).toBe(true);
    }
  });
});

describe('a square room', () => {
  // A 4 m × 4 m room centred on the origin, seen from inside by a 360-beam scanner.
  const HALF = 2;
  const castToRoom = (x: number, y: number, angle: number): number => {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    const tx = c > 0 ? (HALF - x) / c : c < 0 ? (-HALF - x) / c : Number.POSITIVE_INFINITY;
    const ty = s > 0 ? (HALF - y) / s : s < 0 ? (-HALF - y) / s : Number.POSITIVE_INFINITY;
    return Math.min(tx, ty);
  };

  it('produces the four walls and a free interior', () => {
    const map = new OccupancyGridMap({ resolution: 0.05, width: 120, height: 120, originX: -3, originY: -3 });
    const pose = { x: 0.3, y: -0.2, theta: 0.4 };
    const n = 720;
    const ranges = Array.from({ length: n }, (_, i) => castToRoom(pose.x, pose.y, pose.theta + (i * 2 * Math.PI) / n));
    map.integrateScan({ ranges, angleMin: 0, angleIncrement: (2 * Math.PI) / n, rangeMin: 0.05, rangeMax: 10 }, pose);
    const res = map.info.resolution;
    const occupiedCells = occupied(map).map((key) => key.split(',').map(Number) as [number, number]);
    expect(occupiedCells.length).toBeGreaterThan(200);
    for (const [col, row] of occupiedCells) {
      const x = map.info.originX + (col + 0.5) * res;
      const y = map.info.originY + (row + 0.5) * res;
      // Every occupied cell is on a wall (within a cell of it) ...
      expect(Math.min(Math.abs(Math.abs(x) - HALF), Math.abs(Math.abs(y) - HALF))).toBeLessThanOrEqual(res);
    }
    // ... and each wall is covered along its length.
    for (const along of [-1.8, -1, 0, 1, 1.8]) {
      const onWall = (x: number, y: number) =>
        occupiedCells.some(([c, r]) => {
          const cx = map.info.originX + (c + 0.5) * res;
          const cy = map.info.originY + (r + 0.5) * res;
          return Math.abs(cx - x) <= 1.5 * res && Math.abs(cy - y) <= 1.5 * res;
        });
      expect(onWall(along, HALF) && onWall(along, -HALF) && onWall(HALF, along) && onWall(-HALF, along)).toBe(true);
    }
    const grid = map.toOccupancyGrid();
    const at = (x: number, y: number) =>
      grid.data[Math.floor((y - map.info.originY) / res) * map.info.width + Math.floor((x - map.info.originX) / res)];
    expect(at(0, 0)).toBe(40);
    expect(at(-1.5, 1.2)).toBe(40);
    expect(at(2.7, 2.7)).toBe(-1);
  });
});

describe('invariants (property)', () => {
  const scanArb = fc.record({
    ranges: fc.array(
      fc.oneof(
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
      ),
      { minLength: 1, maxLength: 40 },
    ),
    angleMin: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
    angleIncrement: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    rangeMin: fc.double({ min: 0, max: 1, noNaN: true }),
    rangeMax: fc.double({ min: 1, max: 25, noNaN: true }),
  });
  const poseArb = fc.record({
    x: fc.double({ min: -8, max: 8, noNaN: true }),
    y: fc.double({ min: -8, max: 8, noNaN: true }),
    theta: fc.double({ min: -4, max: 4, noNaN: true }),
  });

  it('writes only cells near a traced beam, marks every in-grid hit, and frees cells along each beam', () => {
    fc.assert(
      fc.property(scanArb, poseArb, (scan, pose) => {
        const map = new OccupancyGridMap({ resolution: 0.25, width: 24, height: 20, originX: -3, originY: -2.5 });
        const stats = map.integrateScan(scan, pose);
        const { resolution: res, originX, originY, width, height } = map.info;
        const segments: [number, number, number, number][] = [];
        const hits = new Set<number>();
        scan.ranges.forEach((range, i) => {
          if (Number.isNaN(range) || range === Number.NEGATIVE_INFINITY || range < scan.rangeMin) return;
          const length = Math.min(range, scan.rangeMax);
          const angle = pose.theta + scan.angleMin + i * scan.angleIncrement;
          const ex = pose.x + length * Math.cos(angle);
          const ey = pose.y + length * Math.sin(angle);
          segments.push([pose.x, pose.y, ex, ey]);
          const col = Math.floor((ex - originX) / res);
          const row = Math.floor((ey - originY) / res);
          if (range < scan.rangeMax && col >= 0 && row >= 0 && col < width && row < height) hits.add(row * width + col);
        });
        const distanceToSegment = (px: number, py: number, [x0, y0, x1, y1]: [number, number, number, number]) => {
          const dx = x1 - x0;
          const dy = y1 - y0;
          const len2 = dx * dx + dy * dy;
          const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
          return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
        };
        let observed = 0;
        for (let i = 0; i < map.observed.length; i++) {
          if (map.observed[i] !== 1) continue;
          observed++;
          const cx = originX + ((i % width) + 0.5) * res;
          const cy = originY + (Math.floor(i / width) + 0.5) * res;
          // Bresenham cells stay within a cell diagonal of the beam (a wrapped index would not).
          expect(segments.some((s) => distanceToSegment(cx, cy, s) <= res * Math.SQRT2 + 1e-9)).toBe(true);
          expect(map.logOdds[i]! > 0).toBe(hits.has(i));
        }
        expect(observed).toBe(stats.freeCells + stats.hitCells);
        for (const index of hits) expect(map.logOdds[index]).toBeGreaterThan(0);
        // Sample each beam at its middle: inside the grid and not a hit cell, it is free.
        for (const [x0, y0, x1, y1] of segments) {
          for (const t of [0.25, 0.5, 0.75]) {
            const col = Math.floor((x0 + t * (x1 - x0) - originX) / res);
            const row = Math.floor((y0 + t * (y1 - y0) - originY) / res);
            if (col < 1 || row < 1 || col >= width - 1 || row >= height - 1) continue;
            // Bresenham may pick the neighbouring cell of a sample; one of the 3×3 block is traced.
            let traced = false;
            for (let dr = -1; dr <= 1; dr++)
              for (let dc = -1; dc <= 1; dc++) traced ||= map.observed[(row + dr) * width + col + dc] === 1;
            expect(traced).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('toOccupancyGrid', () => {
  it('writes -1 for unknown cells and the probability in percent, with header and origin', () => {
    const map = new OccupancyGridMap({ resolution: 1, width: 10, height: 10, originX: -1, originY: 2 });
    map.integrateScan(beam(0, 5), { x: -0.5, y: 2.5, theta: 0 });
    const grid = map.toOccupancyGrid({ stamp: { sec: 3, nanosec: 4 }, frameId: 'map' });
    expect(grid.header).toEqual({ stamp: { sec: 3, nanosec: 4 }, frame_id: 'map' });
    expect(grid.info).toMatchObject({ width: 10, height: 10, resolution: 1, map_load_time: { sec: 3, nanosec: 4 } });
    expect(grid.info.origin.position).toEqual({ x: -1, y: 2, z: 0 });
    expect(Array.from(grid.data.subarray(0, 7))).toEqual([40, 40, 40, 40, 40, 70, -1]);
    expect(grid.data.filter((v) => v === -1).length).toBe(94);
  });

  it('returns an independent copy and follows later scans, bumping the revision', () => {
    const map = unitMap();
    map.integrateScan(beam(0, 5), { x: 0.5, y: 0.5, theta: 0 });
    expect(map.revision).toBe(1);
    const first = map.toOccupancyGrid();
    map.integrateScan(beam(Math.PI / 2, 5), { x: 0.5, y: 0.5, theta: 0 });
    expect(map.revision).toBe(2);
    const second = map.toOccupancyGrid();
    expect(first.data[50]).toBe(-1);
    expect(second.data[50]).toBe(70);
    expect(second.data[0]).toBe(Math.round(100 / (1 + Math.exp(-2 * logOdds(0.4)))));
    map.reset();
    expect(map.revision).toBe(3);
    expect(map.toOccupancyGrid().data.every((v) => v === -1)).toBe(true);
  });

  it('sizes a map from bounds with covering()', () => {
    const map = OccupancyGridMap.covering({ minX: -10, minY: -5, maxX: 10, maxY: 5 }, 0.05);
    expect(map.info).toEqual({ width: 400, height: 200, resolution: 0.05, originX: -10, originY: -5 });
  });
});
