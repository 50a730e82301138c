import type { GroundedAction, PlanningContext } from './actions/action-types.js';
import { successors } from './action-rules.js';
import { observeSchema } from './actions/observe-action.js';
import { BinaryHeap } from './binary-heap.js';
import type { GoalCondition } from './goal-condition.js';
import { satisfiesGoal } from './goal-condition.js';
import { GoalUnreachable, PlanningBudgetExceeded } from './goap-errors.js';
import { estimateRemaining } from './heuristic.js';
import type { CostWeights, Plan, PlannedStep } from './plan.js';
import { assemblePlan, stepCost, toStep } from './plan.js';
import type { PlanningDomain } from './planning-domain.js';
import { validatePlanningInputs } from './validate-inputs.js';
import type { WorldState } from './world-state.js';
import { discreteKey } from './world-state.js';

/** Default bound on expanded states. */
export const DEFAULT_MAX_EXPANSIONS = 200_000;

/** Options of {@link planActions}. */
export interface PlanOptions {
  /** Expanded states before giving up with {@link PlanningBudgetExceeded} (default 200 000). */
  readonly maxExpansions?: number;
  /** No step but `charge` may leave the battery below this, Wh (default 0). */
  readonly batteryFloorWh?: number;
  /** Cost weights (default: cost = seconds). */
  readonly weights?: CostWeights;
}

interface SearchNode {
  readonly state: WorldState;
  readonly g: number;
  readonly f: number;
  readonly h: number;
  readonly parent: SearchNode | undefined;
  readonly step: PlannedStep | undefined;
  dead: boolean;
}

const EPS = 1e-9;

/**
 * Finds a least-cost plan from `start` to a state satisfying `goal` with A* over world states.
 *
 * The heuristic ({@link estimateRemaining}) is admissible for the default weights, so the plan is
 * optimal in time. States that differ only in battery level are pruned by dominance (more energy
 * for no more cost). Observations are made as early as possible: an `observe` right after a `move`
 * is skipped when it was possible before the move, as the swapped order costs the same.
 *
 * @throws {@link GoalUnreachable} at once when the heuristic proves the goal unreachable, or when
 * the search runs out of states (e.g. the battery cannot last and no dock helps).
 * @throws {@link PlanningBudgetExceeded} after `maxExpansions` states.
 * @throws {@link UnknownSymbol} / {@link InvalidDomain} for a state or goal the domain does not know.
 *
 * @example
 * const plan = planActions(domain, state, { objectAt: { red_box: 'dock' } });
 * plan.steps.map((s) => formatAction(s.action)); // ['observe(red_box)', 'move(shelf)', ...]
 */
export function planActions(
  domain: PlanningDomain,
  start: WorldState,
  goal: GoalCondition,
  options: PlanOptions = {},
): Plan {
  validatePlanningInputs(domain, start, goal);
  const ctx: PlanningContext = { domain, goal, batteryFloorWh: options.batteryFloorWh ?? 0 };
  const weights = options.weights ?? {};
  const timeWeight = weights.timeS ?? 1;
  const maxExpansions = options.maxExpansions ?? DEFAULT_MAX_EXPANSIONS;
  const capacityWh = domain.energy.capacityWh;

  const first = estimateRemaining(start, ctx);
  if (first.seconds === Infinity) throw new GoalUnreachable(first.reason ?? 'unknown', { expansions: 0 });

  const open = new BinaryHeap<SearchNode>((a, b) => a.f < b.f - EPS || (Math.abs(a.f - b.f) <= EPS && a.h < b.h));
  const seen = new Map<string, SearchNode[]>();
  const root: SearchNode = {
    state: start,
    g: 0,
    h: first.seconds,
    f: first.seconds,
    parent: undefined,
    step: undefined,
    dead: false,
  };
  admit(seen, root);
  open.push(root);
  let expansions = 0;
  for (let node = open.pop(); node !== undefined; node = open.pop()) {
    if (node.dead) continue;
    if (satisfiesGoal(goal, node.state, capacityWh))
      return assemblePlan(goal, start, path(node), node.state, expansions);
    if (++expansions > maxExpansions) throw new PlanningBudgetExceeded(maxExpansions);
    const previous = node.step?.action.type === 'move' ? node.parent?.state : undefined;
    for (const next of successors(node.state, ctx)) {
      if (
        previous !== undefined &&
        next.action.type === 'observe' &&
        observeSchema.unmet(next.action, previous, ctx) === undefined
      ) {
        continue;
      }
      const h = estimateRemaining(next.state, ctx).seconds;
      if (h === Infinity) continue;
      const step = toStep(next.action, next.estimate, next.state.batteryWh, weights);
      const g = node.g + stepCost(next.estimate, weights);
      const child: SearchNode = { state: next.state, g, h, f: g + timeWeight * h, parent: node, step, dead: false };
      if (admit(seen, child)) open.push(child);
    }
  }
  throw new GoalUnreachable(`no sequence of actions reaches the goal (searched ${expansions} states)`, { expansions });
}

/**
 * Records `node` unless a node with the same discrete facts, no more cost and no less battery is
 * already known; marks the nodes it dominates dead. Returns whether it was admitted.
 */
function admit(seen: Map<string, SearchNode[]>, node: SearchNode): boolean {
  const key = discreteKey(node.state);
  const rivals = seen.get(key);
  if (rivals === undefined) {
    seen.set(key, [node]);
    return true;
  }
  const battery = node.state.batteryWh;
  for (const rival of rivals) {
    if (rival.g <= node.g + EPS && rival.state.batteryWh >= battery - EPS) return false;
  }
  const kept = rivals.filter((rival) => {
    const dominated = node.g <= rival.g + EPS && battery >= rival.state.batteryWh - EPS;
    if (dominated) rival.dead = true;
    return !dominated;
  });
  kept.push(node);
  seen.set(key, kept);
  return true;
}

function path(node: SearchNode): PlannedStep[] {
  const steps: PlannedStep[] = [];
  for (let n: SearchNode | undefined = node; n?.step !== undefined; n = n.parent) steps.push(n.step);
  return steps.reverse();
}

/** The grounded actions of a plan, in order. */
export function planActionsOf(plan: Plan): GroundedAction[] {
  return plan.steps.map((step) => step.action);
}
