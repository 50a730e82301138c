import type {
  ActionEstimate,
  ActionOf,
  ActionSchema,
  ActionType,
  GroundedAction,
  PlanningContext,
} from './actions/action-types.js';
import { chargeSchema, dockSchema } from './actions/dock-charge-actions.js';
import { graspSchema, releaseSchema } from './actions/grasp-release-actions.js';
import { moveSchema } from './actions/move-action.js';
import { observeSchema } from './actions/observe-action.js';
import { pullSchema, pushSchema } from './actions/push-pull-actions.js';
import { rotateSchema, waitSchema } from './actions/rotate-wait-actions.js';
import type { WorldState } from './world-state.js';

/** The schema of every action type, in the order successors are generated. */
export const ACTION_SCHEMAS: { readonly [K in ActionType]: ActionSchema<K> } = {
  observe: observeSchema,
  grasp: graspSchema,
  release: releaseSchema,
  move: moveSchema,
  push: pushSchema,
  pull: pullSchema,
  rotate: rotateSchema,
  wait: waitSchema,
  dock: dockSchema,
  charge: chargeSchema,
};

const ORDER = Object.keys(ACTION_SCHEMAS) as ActionType[];

function schemaOf<T extends ActionType>(type: T): ActionSchema<T> {
  return ACTION_SCHEMAS[type] as ActionSchema<T>;
}

/** Battery levels within this of the floor count as at the floor, Wh. */
const ENERGY_EPSILON_WH = 1e-9;

/** Duration, distance, motion and energy of `action` in `state`. */
export function estimateAction(action: GroundedAction, state: WorldState, ctx: PlanningContext): ActionEstimate {
  const base = schemaOf(action.type).estimate(action as ActionOf<typeof action.type>, state, ctx);
  const energy = ctx.domain.energy;
  const energyWh =
    action.type === 'charge' ? state.batteryWh - energy.capacityWh : energy.profileEnergyWh(base.profile);
  return { ...base, energyWh };
}

/**
 * Why `action` cannot run in `state`, or `undefined` when it can: its schema's preconditions, and
 * for every action but `charge`, that the battery stays at or above the context's floor.
 */
export function unmetPrecondition(action: GroundedAction, state: WorldState, ctx: PlanningContext): string | undefined {
  const reason = schemaOf(action.type).unmet(action as ActionOf<typeof action.type>, state, ctx);
  if (reason !== undefined || action.type === 'charge') return reason;
  const after = state.batteryWh - estimateAction(action, state, ctx).energyWh;
  if (after < ctx.batteryFloorWh - ENERGY_EPSILON_WH) {
    return `battery would fall to ${after.toFixed(4)} Wh, below ${ctx.batteryFloorWh.toFixed(4)} Wh`;
  }
  return undefined;
}

/** The state after `action` (preconditions assumed), with its estimate; the battery is booked here. */
export function applyAction(
  action: GroundedAction,
  state: WorldState,
  ctx: PlanningContext,
): { readonly state: WorldState; readonly estimate: ActionEstimate } {
  return book(action, state, ctx, estimateAction(action, state, ctx));
}

function book(
  action: GroundedAction,
  state: WorldState,
  ctx: PlanningContext,
  estimate: ActionEstimate,
): { readonly state: WorldState; readonly estimate: ActionEstimate } {
  const next = schemaOf(action.type).apply(action as ActionOf<typeof action.type>, state, ctx);
  const batteryWh = Math.min(ctx.domain.energy.capacityWh, state.batteryWh - estimate.energyWh);
  return { state: { ...next, batteryWh }, estimate };
}

/** A successor in search: an applicable action, its estimate and the state it leads to. */
export interface Successor {
  readonly action: GroundedAction;
  readonly estimate: ActionEstimate;
  readonly state: WorldState;
}

/** Every applicable grounded action of `state`, with its estimate and resulting state. */
export function* successors(state: WorldState, ctx: PlanningContext): Iterable<Successor> {
  for (const type of ORDER) {
    const schema = schemaOf(type);
    for (const action of schema.ground(state, ctx)) {
      if (schema.unmet(action, state, ctx) !== undefined) continue;
      const estimate = estimateAction(action, state, ctx);
      if (type !== 'charge' && state.batteryWh - estimate.energyWh < ctx.batteryFloorWh - ENERGY_EPSILON_WH) continue;
      yield { action, ...book(action, state, ctx, estimate) };
    }
  }
}
