import { normalizeAngle } from '../world/geometry/pose-transform.js';
import type { Pose2D, Vec2 } from '../world/world-types.js';

/** Tuning of the go-to-goal law. Distances in metres, angles in radians, speeds per second. */
export interface GoToGoalGains {
  /** The goal counts as reached within this distance of the target. */
  readonly tolerance: number;
  /** Fastest forward speed, m/s. */
  readonly maxLinearSpeed: number;
  /** Fastest turn rate, rad/s. */
  readonly maxAngularSpeed: number;
  /** Forward speed per metre of remaining distance (1/s), before the limit. */
  readonly linearGain: number;
  /** Turn rate per radian of heading error (1/s), before the limit. */
  readonly angularGain: number;
  /** While turning in place, driving starts once the heading error is below this. */
  readonly alignTolerance: number;
  /** While driving, a heading error above this stops the robot to turn in place again. */
  readonly realignThreshold: number;
}

/** What the law is doing. */
export type GoToGoalPhase = 'turning' | 'driving' | 'arrived';

/** The law's output for one control tick. */
export interface GoToGoalCommand {
  readonly phase: GoToGoalPhase;
  /** Forward speed, m/s (never negative: this law does not reverse). */
  readonly linear: number;
  /** Counter-clockwise turn rate, rad/s. */
  readonly angular: number;
  /** Distance left to the target, m. */
  readonly distance: number;
  /** Bearing of the target minus the robot's heading, in (-π, π]. */
  readonly headingError: number;
}

/** Defaults suited to a TurtleBot3-sized differential drive. */
export const DEFAULT_GO_TO_GOAL_GAINS: GoToGoalGains = {
  tolerance: 0.1,
  maxLinearSpeed: 0.2,
  maxAngularSpeed: 1.5,
  linearGain: 0.8,
  angularGain: 2.0,
  alignTolerance: 0.05,
  realignThreshold: 0.5,
};

const clamp = (value: number, limit: number): number => Math.max(-limit, Math.min(limit, value));

/**
 * One tick of a turn-then-drive proportional controller towards `target`: turn in place until the
 * robot faces the target, then drive with a speed proportional to the remaining distance while
 * steering proportionally to the heading error; stop within `tolerance`. Once arrived it stays
 * arrived until pushed farther than twice the tolerance, so that it does not hunt around the goal.
 *
 * A test driver, not a planner: it sees no obstacles and drives straight at the target.
 *
 * @example
 * let phase: GoToGoalPhase = 'turning';
 * const command = goToGoalStep({ x: 0, y: 0, theta: 0 }, { x: 1, y: 1 }, phase, DEFAULT_GO_TO_GOAL_GAINS);
 * phase = command.phase; // 'turning': the target is 45° to the left
 */
export function goToGoalStep(pose: Pose2D, target: Vec2, phase: GoToGoalPhase, gains: GoToGoalGains): GoToGoalCommand {
  const dx = target.x - pose.x;
  const dy = target.y - pose.y;
  const distance = Math.hypot(dx, dy);
  const headingError = distance > 0 ? normalizeAngle(Math.atan2(dy, dx) - pose.theta) : 0;
  const stop = (next: GoToGoalPhase): GoToGoalCommand => ({
    phase: next,
    linear: 0,
    angular: 0,
    distance,
    headingError,
  });

  if (phase === 'arrived' ? distance <= 2 * gains.tolerance : distance <= gains.tolerance) return stop('arrived');

  let next: GoToGoalPhase = phase === 'arrived' ? 'turning' : phase;
  if (next === 'turning' && Math.abs(headingError) <= gains.alignTolerance) next = 'driving';
  else if (next === 'driving' && Math.abs(headingError) > gains.realignThreshold) next = 'turning';

  const angular = clamp(gains.angularGain * headingError, gains.maxAngularSpeed);
  if (next === 'turning') return { phase: next, linear: 0, angular, distance, headingError };
  // Slowing down as the heading error grows keeps the arc tight while the steering catches up.
  const linear = Math.min(gains.maxLinearSpeed, gains.linearGain * distance) * Math.max(0, Math.cos(headingError));
  return { phase: next, linear, angular, distance, headingError };
}
