import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAngle } from './angles.js';

describe('normalizeAngle', () => {
  it('wraps into (-π, π] keeping the direction (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (angle) => {
        const wrapped = normalizeAngle(angle);
        expect(wrapped).toBeGreaterThan(-Math.PI);
        expect(wrapped).toBeLessThanOrEqual(Math.PI);
        expect(Math.cos(wrapped)).toBeCloseTo(Math.cos(angle), 6);
        expect(Math.sin(wrapped)).toBeCloseTo(Math.sin(angle), 6);
      }),
    );
  });

  it('maps both ends of the circle to +π', () => {
    expect(normalizeAngle(Math.PI)).toBe(Math.PI);
    expect(normalizeAngle(-Math.PI)).toBe(Math.PI);
    expect(normalizeAngle(3 * Math.PI)).toBeCloseTo(Math.PI);
  });
});
