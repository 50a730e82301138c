import type { ActionSchema } from './action-types.js';
import { AFTER_MOTION } from './action-types.js';

/**
 * `move(to)`: drive to a place along the shortest known route.
 *
 * - Preconditions: `to` is a place other than the robot's, reachable from it.
 * - Effects: `robotAt = to` (a held object travels along); off the dock, heading unknown.
 * - Cost: distance / `linearSpeed` seconds, driving at `linearSpeed`.
 */
export const moveSchema: ActionSchema<'move'> = {
  type: 'move',
  *ground(state, ctx) {
    for (const to of ctx.domain.places) {
      if (to !== state.robotAt) yield { type: 'move', to };
    }
  },
  unmet(action, state, ctx) {
    if (!ctx.domain.hasPlace(action.to)) return `unknown place ${action.to}`;
    if (action.to === state.robotAt) return `already at ${action.to}`;
    if (ctx.domain.distance(state.robotAt, action.to) === Infinity)
      return `${action.to} unreachable from ${state.robotAt}`;
    return undefined;
  },
  estimate(action, state, ctx) {
    const distanceM = ctx.domain.distance(state.robotAt, action.to);
    const speed = ctx.domain.robot.linearSpeed;
    const durationS = distanceM / speed;
    return {
      durationS,
      distanceM,
      profile: { durationS, linearSpeed: speed, angularSpeed: 0, loadFactor: 1, charging: false },
    };
  },
  apply(action, state) {
    return { ...state, robotAt: action.to, ...AFTER_MOTION };
  },
};
