import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DriveController } from './drive-controller.js';

const limits = {
  maxLinearVelocity: 0.5,
  maxAngularVelocity: 2,
  maxLinearAcceleration: 1,
  maxAngularAcceleration: 4,
  commandTimeout: 0.5,
};

describe('DriveController', () => {
  it('stands still before any command', () => {
    const drive = new DriveController(limits);
    expect(drive.update(0, 0.01)).toEqual({ linear: 0, angular: 0 });
  });

  it('never exceeds the velocity limits nor changes faster than the acceleration limits (property)', () => {
    const command = fc.record({ linear: fc.double({ noNaN: false }), angular: fc.double({ noNaN: false }) });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(command, fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 20 }),
        (plan) => {
          const drive = new DriveController(limits);
          let now = 0;
          let previous = { linear: 0, angular: 0 };
          for (const [twist, steps] of plan) {
            drive.command(twist, now);
            for (let i = 0; i < steps; i++) {
              const out = drive.update(now, 0.01);
              expect(Math.abs(out.linear)).toBeLessThanOrEqual(limits.maxLinearVelocity);
              expect(Math.abs(out.angular)).toBeLessThanOrEqual(limits.maxAngularVelocity);
              expect(Math.abs(out.linear - previous.linear)).toBeLessThanOrEqual(
                limits.maxLinearAcceleration * 0.01 + 1e-12,
              );
              expect(Math.abs(out.angular - previous.angular)).toBeLessThanOrEqual(
                limits.maxAngularAcceleration * 0.01 + 1e-12,
              );
              previous = out;
              now += 10;
            }
          }
        },
      ),
    );
  });

  it('ramps to a command within the limits and lands on it exactly', () => {
    const drive = new DriveController(limits);
    drive.command({ linear: 0.3, angular: -1 }, 0);
    const outputs = Array.from({ length: 40 }, (_, i) => drive.update(i * 10, 0.01));
    expect(outputs[0]!.linear).toBeCloseTo(0.01, 12);
    expect(outputs[0]!.angular).toBeCloseTo(-0.04, 12);
    expect(outputs[29]).toEqual({ linear: 0.3, angular: -1 });
    expect(drive.target).toEqual({ linear: 0.3, angular: -1 });
  });

  it('clamps commands and treats non-finite ones as a stop', () => {
    const drive = new DriveController(limits);
    drive.command({ linear: -9, angular: 9 }, 0);
    expect(drive.target).toEqual({ linear: -0.5, angular: 2 });
    drive.command({ linear: Number.NaN, angular: Number.NEGATIVE_INFINITY }, 0);
    expect(drive.target).toEqual({ linear: 0, angular: 0 });
  });

  it('stops when no command came for the timeout (watchdog)', () => {
    const drive = new DriveController({ ...limits, maxLinearAcceleration: Infinity, maxAngularAcceleration: Infinity });
    drive.command({ linear: 0.2, angular: 1 }, 1000);
    expect(drive.update(1490, 0.01)).toEqual({ linear: 0.2, angular: 1 });
    expect(drive.timedOut(1499)).toBe(false);
    expect(drive.timedOut(1500)).toBe(true);
    expect(drive.update(1500, 0.01)).toEqual({ linear: 0, angular: 0 });
    drive.command({ linear: 0.1, angular: 0 }, 1600);
    expect(drive.update(1600, 0.01)).toEqual({ linear: 0.1, angular: 0 });
  });

  it('drives towards a stop when disabled (empty battery)', () => {
    const drive = new DriveController({ ...limits, maxLinearAcceleration: Infinity, maxAngularAcceleration: Infinity });
    drive.command({ linear: 0.2, angular: 1 }, 0);
    expect(drive.update(0, 0.01, false)).toEqual({ linear: 0, angular: 0 });
    expect(drive.output).toEqual({ linear: 0, angular: 0 });
  });
});
