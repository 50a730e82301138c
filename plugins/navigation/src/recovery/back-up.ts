import { z } from 'zod';
import { finished } from './recovery-behavior.js';
import type { RecoveryBehavior, RecoveryInput, RecoveryStep } from './recovery-behavior.js';
import { RecoveryBlocked, RecoveryTimedOut } from './recovery-errors.js';
import { parseRecoveryParams } from './recovery-params.js';

/** Parameters of {@link BackUp}. */
export const backUpParams = z.object({
  distance: z.number().positive().default(0.15).describe('Distance to reverse (m).'),
  speed: z.number().positive().default(0.025).describe('Reversing speed (m/s).'),
  robot_radius: z.number().positive().default(0.105).describe('Radius of the circular footprint (m).'),
  safety_margin: z.number().min(0).default(0.02).describe('Clearance kept from scan points (m).'),
  simulate_ahead_time: z
    .number()
    .positive()
    .default(2)
    .describe('How far back is checked for obstacles: the distance covered in this time, capped at what is left (s).'),
  time_allowance: z.number().positive().default(10).describe('Fails after this long (s).'),
});

/** Parameters of {@link BackUp} as given (every field optional). */
export type BackUpOptions = z.input<typeof backUpParams>;

/**
 * Reverses straight by `distance` at `speed`, measured from where it started. Before each step it
 * checks the scan along the way back (the footprint swept over the next stretch); anything there
 * stops it with a failure (`OMNI_ERR_RECOVERY_BLOCKED`): a robot has no eyes in the back to spare.
 */
export class BackUp implements RecoveryBehavior {
  readonly name = 'back_up';
  readonly params: z.output<typeof backUpParams>;
  private start: { x: number; y: number } | undefined;
  private elapsed = 0;
  private moved = 0;
  private done: RecoveryStep | undefined;

  constructor(options: BackUpOptions = {}) {
    this.params = parseRecoveryParams(backUpParams, options, 'back up');
  }

  /** Distance reversed so far (m). */
  get travelled(): number {
    return this.moved;
  }

  step(input: RecoveryInput): RecoveryStep {
    if (this.done) return this.done;
    const p = this.params;
    const { pose } = input;
    this.start ??= { x: pose.x, y: pose.y };
    this.elapsed += Math.max(0, input.dt);
    this.moved = Math.hypot(pose.x - this.start.x, pose.y - this.start.y);
    const remaining = p.distance - this.moved;
    if (remaining <= 0) return this.finish(finished('succeeded'));
    if (this.elapsed > p.time_allowance) {
      return this.finish(finished('failed', new RecoveryTimedOut(this.name, p.time_allowance)));
    }
    const blocker = this.blocker(input, Math.min(remaining, p.speed * p.simulate_ahead_time));
    if (blocker) return this.finish(finished('failed', new RecoveryBlocked(this.name, blocker.x, blocker.y)));
    return { command: { linear: -p.speed, angular: 0 }, status: 'running' };
  }

  reset(): void {
    this.start = undefined;
    this.elapsed = 0;
    this.moved = 0;
    this.done = undefined;
  }

  /** The first scan point the footprint would touch while reversing `reach` metres, if any. */
  private blocker(input: RecoveryInput, reach: number): { x: number; y: number } | undefined {
    const p = this.params;
    const { pose } = input;
    const cos = Math.cos(pose.theta);
    const sin = Math.sin(pose.theta);
    const r = p.robot_radius + p.safety_margin;
    for (const point of input.scanPoints ?? []) {
      const dx = point.x - pose.x;
      const dy = point.y - pose.y;
      const ahead = cos * dx + sin * dy;
      // Only what lies behind the centre can be hit by reversing.
      if (ahead >= 0) continue;
      const side = -sin * dx + cos * dy;
      const along = Math.min(-ahead, reach);
      if ((-ahead - along) ** 2 + side * side < r * r) return point;
    }
    return undefined;
  }

  private finish(step: RecoveryStep): RecoveryStep {
    this.done = step;
    return step;
  }
}
