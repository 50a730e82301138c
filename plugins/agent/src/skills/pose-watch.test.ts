import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAngle } from '@omnimind/core';
import { quaternionYaw } from './pose-watch.js';

describe('planar angle helpers', () => {
  it('normalizeAngle lands in (-π, π] and differs from the input by whole turns', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (angle) => {
        const wrapped = normalizeAngle(angle);
        expect(wrapped).toBeGreaterThan(-Math.PI);
        expect(wrapped).toBeLessThanOrEqual(Math.PI);
        const turns = (angle - wrapped) / (2 * Math.PI);
        expect(Math.abs(turns - Math.round(turns))).toBeLessThan(1e-9);
      }),
    );
    expect(normalizeAngle(-Math.PI)).toBe(Math.PI);
  });

  it('quaternionYaw inverts the yaw-only quaternion', () => {
    fc.assert(
      fc.property(fc.double({ min: -Math.PI + 1e-6, max: Math.PI, noNaN: true }), (yaw) => {
        const q = { x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) };
        expect(quaternionYaw(q)).toBeCloseTo(yaw, 9);
      }),
    );
  });
});
