import { z } from 'zod';
import type { Pose2D } from '../grid/grid-types.js';
import { parseParams } from './control-params.js';

/** Parameters of {@link ProgressChecker} (Nav2's simple progress checker). */
export const progressCheckerParams = z.object({
  required_movement_radius: z
    .number()
    .positive()
    .default(0.5)
    .describe('Distance from the last reference pose that counts as progress (m).'),
  movement_time_allowance: z
    .number()
    .positive()
    .default(10)
    .describe('Time allowed to make that progress before the robot counts as stuck (s).'),
});

/** Parameters of {@link ProgressChecker} as given (every field optional). */
export type ProgressCheckerOptions = z.input<typeof progressCheckerParams>;

/** The outcome of one {@link ProgressChecker.check}. */
export interface ProgressStatus {
  /** False once `movement_time_allowance` passed without leaving the movement radius. */
  readonly progressing: boolean;
  /** Seconds since the reference pose was taken. */
  readonly elapsed: number;
  /** Distance from the reference pose (m). */
  readonly moved: number;
}

/**
 * Tells a stuck robot from a moving one: the robot must get `required_movement_radius` away from a
 * reference pose within `movement_time_allowance`; each time it does, the reference moves to where
 * it is. Driven with the step's `dt` from the (possibly simulated) clock, so it works in virtual time.
 */
export class ProgressChecker {
  readonly params: z.output<typeof progressCheckerParams>;
  private refX = 0;
  private refY = 0;
  private elapsed = 0;
  private started = false;

  constructor(options: ProgressCheckerOptions = {}) {
    this.params = parseParams(progressCheckerParams, options, 'progress checker');
  }

  /** Records `pose` after `dt` more seconds and says whether the robot is still making progress. */
  check(pose: Pose2D, dt: number): ProgressStatus {
    if (!this.started) {
      this.rebase(pose);
      return { progressing: true, elapsed: 0, moved: 0 };
    }
    this.elapsed += Math.max(0, dt);
    const moved = Math.hypot(pose.x - this.refX, pose.y - this.refY);
    if (moved >= this.params.required_movement_radius) {
      this.rebase(pose);
      return { progressing: true, elapsed: 0, moved };
    }
    return { progressing: this.elapsed <= this.params.movement_time_allowance, elapsed: this.elapsed, moved };
  }

  /** Starts over: the next pose checked becomes the reference. */
  reset(): void {
    this.started = false;
  }

  private rebase(pose: Pose2D): void {
    this.refX = pose.x;
    this.refY = pose.y;
    this.elapsed = 0;
    this.started = true;
  }
}
