import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { degreesToRadians, normalizeAngle, toLocalFrame, toWorldFrame } from './pose-transform.js';

describe('pose transforms', () => {
  it('expresses a point in a rotated frame', () => {
    const local = toLocalFrame({ x: 1, y: 2 }, { x: 1, y: 1, theta: Math.PI / 2 });
    expect(local.x).toBeCloseTo(1);
    expect(local.y).toBeCloseTo(0);
  });

  it('goes back and forth without loss (property)', () => {
    const c = fc.double({ min: -100, max: 100, noNaN: true });
    fc.assert(
      fc.property(c, c, c, c, fc.double({ min: -10, max: 10, noNaN: true }), (x, y, px, py, theta) => {
        const pose = { x: px, y: py, theta };
        const back = toWorldFrame(toLocalFrame({ x, y }, pose), pose);
        expect(back.x).toBeCloseTo(x, 9);
        expect(back.y).toBeCloseTo(y, 9);
      }),
    );
  });

  it('brings angles into (-π, π]', () => {
    expect(normalizeAngle(degreesToRadians(270))).toBeCloseTo(-Math.PI / 2);
    expect(normalizeAngle(-Math.PI)).toBe(Math.PI);
    expect(normalizeAngle(Math.PI)).toBe(Math.PI);
    expect(normalizeAngle(degreesToRadians(-450))).toBeCloseTo(-Math.PI / 2);
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (theta) => {
        const n = normalizeAngle(theta);
        expect(n).toBeGreaterThan(-Math.PI);
        expect(n).toBeLessThanOrEqual(Math.PI);
        expect(Math.cos(n)).toBeCloseTo(Math.cos(theta), 6);
        expect(Math.sin(n)).toBeCloseTo(Math.sin(theta), 6);
      }),
    );
  });
});
