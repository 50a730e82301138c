import { idleProfile } from '../../energy/energy-model.js';
import type { ActionSchema, PlanningContext } from './action-types.js';
import type { WorldState } from '../world-state.js';

/** True when `target` (object or place) is in view from the robot's place. */
function inView(target: string, kind: 'object' | 'area', state: WorldState, ctx: PlanningContext): boolean {
  if (kind === 'area') return ctx.domain.canSee(state.robotAt, target);
  if (state.holding === target) return true;
  const place = state.objectAt[target];
  return typeof place === 'string' && ctx.domain.canSee(state.robotAt, place);
}

/**
 * `observe(object or area)`: look at an object, or at a whole place.
 *
 * - Preconditions: the target is not yet observed and is in view: an object whose place is the
 *   robot's place or on a sightline from it (or the held object), or such a place.
 * - Effects: `observed[target] = true`; observing an area also observes every object lying there.
 * - Cost: `observeS` seconds standing.
 *
 * Areas are grounded only when the goal asks for them or when they hold two or more unobserved
 * objects (otherwise observing the object does the same).
 */
export const observeSchema: ActionSchema<'observe'> = {
  type: 'observe',
  *ground(state, ctx) {
    const unobservedAt = new Map<string, number>();
    for (const [object, place] of Object.entries(state.objectAt)) {
      if (state.observed[object] === true) continue;
      if (place !== null) unobservedAt.set(place, (unobservedAt.get(place) ?? 0) + 1);
      if (inView(object, 'object', state, ctx)) yield { type: 'observe', target: object, kind: 'object' };
    }
    const wanted = new Set(ctx.goal.observed ?? []);
    for (const place of ctx.domain.places) {
      if (state.observed[place] === true || !ctx.domain.canSee(state.robotAt, place)) continue;
      if (wanted.has(place) || (unobservedAt.get(place) ?? 0) >= 2)
        yield { type: 'observe', target: place, kind: 'area' };
    }
  },
  unmet(action, state, ctx) {
    const known = action.kind === 'area' ? ctx.domain.hasPlace(action.target) : action.target in ctx.domain.objects;
    if (!known) return `unknown ${action.kind === 'area' ? 'place' : 'object'} ${action.target}`;
    if (state.observed[action.target] === true) return `${action.target} already observed`;
    if (!inView(action.target, action.kind, state, ctx)) return `${action.target} not in view from ${state.robotAt}`;
    return undefined;
  },
  estimate(_action, _state, ctx) {
    const durationS = ctx.domain.robot.observeS;
    return { durationS, distanceM: 0, profile: idleProfile(durationS) };
  },
  apply(action, state) {
    const observed: Record<string, boolean> = { ...state.observed, [action.target]: true };
    if (action.kind === 'area') {
      for (const [object, place] of Object.entries(state.objectAt))
        if (place === action.target) observed[object] = true;
    }
    return { ...state, observed };
  },
};
