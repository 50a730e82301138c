import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remainingPathLength, yawOf } from './path-geometry.js';

const point = fc.record({
  x: fc.double({ min: -10, max: 10, noNaN: true }),
  y: fc.double({ min: -10, max: 10, noNaN: true }),
});
const path = fc.array(point, { minLength: 2, maxLength: 20 }).map((ps) => ps.map((p) => ({ ...p, theta: 0 })));

describe('remainingPathLength', () => {
  it('is the full length from the start and 0 at the end of a path', () => {
    const p = [
      { x: 0, y: 0, theta: 0 },
      { x: 1, y: 0, theta: 0 },
      { x: 1, y: 2, theta: 0 },
    ];
    expect(remainingPathLength(p, { x: 0, y: 0 })).toBeCloseTo(3);
    expect(remainingPathLength(p, { x: 1, y: 1 })).toBeCloseTo(1);
    expect(remainingPathLength(p, { x: 1, y: 2 })).toBeCloseTo(0);
    expect(remainingPathLength([], { x: 5, y: 5 })).toBe(0);
  });

  it('is at least the straight distance to the goal and at most the offset plus the path length', () => {
    fc.assert(
      fc.property(path, point, (p, at) => {
        const goal = p[p.length - 1]!;
        const total = p.slice(1).reduce((s, q, i) => s + Math.hypot(q.x - p[i]!.x, q.y - p[i]!.y), 0);
        const offset = Math.min(...p.map((q) => Math.hypot(q.x - at.x, q.y - at.y)));
        const d = remainingPathLength(p, at);
        expect(d).toBeGreaterThanOrEqual(Math.hypot(goal.x - at.x, goal.y - at.y) - 1e-9);
        expect(d).toBeLessThanOrEqual(offset + total + 1e-9);
      }),
    );
  });
});

describe('yawOf', () => {
  it('inverts the planar quaternion', () => {
    fc.assert(
      fc.property(fc.double({ min: -3.1, max: 3.1, noNaN: true }), (yaw) => {
        expect(yawOf({ x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) })).toBeCloseTo(yaw, 9);
      }),
    );
  });
});
