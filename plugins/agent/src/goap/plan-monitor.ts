import type { PlanningContext } from './actions/action-types.js';
import type { GoalCondition } from './goal-condition.js';
import { satisfiesGoal, unmetFacts } from './goal-condition.js';
import type { PlanOptions } from './goap-planner.js';
import { planActions } from './goap-planner.js';
import type { Plan } from './plan.js';
import { assemblePlan, simulateActions } from './plan.js';
import type { PlanningDomain } from './planning-domain.js';
import type { WorldState } from './world-state.js';

/** What monitoring concludes about the rest of a plan in the state observed now. */
export type PlanCheck =
  | { readonly status: 'goal-reached' }
  /** The remaining steps apply in sequence and still reach the goal. */
  | { readonly status: 'valid'; readonly remaining: Plan }
  /** A remaining step cannot run (`stepIndex` counts in the original plan), or the steps no longer reach the goal. */
  | {
      readonly status: 'invalid';
      readonly stepIndex: number;
      readonly reason: string;
    };

/**
 * Checks the steps of `plan` from `nextStep` on against the `observed` state: each step's
 * preconditions must hold in turn (battery floor included) and the last must leave the goal satisfied.
 *
 * @example
 * const check = checkRemainingPlan(domain, plan, 2, worldModelState);
 * if (check.status === 'invalid') plan = replan(domain, worldModelState, plan.goal);
 */
export function checkRemainingPlan(
  domain: PlanningDomain,
  plan: Plan,
  nextStep: number,
  observed: WorldState,
  options: Pick<PlanOptions, 'batteryFloorWh' | 'weights'> = {},
): PlanCheck {
  const capacityWh = domain.energy.capacityWh;
  if (satisfiesGoal(plan.goal, observed, capacityWh)) return { status: 'goal-reached' };
  const ctx: PlanningContext = { domain, goal: plan.goal, batteryFloorWh: options.batteryFloorWh ?? 0 };
  const actions = plan.steps.slice(nextStep).map((step) => step.action);
  const run = simulateActions(observed, actions, ctx, options.weights);
  if (run.failure !== undefined) {
    return { status: 'invalid', stepIndex: nextStep + run.failure.index, reason: run.failure.reason };
  }
  const final = run.states[run.states.length - 1] ?? observed;
  const unmet = unmetFacts(plan.goal, final, capacityWh);
  if (unmet.length > 0) {
    return { status: 'invalid', stepIndex: plan.steps.length, reason: `plan ends short of ${unmet.join(', ')}` };
  }
  const remaining = assemblePlan(plan.goal, observed, run.steps, final, 0);
  return { status: 'valid', remaining };
}

/** A fresh plan from the state observed now (the same search as {@link planActions}). */
export function replan(
  domain: PlanningDomain,
  current: WorldState,
  goal: GoalCondition,
  options: PlanOptions = {},
): Plan {
  return planActions(domain, current, goal, options);
}

/** The outcome of {@link keepOrReplan}. */
export interface MonitorOutcome {
  /** The check of the old plan. */
  readonly check: PlanCheck;
  /** The plan to follow from now on (the old plan's rest, or a new one); `undefined` once the goal holds. */
  readonly plan: Plan | undefined;
  /** True when a new plan was searched. */
  readonly replanned: boolean;
}

/**
 * Keeps the rest of `plan` when it is still valid in `observed`, and replans from `observed`
 * otherwise (which throws the planner's typed errors when no plan exists any more).
 */
export function keepOrReplan(
  domain: PlanningDomain,
  plan: Plan,
  nextStep: number,
  observed: WorldState,
  options: PlanOptions = {},
): MonitorOutcome {
  const check = checkRemainingPlan(domain, plan, nextStep, observed, options);
  if (check.status === 'goal-reached') return { check, plan: undefined, replanned: false };
  if (check.status === 'valid') return { check, plan: check.remaining, replanned: false };
  return { check, plan: replan(domain, observed, plan.goal, options), replanned: true };
}
