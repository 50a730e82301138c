import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIP_END_OUTSIDE, CLIP_MISS, clipSegmentToGrid as clipInto, traceLine } from './ray-trace.js';

const clipSegmentToGrid = (x0: number, y0: number, x1: number, y1: number, w: number, h: number) => {
  const out = new Float64Array(4);
  const result = clipInto(x0, y0, x1, y1, w, h, out);
  if (result === CLIP_MISS) return undefined;
  return { x0: out[0]!, y0: out[1]!, x1: out[2]!, y1: out[3]!, endClipped: result === CLIP_END_OUTSIDE };
};

const cells = (c0: number, r0: number, c1: number, r1: number, width = 100) => {
  const out = new Int32Array(Math.max(Math.abs(c1 - c0), Math.abs(r1 - r0)) + 1);
  const n = traceLine(c0, r0, c1, r1, width, out);
  return Array.from(out.subarray(0, n), (i): [number, number] => [i % width, Math.floor(i / width)]);
};

describe('traceLine', () => {
  it('walks horizontal, vertical and diagonal lines cell by cell', () => {
    expect(cells(2, 3, 5, 3)).toEqual([
      [2, 3],
      [3, 3],
      [4, 3],
      [5, 3],
    ]);
    expect(cells(4, 4, 4, 1)).toEqual([
      [4, 4],
      [4, 3],
      [4, 2],
      [4, 1],
    ]);
    expect(cells(0, 0, 3, 3)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(cells(7, 7, 7, 7)).toEqual([[7, 7]]);
  });

  it('follows a shallow slope with one row step', () => {
    expect(cells(0, 0, 5, 1)).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1],
      [4, 1],
      [5, 1],
    ]);
  });

  it('is an 8-connected chain from start to end, close to the centre line (property)', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(99), fc.nat(99), fc.nat(99), (c0, r0, c1, r1) => {
        const path = cells(c0, r0, c1, r1);
        expect(path[0]).toEqual([c0, r0]);
        expect(path.at(-1)).toEqual([c1, r1]);
        expect(path.length).toBe(Math.max(Math.abs(c1 - c0), Math.abs(r1 - r0)) + 1);
        const length = Math.hypot(c1 - c0, r1 - r0);
        for (let k = 0; k < path.length; k++) {
          const [c, r] = path[k]!;
          if (k > 0) {
            const [pc, pr] = path[k - 1]!;
            expect(Math.max(Math.abs(c - pc), Math.abs(r - pr))).toBe(1);
          }
          if (length > 0) {
            const distance = Math.abs((c1 - c0) * (r0 - r) - (c0 - c) * (r1 - r0)) / length;
            expect(distance).toBeLessThanOrEqual(0.5 + 1e-9);
          }
        }
      }),
    );
  });
});

describe('clipSegmentToGrid', () => {
  it('keeps a segment inside the grid as it is', () => {
    expect(clipSegmentToGrid(1, 1, 5, 4, 10, 10)).toEqual({ x0: 1, y0: 1, x1: 5, y1: 4, endClipped: false });
  });

  it('cuts a segment leaving the grid at the border and says the end was clipped', () => {
    const clipped = clipSegmentToGrid(5, 5, 25, 5, 10, 10)!;
    expect(clipped.endClipped).toBe(true);
    expect(clipped.x1).toBeLessThan(10);
    expect(clipped.x1).toBeGreaterThan(9.999);
    expect(clipped.y1).toBe(5);
  });

  it('moves a start outside the grid onto the border', () => {
    const clipped = clipSegmentToGrid(-5, 5, 5, 5, 10, 10)!;
    expect(clipped.x0).toBe(0);
    expect(clipped.endClipped).toBe(false);
  });

  it('drops a segment that misses the grid', () => {
    expect(clipSegmentToGrid(-5, -5, -1, 20, 10, 10)).toBeUndefined();
    expect(clipSegmentToGrid(-5, 12, 20, 12, 10, 10)).toBeUndefined();
  });

  it('always returns points whose cells are inside the grid (property)', () => {
    const coord = fc.double({ min: -50, max: 50, noNaN: true });
    fc.assert(
      fc.property(coord, coord, coord, coord, fc.integer({ min: 1, max: 40 }), (x0, y0, x1, y1, size) => {
        const clipped = clipSegmentToGrid(x0, y0, x1, y1, size, size);
        if (!clipped) return;
        for (const v of [clipped.x0, clipped.y0, clipped.x1, clipped.y1]) {
          expect(Math.floor(v)).toBeGreaterThanOrEqual(0);
          expect(Math.floor(v)).toBeLessThan(size);
        }
      }),
    );
  });
});
