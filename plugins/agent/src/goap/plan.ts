import type { MotionProfile } from '../energy/energy-model.js';
import type { ActionEstimate, GroundedAction, PlanningContext } from './actions/action-types.js';
import { applyAction, unmetPrecondition } from './action-rules.js';
import type { GoalCondition } from './goal-condition.js';
import type { WorldState } from './world-state.js';

/** Weights of the plan cost: cost = timeS·duration + energyWh·(energy drawn, charging counts 0). */
export interface CostWeights {
  /** Cost per second (default 1). */
  readonly timeS?: number;
  /** Cost per watt-hour drawn from the battery (default 0). */
  readonly energyWh?: number;
}

/** One grounded action of a plan with its predictions. */
export interface PlannedStep {
  readonly action: GroundedAction;
  /** Seconds the step is predicted to take. */
  readonly durationS: number;
  /** Net energy taken from the battery, Wh (negative for a charge). */
  readonly energyWh: number;
  /** Metres driven. */
  readonly distanceM: number;
  /** How it uses the motors, for energy prediction. */
  readonly profile: MotionProfile;
  /** The step's share of the plan cost. */
  readonly cost: number;
  /** Predicted battery level after the step, Wh. */
  readonly batteryAfterWh: number;
}

/** A plan: grounded actions in order, with the predicted totals and final state. */
export interface Plan {
  readonly goal: GoalCondition;
  readonly start: WorldState;
  readonly steps: readonly PlannedStep[];
  /** Predicted state once every step has run. */
  readonly finalState: WorldState;
  /** Sum of the steps' costs. */
  readonly cost: number;
  /** Predicted seconds. */
  readonly durationS: number;
  /** Energy drawn from the battery, Wh (charging not subtracted). */
  readonly energyWh: number;
  /** Lowest predicted battery level along the plan, Wh. */
  readonly minBatteryWh: number;
  /** Metres driven. */
  readonly distanceM: number;
  /** States the search expanded to find it (0 for a plan built by hand). */
  readonly expansions: number;
}

/** The cost of one step under `weights`. */
export function stepCost(estimate: ActionEstimate, weights: CostWeights = {}): number {
  return (weights.timeS ?? 1) * estimate.durationS + (weights.energyWh ?? 0) * Math.max(0, estimate.energyWh);
}

/** The result of running actions through the model: the steps that applied and, if one did not, why. */
export interface SimulationResult {
  readonly steps: readonly PlannedStep[];
  readonly states: readonly WorldState[];
  /** Index of the first action whose preconditions failed, with the reason; absent when all applied. */
  readonly failure?: { readonly index: number; readonly action: GroundedAction; readonly reason: string };
}

/**
 * Runs `actions` from `start` through the action model, stopping at the first whose preconditions
 * (battery floor included) do not hold. `states[0]` is `start`, `states[i + 1]` the state after step `i`.
 */
export function simulateActions(
  start: WorldState,
  actions: readonly GroundedAction[],
  ctx: PlanningContext,
  weights: CostWeights = {},
): SimulationResult {
  const steps: PlannedStep[] = [];
  const states: WorldState[] = [start];
  let state = start;
  for (const [index, action] of actions.entries()) {
    const reason = unmetPrecondition(action, state, ctx);
    if (reason !== undefined) return { steps, states, failure: { index, action, reason } };
    const next = applyAction(action, state, ctx);
    steps.push(toStep(action, next.estimate, next.state.batteryWh, weights));
    state = next.state;
    states.push(state);
  }
  return { steps, states };
}

/** A plan step from an action, its estimate and the battery after it. */
export function toStep(
  action: GroundedAction,
  estimate: ActionEstimate,
  batteryAfterWh: number,
  weights: CostWeights = {},
): PlannedStep {
  return {
    action,
    durationS: estimate.durationS,
    energyWh: estimate.energyWh,
    distanceM: estimate.distanceM,
    profile: estimate.profile,
    cost: stepCost(estimate, weights),
    batteryAfterWh,
  };
}

/** Totals a plan from its steps. */
export function assemblePlan(
  goal: GoalCondition,
  start: WorldState,
  steps: readonly PlannedStep[],
  finalState: WorldState,
  expansions: number,
): Plan {
  let cost = 0;
  let durationS = 0;
  let energyWh = 0;
  let distanceM = 0;
  let minBatteryWh = start.batteryWh;
  for (const step of steps) {
    cost += step.cost;
    durationS += step.durationS;
    energyWh += Math.max(0, step.energyWh);
    distanceM += step.distanceM;
    minBatteryWh = Math.min(minBatteryWh, step.batteryAfterWh);
  }
  return { goal, start, steps, finalState, cost, durationS, energyWh, minBatteryWh, distanceM, expansions };
}
