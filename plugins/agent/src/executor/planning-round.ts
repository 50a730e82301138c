import type { BatteryParams } from '../energy/battery-params.js';
import type { EnergyPolicy } from '../energy/energy-policy.js';
import type { GoalCondition } from '../goap/goal-condition.js';
import { planActions } from '../goap/goap-planner.js';
import type { Plan } from '../goap/plan.js';
import { compileDomain, type PlanningDomain, type RobotSkillParams } from '../goap/planning-domain.js';
import type { PathLengths } from './path-lengths.js';
import type { SymbolicView } from './world-model.js';

/** What one planning round needs besides the view of the world. */
export interface PlanningSetup {
  readonly robot: RobotSkillParams;
  readonly battery: BatteryParams;
  readonly energy: EnergyPolicy;
  readonly pathLengths: PathLengths;
  /** Dock ids of the semantic map. */
  readonly docks: readonly string[];
}

/** A plan for a goal, with the domain it was made in. */
export interface PlanningResult {
  readonly domain: PlanningDomain;
  readonly plan: Plan;
  /** True when the energy policy inserted a charging detour. */
  readonly chargingDetour: boolean;
}

/**
 * One planning round: the task domain of the places in `view` with path lengths measured on the
 * current map (pairs with no path are left unjoined), a least-time plan for `goal`, and a charging
 * detour when the plan would end below the energy reserve.
 *
 * @throws the planner's `GoalUnreachable` / `PlanningBudgetExceeded`, or `InsufficientEnergy`.
 */
export async function planRound(
  view: SymbolicView,
  goal: GoalCondition,
  setup: PlanningSetup,
): Promise<PlanningResult> {
  const places = [...view.placePoses.keys()];
  const distances: Record<string, Record<string, number>> = {};
  for (let i = 0; i < places.length; i++) {
    for (let j = i + 1; j < places.length; j++) {
      const a = places[i]!;
      const b = places[j]!;
      const length = await setup.pathLengths.between(view.placePoses.get(a)!, view.placePoses.get(b)!);
      if (Number.isFinite(length)) (distances[a] ??= {})[b] = length;
    }
  }
  const domain = compileDomain({
    places,
    distances,
    docks: setup.docks.filter((dock) => view.placePoses.has(dock)),
    objects: view.objects,
    robot: setup.robot,
    battery: setup.battery,
  });
  const plan = planActions(domain, view.state, goal);
  const safe = setup.energy.ensureReserve(domain, plan);
  return { domain, plan: safe.plan, chargingDetour: safe.detour };
}
