import { describe, expect, it } from 'vitest';
import { integrate } from '../control/testing/control-fixtures.js';
import type { Pose2D } from '../grid/grid-types.js';
import { BackUp } from './back-up.js';
import { ClearCostmap } from './clear-costmap.js';
import type { RecoveryBehavior, RecoveryStep } from './recovery-behavior.js';
import { Spin } from './spin.js';
import { Wait } from './wait.js';

/** Steps `behavior` at 20 Hz on a perfect unicycle until it finishes; returns every step and the poses. */
function drive(
  behavior: RecoveryBehavior,
  start: Pose2D,
  scanPoints: { x: number; y: number }[] = [],
  maxSteps = 2000,
): { steps: RecoveryStep[]; poses: Pose2D[] } {
  const steps: RecoveryStep[] = [];
  const poses = [start];
  let pose = start;
  for (let i = 0; i < maxSteps; i++) {
    const step = behavior.step({ pose, dt: 0.05, scanPoints });
    steps.push(step);
    if (step.status !== 'running') break;
    pose = integrate(pose, step.command, 0.05);
    poses.push(pose);
  }
  return { steps, poses };
}

describe('Spin', () => {
  it('turns by the angle, ramping up and braking, then succeeds', () => {
    const spin = new Spin({ angle: Math.PI, angular_vel: 1, angular_accel: 3.2 });
    const start = { x: 1, y: 2, theta: 3 };
    const { steps, poses } = drive(spin, start);
    const last = steps[steps.length - 1]!;
    expect(last).toEqual({ command: { linear: 0, angular: 0 }, status: 'succeeded' });
    expect(spin.angleTurned).toBeCloseTo(Math.PI, 1);
    expect(Math.abs(spin.angleTurned - Math.PI)).toBeLessThan(0.03);
    const end = poses[poses.length - 1]!;
    expect(end.x).toBe(1);
    let previous = 0;
    // The final zero is the stop at the target; every command before it is within the ramp limits.
    for (const { command } of steps.slice(0, -1)) {
      expect(command.linear).toBe(0);
      expect(command.angular).toBeGreaterThanOrEqual(0);
      expect(command.angular).toBeLessThanOrEqual(1);
      expect(Math.abs(command.angular - previous)).toBeLessThanOrEqual(3.2 * 0.05 + 1e-9);
      previous = command.angular;
    }
    expect(previous).toBeLessThan(0.5);
    // Finished: further steps repeat the status with a zero command.
    expect(spin.step({ pose: end, dt: 0.05 }).status).toBe('succeeded');
  });

  it('turns clockwise for a negative angle and through more than a full turn', () => {
    const spin = new Spin({ angle: -2.5 * Math.PI, angular_vel: 2 });
    const { steps } = drive(spin, { x: 0, y: 0, theta: 0 });
    expect(steps[steps.length - 1]!.status).toBe('succeeded');
    expect(spin.angleTurned).toBeCloseTo(-2.5 * Math.PI, 1);
    expect(steps.every((s) => s.command.angular <= 0)).toBe(true);
  });

  it('fails with a timeout when the robot does not turn', () => {
    const spin = new Spin({ angle: 1, time_allowance: 1 });
    let step: RecoveryStep | undefined;
    for (let i = 0; i < 30; i++) step = spin.step({ pose: { x: 0, y: 0, theta: 0 }, dt: 0.05 });
    expect(step!.status).toBe('failed');
    expect(step!.error?.code).toBe('OMNI_ERR_RECOVERY_TIMED_OUT');
    spin.reset();
    expect(spin.step({ pose: { x: 0, y: 0, theta: 0 }, dt: 0.05 }).status).toBe('running');
  });

  it('rejects a zero angle', () => {
    expect(() => new Spin({ angle: 0 })).toThrow(expect.objectContaining({ code: 'OMNI_ERR_RECOVERY_INVALID_PARAMS' }));
  });
});

