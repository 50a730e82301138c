import type { PlanningContext } from './actions/action-types.js';
import { successors } from './action-rules.js';
import type { GoalCondition } from './goal-condition.js';
import { satisfiesGoal } from './goal-condition.js';
import { GoalUnreachable, PlanningBudgetExceeded } from './goap-errors.js';
import type { Plan, PlannedStep } from './plan.js';
import { assemblePlan, toStep } from './plan.js';
import type { PlanningDomain } from './planning-domain.js';
import { validatePlanningInputs } from './validate-inputs.js';
import type { WorldState } from './world-state.js';
import { stateKey } from './world-state.js';

interface BfsNode {
  readonly state: WorldState;
  readonly parent: BfsNode | undefined;
  readonly step: PlannedStep | undefined;
}

/**
 * Breadth-first search over the same states and actions as {@link planActions}, without heuristic
 * or cost: the plan with the fewest actions (not the cheapest). A reference for tests and the
 * baseline of the planner's benchmark.
 *
 * @throws {@link GoalUnreachable} when every reachable state has been visited;
 * {@link PlanningBudgetExceeded} after `maxExpansions` states (default 200 000).
 */
export function breadthFirstPlan(
  domain: PlanningDomain,
  start: WorldState,
  goal: GoalCondition,
  options: { readonly maxExpansions?: number; readonly batteryFloorWh?: number } = {},
): Plan {
  validatePlanningInputs(domain, start, goal);
  const ctx: PlanningContext = { domain, goal, batteryFloorWh: options.batteryFloorWh ?? 0 };
  const maxExpansions = options.maxExpansions ?? 200_000;
  const capacityWh = domain.energy.capacityWh;
  const finish = (node: BfsNode, expansions: number): Plan => {
    const steps: PlannedStep[] = [];
    for (let n: BfsNode | undefined = node; n?.step !== undefined; n = n.parent) steps.push(n.step);
    return assemblePlan(goal, start, steps.reverse(), node.state, expansions);
  };
  const root: BfsNode = { state: start, parent: undefined, step: undefined };
  if (satisfiesGoal(goal, start, capacityWh)) return finish(root, 0);
  const visited = new Set<string>([stateKey(start)]);
  let frontier: BfsNode[] = [root];
  let expansions = 0;
  while (frontier.length > 0) {
    const nextFrontier: BfsNode[] = [];
    for (const node of frontier) {
      if (++expansions > maxExpansions) throw new PlanningBudgetExceeded(maxExpansions);
      for (const next of successors(node.state, ctx)) {
        const key = stateKey(next.state);
        if (visited.has(key)) continue;
        visited.add(key);
        const child: BfsNode = {
          state: next.state,
          parent: node,
          step: toStep(next.action, next.estimate, next.state.batteryWh),
        };
        if (satisfiesGoal(goal, child.state, capacityWh)) return finish(child, expansions);
        nextFrontier.push(child);
      }
    }
    frontier = nextFrontier;
  }
  throw new GoalUnreachable(`no sequence of actions reaches the goal (visited ${visited.size} states)`, { expansions });
}
