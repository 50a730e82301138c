import { z } from 'zod';
import { normalizeAngle } from '@omnimind/core';
import type { VelocityCommand } from '../control/controller.js';
import { finished } from './recovery-behavior.js';
import type { RecoveryBehavior, RecoveryInput, RecoveryStep } from './recovery-behavior.js';
import { RecoveryTimedOut } from './recovery-errors.js';
import { parseRecoveryParams } from './recovery-params.js';

/** Parameters of {@link Spin}. */
export const spinParams = z.object({
  angle: z
    .number()
    .refine((a) => a !== 0, 'must not be 0')
    .default(Math.PI / 2)
    .describe('Angle to turn (rad); positive is counter-clockwise. May exceed a full turn.'),
  angular_vel: z.number().positive().default(1).describe('Turn rate once up to speed (rad/s).'),
  angular_accel: z.number().positive().default(3.2).describe('Largest change of turn rate (rad/s²).'),
  angle_tolerance: z.number().positive().default(0.02).describe('Remaining angle that counts as done (rad).'),
  time_allowance: z.number().positive().default(10).describe('Fails after this long (s).'),
});

/** Parameters of {@link Spin} as given (every field optional). */
export type SpinOptions = z.input<typeof spinParams>;

/**
 * Turns in place by `angle`, measured from the pose's heading (so slip and drift are accounted for),
 * ramping the turn rate up and braking to land on the angle.
 */
export class Spin implements RecoveryBehavior {
  readonly name = 'spin';
  readonly params: z.output<typeof spinParams>;
  private lastTheta: number | undefined;
  private turned = 0;
  private elapsed = 0;
  private rate = 0;
  private done: RecoveryStep | undefined;

  constructor(options: SpinOptions = {}) {
    this.params = parseRecoveryParams(spinParams, options, 'spin');
  }

  /** Angle turned so far (rad, signed, unwrapped). */
  get angleTurned(): number {
    return this.turned;
  }

  step(input: RecoveryInput): RecoveryStep {
    if (this.done) return this.done;
    const p = this.params;
    if (this.lastTheta !== undefined) this.turned += normalizeAngle(input.pose.theta - this.lastTheta);
    this.lastTheta = input.pose.theta;
    this.elapsed += Math.max(0, input.dt);
    const remaining = Math.abs(p.angle) - Math.sign(p.angle) * this.turned;
    const dt = input.dt > 0 ? input.dt : 0.05;
    if (remaining <= p.angle_tolerance) return this.finish(finished('succeeded'));
    if (this.elapsed > p.time_allowance)
      return this.finish(finished('failed', new RecoveryTimedOut(this.name, p.time_allowance)));
    // The fastest rate that, held for this step and then braked at angular_accel, stops by the target.
    const a = p.angular_accel;
    const brake = a * (-dt + Math.sqrt(dt * dt + (2 * remaining) / a));
    const step = p.angular_accel * dt;
    this.rate = Math.max(this.rate - step, Math.min(p.angular_vel, brake, this.rate + step));
    const command: VelocityCommand = { linear: 0, angular: Math.sign(p.angle) * this.rate };
    return { command, status: 'running' };
  }

  reset(): void {
    this.lastTheta = undefined;
    this.turned = 0;
    this.elapsed = 0;
    this.rate = 0;
    this.done = undefined;
  }

  private finish(step: RecoveryStep): RecoveryStep {
    this.done = step;
    this.rate = 0;
    return step;
  }
}
