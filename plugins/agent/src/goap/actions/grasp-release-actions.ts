import { idleProfile } from '../../energy/energy-model.js';
import type { ActionSchema } from './action-types.js';

/**
 * `grasp(object)`: pick up an object.
 *
 * - Preconditions: the object is graspable, at the robot's place (`robotAt = objectAt[object]`),
 *   has been observed, and the hand is empty.
 * - Effects: `holding = object`, `objectAt[object] = null`.
 * - Cost: `graspS` seconds standing (idle draw).
 */
export const graspSchema: ActionSchema<'grasp'> = {
  type: 'grasp',
  *ground(state, ctx) {
    if (state.holding !== null) return;
    for (const [object, place] of Object.entries(state.objectAt)) {
      if (place === state.robotAt && ctx.domain.objects[object]?.graspable === true) yield { type: 'grasp', object };
    }
  },
  unmet(action, state, ctx) {
    const caps = ctx.domain.objects[action.object];
    if (caps === undefined) return `unknown object ${action.object}`;
    if (!caps.graspable) return `${action.object} is not graspable`;
    if (state.holding !== null) return `hand holds ${state.holding}`;
    if (state.objectAt[action.object] !== state.robotAt) return `${action.object} is not at ${state.robotAt}`;
    if (state.observed[action.object] !== true) return `${action.object} not observed`;
    return undefined;
  },
  estimate(_action, _state, ctx) {
    const durationS = ctx.domain.robot.graspS;
    return { durationS, distanceM: 0, profile: idleProfile(durationS) };
  },
  apply(action, state) {
    return { ...state, holding: action.object, objectAt: { ...state.objectAt, [action.object]: null } };
  },
};

/**
 * `release(object at place)`: put the held object down where the robot is.
 *
 * - Preconditions: the robot holds the object and `at` is the robot's place.
 * - Effects: `objectAt[object] = robotAt`, `holding = null`.
 * - Cost: `releaseS` seconds standing.
 */
export const releaseSchema: ActionSchema<'release'> = {
  type: 'release',
  *ground(state) {
    if (state.holding !== null) yield { type: 'release', object: state.holding, at: state.robotAt };
  },
  unmet(action, state) {
    if (state.holding !== action.object) return `not holding ${action.object}`;
    if (action.at !== state.robotAt) return `robot is at ${state.robotAt}, not ${action.at}`;
    return undefined;
  },
  estimate(_action, _state, ctx) {
    const durationS = ctx.domain.robot.releaseS;
    return { durationS, distanceM: 0, profile: idleProfile(durationS) };
  },
  apply(action, state) {
    return { ...state, holding: null, objectAt: { ...state.objectAt, [action.object]: state.robotAt } };
  },
};
