import { z } from 'zod';
import type { Pose2D } from '../grid/grid-types.js';
import { parseParams } from './control-params.js';
import type { VelocityCommand } from './controller.js';
import { normalizeAngle } from '@omnimind/core';

/** Parameters of {@link GoalChecker} (Nav2's simple and stopped goal checkers in one). */
export const goalCheckerParams = z.object({
  xy_goal_tolerance: z.number().min(0).default(0.25).describe('Distance to the goal that counts as there (m).'),
  yaw_goal_tolerance: z.number().min(0).default(0.25).describe('Heading error that counts as aligned (rad).'),
  stateful: z
    .boolean()
    .default(true)
    .describe('Once within the xy tolerance, stay "there" while turning to the goal heading.'),
  trans_stopped_velocity: z
    .number()
    .positive()
    .optional()
    .describe('If set, the robot must also move slower than this (m/s).'),
  rot_stopped_velocity: z
    .number()
    .positive()
    .optional()
    .describe('If set, the robot must also turn slower than this (rad/s).'),
});

/** Parameters of {@link GoalChecker} as given (every field optional). */
export type GoalCheckerOptions = z.input<typeof goalCheckerParams>;

/**
 * Decides when the robot has reached its goal: within `xy_goal_tolerance` of the position and
 * `yaw_goal_tolerance` of the heading (and, when set, nearly stopped). Stateful by default: once
 * the position was reached it is latched, so turning in place to the goal heading (which may drift
 * the centre a little) does not undo it. Call {@link reset} for a new goal.
 */
export class GoalChecker {
  readonly params: z.output<typeof goalCheckerParams>;
  private xyLatched = false;

  constructor(options: GoalCheckerOptions = {}) {
    this.params = parseParams(goalCheckerParams, options, 'goal checker');
  }

  /** Whether `pose` (moving at `velocity`) counts as having reached `goal`. */
  isGoalReached(pose: Pose2D, goal: Pose2D, velocity: VelocityCommand = { linear: 0, angular: 0 }): boolean {
    const p = this.params;
    if (!this.xyLatched) {
      if (Math.hypot(goal.x - pose.x, goal.y - pose.y) > p.xy_goal_tolerance) return false;
      if (p.stateful) this.xyLatched = true;
    }
    if (Math.abs(normalizeAngle(goal.theta - pose.theta)) > p.yaw_goal_tolerance) return false;
    if (p.trans_stopped_velocity !== undefined && Math.abs(velocity.linear) > p.trans_stopped_velocity) return false;
    if (p.rot_stopped_velocity !== undefined && Math.abs(velocity.angular) > p.rot_stopped_velocity) return false;
    return true;
  }

  /** Whether the position part has been reached and latched (stateful mode). */
  get positionReached(): boolean {
    return this.xyLatched;
  }

  /** Forgets the latched position (a new goal). */
  reset(): void {
    this.xyLatched = false;
  }
}