describe('BackUp', () => {
  it('reverses the distance at the speed, then succeeds', () => {
    const backUp = new BackUp({ distance: 0.15, speed: 0.05 });
    const { steps, poses } = drive(backUp, { x: 0, y: 0, theta: Math.PI / 2 });
    expect(steps[steps.length - 1]!.status).toBe('succeeded');
    for (const s of steps.slice(0, -1)) expect(s.command).toEqual({ linear: -0.05, angular: 0 });
    const end = poses[poses.length - 1]!;
    expect(end.y).toBeCloseTo(-0.15, 2);
    expect(end.y).toBeLessThanOrEqual(-0.15);
    expect(backUp.travelled).toBeGreaterThanOrEqual(0.15);
  });

  it('stops and fails when the scan shows something behind', () => {
    const backUp = new BackUp({ distance: 0.5, speed: 0.1 });
    // Facing +x; a point 0.3 m behind.
    const { steps, poses } = drive(backUp, { x: 0, y: 0, theta: 0 }, [{ x: -0.3, y: 0.02 }]);
    const last = steps[steps.length - 1]!;
    expect(last.status).toBe('failed');
    expect(last.command).toEqual({ linear: 0, angular: 0 });
    expect(last.error?.code).toBe('OMNI_ERR_RECOVERY_BLOCKED');
    const end = poses[poses.length - 1]!;
    // It never got within the footprint of the point.
    expect(Math.hypot(end.x + 0.3, end.y - 0.02)).toBeGreaterThan(0.105);
  });

  it('ignores points in front and beside beyond the footprint', () => {
    const backUp = new BackUp({ distance: 0.1, speed: 0.05 });
    const { steps } = drive(backUp, { x: 0, y: 0, theta: 0 }, [
      { x: 0.2, y: 0 },
      { x: -0.2, y: 0.3 },
    ]);
    expect(steps[steps.length - 1]!.status).toBe('succeeded');
  });

  it('fails with a timeout when the robot does not move', () => {
    const backUp = new BackUp({ time_allowance: 0.5 });
    let step: RecoveryStep | undefined;
    for (let i = 0; i < 20; i++) step = backUp.step({ pose: { x: 0, y: 0, theta: 0 }, dt: 0.05 });
    expect(step!.error?.code).toBe('OMNI_ERR_RECOVERY_TIMED_OUT');
  });
});

describe('Wait', () => {
  it('stands still for the duration of the step clock', () => {
    const wait = new Wait({ duration: 1 });
    const { steps } = drive(wait, { x: 0, y: 0, theta: 0 });
    expect(steps).toHaveLength(20);
    expect(steps.every((s) => s.command.linear === 0 && s.command.angular === 0)).toBe(true);
    expect(steps[18]!.status).toBe('running');
    expect(steps[19]!.status).toBe('succeeded');
    expect(wait.waited).toBeCloseTo(1);
    wait.reset();
    expect(wait.step({ pose: { x: 0, y: 0, theta: 0 }, dt: 0.05 }).status).toBe('running');
  });
});

describe('ClearCostmap', () => {
  const input = { pose: { x: 0, y: 0, theta: 0 }, dt: 0.05 };

  it('calls a synchronous callback once and succeeds at once', () => {
    let calls = 0;
    const clear = new ClearCostmap(() => {
      calls++;
    });
    expect(clear.step(input).status).toBe('succeeded');
    expect(clear.step(input).status).toBe('succeeded');
    expect(calls).toBe(1);
    clear.reset();
    clear.step(input);
    expect(calls).toBe(2);
  });

  it('runs until an asynchronous callback resolves', async () => {
    let resolve!: () => void;
    const clear = new ClearCostmap(() => new Promise<void>((r) => (resolve = r)));
    expect(clear.step(input)).toEqual({ command: { linear: 0, angular: 0 }, status: 'running' });
    expect(clear.step(input).status).toBe('running');
    resolve();
    await Promise.resolve();
    expect(clear.step(input).status).toBe('succeeded');
  });

  it('fails with the cause when the callback throws or rejects', async () => {
    const boom = new Error('map server gone');
    const sync = new ClearCostmap(() => {
      throw boom;
    });
    const step = sync.step(input);
    expect(step.status).toBe('failed');
    expect(step.error?.code).toBe('OMNI_ERR_RECOVERY_CALLBACK_FAILED');
    expect(step.error?.cause).toBe(boom);
    const async = new ClearCostmap(() => Promise.reject(boom));
    async.step(input);
    await new Promise((r) => setImmediate(r));
    expect(async.step(input).error?.cause).toBe(boom);
  });

  it('ignores a result from before a reset', async () => {
    let resolve!: () => void;
    let calls = 0;
    const clear = new ClearCostmap(() => {
      calls++;
      return calls === 1 ? new Promise<void>((r) => (resolve = r)) : new Promise<void>(() => undefined);
    });
    clear.step(input);
    clear.reset();
    expect(clear.step(input).status).toBe('running');
    resolve();
    await Promise.resolve();
    expect(clear.step(input).status).toBe('running');
  });
});
