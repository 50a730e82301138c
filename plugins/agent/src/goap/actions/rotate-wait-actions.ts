import { idleProfile } from '../../energy/energy-model.js';
import { DEFAULT_HEADING_TOLERANCE } from '../goal-condition.js';
import type { WorldState } from '../world-state.js';
import { wrapAngle } from '../world-state.js';
import type { ActionSchema } from './action-types.js';

/**
 * The turn a rotate to `angle` costs from `heading`, radians. From an unknown heading (after
 * travelling) the planner assumes a quarter turn, the mean of a uniformly unknown start's |Δ|.
 */
export function rotationAngle(heading: number | null, angle: number): number {
  return heading === null ? Math.PI / 2 : Math.abs(wrapAngle(angle - heading));
}

/**
 * `rotate(angle)`: turn in place to face `angle` (radians, map frame).
 *
 * - Preconditions: the heading is unknown or differs from `angle`.
 * - Effects: `heading = angle`; off the dock, waiting restarts.
 * - Cost: turn / `angularSpeed` seconds turning at `angularSpeed` (a quarter turn from an unknown heading).
 *
 * Grounded only towards the goal's heading.
 */
export const rotateSchema: ActionSchema<'rotate'> = {
  type: 'rotate',
  *ground(state, ctx) {
    const goal = ctx.goal.heading;
    if (goal === undefined) return;
    const tolerance = ctx.goal.headingToleranceRad ?? DEFAULT_HEADING_TOLERANCE;
    if (state.heading === null || Math.abs(wrapAngle(goal - state.heading)) > tolerance) {
      yield { type: 'rotate', angle: wrapAngle(goal) };
    }
  },
  unmet(action, state) {
    if (!Number.isFinite(action.angle)) return `angle ${action.angle} is not finite`;
    if (state.heading !== null && rotationAngle(state.heading, action.angle) < 1e-9) return 'already facing that way';
    return undefined;
  },
  estimate(action, state, ctx) {
    const speed = ctx.domain.robot.angularSpeed;
    const durationS = rotationAngle(state.heading, action.angle) / speed;
    return {
      durationS,
      distanceM: 0,
      profile: { durationS, linearSpeed: 0, angularSpeed: speed, loadFactor: 1, charging: false },
    };
  },
  apply(action, state): WorldState {
    return { ...state, heading: wrapAngle(action.angle), docked: false, waitedS: 0 };
  },
};

/**
 * `wait(seconds)`: stand still.
 *
 * - Preconditions: `seconds` is positive and finite.
 * - Effects: `waitedS += seconds` (the robot stays where it is; on a dock it stays docked).
 * - Cost: `seconds` at idle draw.
 *
 * Grounded only for the waiting the goal still asks for.
 */
export const waitSchema: ActionSchema<'wait'> = {
  type: 'wait',
  *ground(state, ctx) {
    const wanted = ctx.goal.waitedS;
    if (wanted !== undefined && wanted > state.waitedS + 1e-9) yield { type: 'wait', seconds: wanted - state.waitedS };
  },
  unmet(action) {
    return action.seconds > 0 && Number.isFinite(action.seconds) ? undefined : `bad wait of ${action.seconds} s`;
  },
  estimate(action) {
    return { durationS: action.seconds, distanceM: 0, profile: idleProfile(action.seconds) };
  },
  apply(action, state) {
    return { ...state, waitedS: state.waitedS + action.seconds };
  },
};
