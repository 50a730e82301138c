import type { GroundedAction, PlanningContext } from '../goap/actions/action-types.js';
import { unmetFacts } from '../goap/goal-condition.js';
import { planActions } from '../goap/goap-planner.js';
import type { Plan } from '../goap/plan.js';
import { assemblePlan, simulateActions } from '../goap/plan.js';
import type { PlanningDomain } from '../goap/planning-domain.js';
import type { WorldState } from '../goap/world-state.js';
import { InsufficientEnergy, NoReachableDock } from './energy-errors.js';

/** Thresholds of the {@link EnergyPolicy}, as fractions of the battery capacity. */
export interface EnergyPolicyOptions {
  /** A plan must end with at least this much charge (default 0.2). */
  readonly reserveFraction?: number;
  /** Below this the robot should stop and go charging (default 0.15). */
  readonly lowFraction?: number;
}

/** What the policy advises about the battery in a state. */
export type EnergyAdvice =
  | { readonly kind: 'ok'; readonly fraction: number }
  | {
      readonly kind: 'return-to-dock';
      readonly fraction: number;
      /** The nearest reachable dock. */
      readonly dock: string;
      /** Plan to it and charge to full. */
      readonly plan: Plan;
    };

/** The outcome of {@link EnergyPolicy.ensureReserve}. */
export interface ReserveResult {
  /** The plan to run: the input when it keeps the reserve, otherwise one with a charging detour. */
  readonly plan: Plan;
  /** True when a detour was inserted. */
  readonly detour: boolean;
  /** Index in the new plan of the detour's first step (present with `detour`). */
  readonly insertedAt?: number;
}

/**
 * Keeps the robot from running flat: says "return to dock" when the battery is low, and inserts a
 * charging detour (move to a dock, charge, come back) into a plan that would end below the reserve.
 *
 * @example
 * const policy = new EnergyPolicy({ reserveFraction: 0.25 });
 * const { plan: safe } = policy.ensureReserve(domain, planActions(domain, state, goal));
 */
export class EnergyPolicy {
  readonly reserveFraction: number;
  readonly lowFraction: number;

  constructor(options: EnergyPolicyOptions = {}) {
    this.reserveFraction = options.reserveFraction ?? 0.2;
    this.lowFraction = options.lowFraction ?? 0.15;
    for (const [name, value] of [
      ['reserveFraction', this.reserveFraction],
      ['lowFraction', this.lowFraction],
    ] as const) {
      if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be within 0..1, got ${value}`);
    }
  }

  /**
   * `return-to-dock` (with the plan to the nearest dock and a full charge) when the battery is
   * below `lowFraction`, `ok` otherwise.
   *
   * @throws {@link NoReachableDock} when low and no dock can be reached.
   */
  assess(domain: PlanningDomain, state: WorldState): EnergyAdvice {
    const fraction = domain.energy.fraction(state.batteryWh);
    if (fraction >= this.lowFraction) return { kind: 'ok', fraction };
    const nearest = domain.nearestDock(state.robotAt);
    if (nearest === undefined) throw new NoReachableDock(state.robotAt);
    const plan = planActions(domain, state, { robotAt: nearest.dock, docked: true, minBatteryFraction: 1 });
    return { kind: 'return-to-dock', fraction, dock: nearest.dock, plan };
  }

  /**
   * Returns `plan` when it never runs dry and ends at or above the reserve; otherwise the cheapest
   * variant with one charging detour inserted before some step — `move(dock)`, `charge` and, when
   * the rest of the plan or the goal needs it, `move` back — that keeps the reserve and still
   * reaches the goal.
   *
   * @throws {@link InsufficientEnergy} when no single detour does.
   */
  ensureReserve(domain: PlanningDomain, plan: Plan): ReserveResult {
    const reserveWh = this.reserveFraction * domain.energy.capacityWh;
    if (plan.minBatteryWh >= 0 && plan.finalState.batteryWh >= reserveWh - 1e-9) return { plan, detour: false };
    const ctx: PlanningContext = { domain, goal: plan.goal, batteryFloorWh: 0 };
    const actions = plan.steps.map((step) => step.action);
    const run = simulateActions(plan.start, actions, ctx);
    let best: { plan: Plan; insertedAt: number } | undefined;
    for (let i = 0; i <= actions.length; i++) {
      const state = run.states[i];
      if (state === undefined) break;
      for (const detour of detours(domain, state)) {
        const candidate = [...actions.slice(0, i), ...detour, ...actions.slice(i)];
        const sim = simulateActions(plan.start, candidate, ctx);
        const final = sim.states[sim.states.length - 1];
        if (sim.failure !== undefined || final === undefined) continue;
        if (final.batteryWh < reserveWh - 1e-9) continue;
        if (unmetFacts(plan.goal, final, domain.energy.capacityWh).length > 0) continue;
        const built = assemblePlan(plan.goal, plan.start, sim.steps, final, plan.expansions);
        if (best === undefined || built.cost < best.plan.cost) best = { plan: built, insertedAt: i };
      }
    }
    if (best === undefined) {
      throw new InsufficientEnergy(
        `no charging detour lets the plan end with ${(this.reserveFraction * 100).toFixed(0)} % charge`,
        { reserveWh, predictedEndWh: plan.finalState.batteryWh },
      );
    }
    return { plan: best.plan, detour: true, insertedAt: best.insertedAt };
  }
}

/** The detours from `state`: to each reachable dock and charge, with and without coming back. */
function detours(domain: PlanningDomain, state: WorldState): GroundedAction[][] {
  const out: GroundedAction[][] = [];
  for (const dock of domain.docks) {
    if (domain.distance(state.robotAt, dock) === Infinity) continue;
    if (dock === state.robotAt) {
      out.push([{ type: 'charge' }]);
      continue;
    }
    out.push([{ type: 'move', to: dock }, { type: 'charge' }]);
    out.push([{ type: 'move', to: dock }, { type: 'charge' }, { type: 'move', to: state.robotAt }]);
  }
  return out;
}
