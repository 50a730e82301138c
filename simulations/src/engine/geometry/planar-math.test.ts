import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceOnArc, composePose, relativePose, sinc, wrapAngle } from './planar-math.js';

const finite = fc.double({ min: -1e3, max: 1e3, noNaN: true });
const pose = fc.record({ x: finite, y: finite, theta: fc.double({ min: -10, max: 10, noNaN: true }) });

describe('planar math', () => {
  it('wraps angles to (-π, π] without changing their direction (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (a) => {
        const w = wrapAngle(a);
        expect(w).toBeGreaterThan(-Math.PI);
        expect(w).toBeLessThanOrEqual(Math.PI);
        expect(Math.cos(w)).toBeCloseTo(Math.cos(a), 9);
        expect(Math.sin(w)).toBeCloseTo(Math.sin(a), 9);
      }),
    );
    expect(wrapAngle(-Math.PI)).toBe(Math.PI);
    expect(wrapAngle(3 * Math.PI)).toBeCloseTo(Math.PI, 12);
  });

  it('undoes a composition with the relative pose (property)', () => {
    fc.assert(
      fc.property(pose, pose, (frame, child) => {
        const back = relativePose(frame, composePose(frame, child));
        expect(back.x).toBeCloseTo(child.x, 6);
        expect(back.y).toBeCloseTo(child.y, 6);
        expect(Math.cos(back.theta - child.theta)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('advances along the exact arc of a constant twist', () => {
    const r = 2;
    const end = advanceOnArc({ x: 0, y: 0, theta: 0 }, r * Math.PI, Math.PI);
    expect(end.x).toBeCloseTo(0, 12);
    expect(end.y).toBeCloseTo(2 * r, 12);
    expect(end.theta).toBeCloseTo(Math.PI, 12);
    const straight = advanceOnArc({ x: 1, y: 1, theta: Math.PI / 2 }, 3, 0);
    expect(straight.x).toBeCloseTo(1, 12);
    expect(straight.y).toBeCloseTo(4, 12);
  });

  it('computes sinc with its limit at 0', () => {
    expect(sinc(0)).toBe(1);
    expect(sinc(1e-8)).toBeCloseTo(1, 15);
    expect(sinc(Math.PI / 2)).toBeCloseTo(2 / Math.PI, 15);
  });
});
