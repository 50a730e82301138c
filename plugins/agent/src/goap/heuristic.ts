import type { PlanningContext } from './actions/action-types.js';
import { rotationAngle } from './actions/rotate-wait-actions.js';
import { DEFAULT_HEADING_TOLERANCE, requiredBatteryWh } from './goal-condition.js';
import type { WorldState } from './world-state.js';
import { wrapAngle } from './world-state.js';

/** A lower bound on the seconds left to the goal, or `Infinity` with the reason nothing reaches it. */
export interface HeuristicValue {
  readonly seconds: number;
  readonly reason?: string;
}

const unreachable = (reason: string): HeuristicValue => ({ seconds: Infinity, reason });

/**
 * An admissible estimate of the time left to reach the goal from `state`.
 *
 * Two parts, over disjoint sets of actions, so their sum never overestimates:
 * - travel (move, push, pull): the longest of the route lower bounds each unmet fact forces —
 *   robot → object → its target → the robot's final place, robot → a dock, robot → a viewpoint —
 *   at the fastest speed;
 * - the rest: one grasp and one release per object still to carry, one observe if anything is
 *   still unseen, the charge time from the current level, the turn, the waiting.
 *
 * `Infinity` (with a reason) when a needed place is unreachable, an object cannot be moved, a target
 * cannot be seen from any reachable place, or the goal is self-contradictory; only then, so a
 * finite start value does not promise a plan but an infinite one proves there is none.
 */
export function estimateRemaining(state: WorldState, ctx: PlanningContext): HeuristicValue {
  const { domain, goal } = ctx;
  const robot = domain.robot;
  const r = state.robotAt;
  const d = (a: string, b: string): number => domain.distance(a, b);
  const docks = domain.docks;
  const endLeg = (p: string): number => {
    if (goal.robotAt !== undefined) return d(p, goal.robotAt);
    if (goal.docked === true) return Math.min(...docks.map((dock) => d(p, dock)));
    return 0;
  };
  let travel = 0;
  let handling = 0;
  let observeNeeded = false;
  // Records a route the robot must drive; false when it cannot.
  const need = (metres: number): boolean => {
    if (metres === Infinity) return false;
    travel = Math.max(travel, metres);
    return true;
  };

  if (goal.robotAt !== undefined && !need(d(r, goal.robotAt)))
    return unreachable(`${goal.robotAt} unreachable from ${r}`);
  if (goal.docked === true && goal.robotAt !== undefined && !docks.includes(goal.robotAt)) {
    return unreachable(`docked at ${goal.robotAt}, which has no dock`);
  }

  for (const [object, target] of Object.entries(goal.objectAt ?? {})) {
    if (goal.holding === object) return unreachable(`${object} cannot be both held and at ${target}`);
    const held = state.holding === object;
    if (!held && state.objectAt[object] === target) continue;
    if (held) {
      if (!need(d(r, target) + endLeg(target))) return unreachable(`${target} unreachable from ${r}`);
      handling += robot.releaseS;
      continue;
    }
    const caps = domain.objects[object];
    const at = state.objectAt[object];
    if (caps === undefined || typeof at !== 'string') return unreachable(`${object} is nowhere known`);
    const carry = caps.graspable;
    const contact = caps.pushable || caps.pullable;
    if (!carry && !contact) return unreachable(`${object} cannot be grasped, pushed or pulled`);
    const route = d(r, at) + d(at, target) + endLeg(target);
    if (!need(route)) return unreachable(`no route ${r} → ${at} → ${target}`);
    handling += contact ? 0 : robot.graspS + robot.releaseS;
    if (state.observed[object] !== true) observeNeeded = true;
  }

  if (
    state.holding !== null &&
    goal.holding !== undefined &&
    goal.holding !== state.holding &&
    goal.objectAt?.[state.holding] === undefined
  ) {
    handling += robot.releaseS;
  }
  if (typeof goal.holding === 'string' && state.holding !== goal.holding) {
    const object = goal.holding;
    const at = state.objectAt[object];
    if (domain.objects[object]?.graspable !== true) return unreachable(`${object} is not graspable`);
    if (typeof at !== 'string') return unreachable(`${object} is nowhere known`);
    if (!need(d(r, at) + endLeg(at))) return unreachable(`${at} unreachable from ${r}`);
    handling += robot.graspS;
    if (state.observed[object] !== true) observeNeeded = true;
  }

  for (const target of goal.observed ?? []) {
    if (state.observed[target] === true) continue;
    observeNeeded = true;
    if (state.holding === target) continue;
    const where = domain.hasPlace(target) ? target : state.objectAt[target];
    if (typeof where !== 'string') return unreachable(`${target} is nowhere known`);
    let best = Infinity;
    for (const viewpoint of domain.places) {
      if (domain.canSee(viewpoint, where)) best = Math.min(best, d(r, viewpoint) + endLeg(viewpoint));
    }
    if (!need(best)) return unreachable(`${target} cannot be seen from any reachable place`);
  }
  if (observeNeeded) handling += robot.observeS;

  const energy = domain.energy;
  const requiredWh = requiredBatteryWh(goal, energy.capacityWh);
  const chargeNeeded = state.batteryWh + 1e-9 < requiredWh;
  if (requiredWh > energy.capacityWh + 1e-9)
    return unreachable(`${requiredWh} Wh asked of a ${energy.capacityWh} Wh battery`);
  if (chargeNeeded || (goal.docked === true && !state.docked)) {
    const toDock = Math.min(...docks.map((dock) => d(r, dock) + endLeg(dock)));
    if (!need(toDock)) return unreachable(chargeNeeded ? 'no reachable dock to charge at' : 'no reachable dock');
    const full = state.batteryWh >= energy.capacityWh - 1e-6;
    handling += chargeNeeded
      ? energy.chargeTimeS(state.batteryWh)
      : full
        ? robot.dockS
        : Math.min(robot.dockS, energy.chargeTimeS(state.batteryWh));
  }

  if (goal.heading !== undefined) {
    const tolerance = goal.headingToleranceRad ?? DEFAULT_HEADING_TOLERANCE;
    if (state.heading === null || Math.abs(wrapAngle(goal.heading - state.heading)) > tolerance) {
      handling +=
        Math.max(0, Math.min(rotationAngle(state.heading, goal.heading), Math.PI / 2) - tolerance) / robot.angularSpeed;
    }
  }
  if (goal.waitedS !== undefined) handling += Math.max(0, goal.waitedS - state.waitedS);

  const fastest = Math.max(robot.linearSpeed, robot.pushSpeed, robot.pullSpeed);
  return { seconds: travel / fastest + handling };
}
