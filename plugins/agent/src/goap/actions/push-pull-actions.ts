import type { ActionSchema, PlanningContext, PullAction, PushAction } from './action-types.js';
import { AFTER_MOTION } from './action-types.js';
import type { WorldState } from '../world-state.js';

type ContactAction = PushAction | PullAction;

function contactSchema<T extends 'push' | 'pull'>(type: T): ActionSchema<T> {
  const capability = type === 'push' ? 'pushable' : 'pullable';
  const speedOf = (ctx: PlanningContext): number =>
    type === 'push' ? ctx.domain.robot.pushSpeed : ctx.domain.robot.pullSpeed;
  const schema: ActionSchema<'push' | 'pull'> = {
    type,
    *ground(state: WorldState, ctx: PlanningContext) {
      if (state.holding !== null) return;
      for (const [object, place] of Object.entries(state.objectAt)) {
        if (place !== state.robotAt || ctx.domain.objects[object]?.[capability] !== true) continue;
        if (state.observed[object] !== true) continue;
        for (const to of ctx.domain.places) {
          if (to !== state.robotAt && ctx.domain.distance(state.robotAt, to) < Infinity) yield { type, object, to };
        }
      }
    },
    unmet(action: ContactAction, state: WorldState, ctx: PlanningContext) {
      const caps = ctx.domain.objects[action.object];
      if (caps === undefined) return `unknown object ${action.object}`;
      if (!caps[capability]) return `${action.object} is not ${capability}`;
      if (state.holding !== null) return `hand holds ${state.holding}`;
      if (state.objectAt[action.object] !== state.robotAt) return `${action.object} is not at ${state.robotAt}`;
      if (state.observed[action.object] !== true) return `${action.object} not observed`;
      if (!ctx.domain.hasPlace(action.to)) return `unknown place ${action.to}`;
      if (action.to === state.robotAt) return `already at ${action.to}`;
      if (ctx.domain.distance(state.robotAt, action.to) === Infinity) return `${action.to} unreachable`;
      return undefined;
    },
    estimate(action: ContactAction, state: WorldState, ctx: PlanningContext) {
      const distanceM = ctx.domain.distance(state.robotAt, action.to);
      const speed = speedOf(ctx);
      const durationS = distanceM / speed;
      const loadFactor = ctx.domain.robot.contactLoadFactor;
      return {
        durationS,
        distanceM,
        profile: { durationS, linearSpeed: speed, angularSpeed: 0, loadFactor, charging: false },
      };
    },
    apply(action: ContactAction, state: WorldState) {
      return {
        ...state,
        robotAt: action.to,
        objectAt: { ...state.objectAt, [action.object]: action.to },
        ...AFTER_MOTION,
      };
    },
  };
  return schema as unknown as ActionSchema<T>;
}

/**
 * `push(object to place)`: push an object along the floor to another place; the robot ends there too.
 *
 * - Preconditions: the object is pushable, at the robot's place, observed; the hand is empty; the
 *   target place is reachable.
 * - Effects: `objectAt[object] = to`, `robotAt = to`; off the dock, heading unknown.
 * - Cost: distance / `pushSpeed` seconds with the motors loaded by `contactLoadFactor`.
 */
export const pushSchema: ActionSchema<'push'> = contactSchema('push');

/**
 * `pull(object to place)`: pull an object by its handle to another place; the robot ends there too.
 *
 * - Preconditions: as `push`, with the object pullable.
 * - Effects: as `push`.
 * - Cost: distance / `pullSpeed` seconds with the motors loaded by `contactLoadFactor`.
 */
export const pullSchema: ActionSchema<'pull'> = contactSchema('pull');
