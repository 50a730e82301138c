import { idleProfile } from '../../energy/energy-model.js';
import type { ActionSchema } from './action-types.js';

/** Battery levels this close to full count as full, Wh. */
const FULL_EPSILON_WH = 1e-6;

/**
 * `dock`: settle on the dock at the robot's place without charging.
 *
 * - Preconditions: the robot's place has a dock and the robot is not docked.
 * - Effects: `docked = true`.
 * - Cost: `dockS` seconds at idle draw.
 */
export const dockSchema: ActionSchema<'dock'> = {
  type: 'dock',
  *ground(state, ctx) {
    if (!state.docked && ctx.domain.docks.includes(state.robotAt)) yield { type: 'dock' };
  },
  unmet(_action, state, ctx) {
    if (!ctx.domain.docks.includes(state.robotAt)) return `no dock at ${state.robotAt}`;
    if (state.docked) return 'already docked';
    return undefined;
  },
  estimate(_action, _state, ctx) {
    const durationS = ctx.domain.robot.dockS;
    return { durationS, distanceM: 0, profile: idleProfile(durationS) };
  },
  apply(_action, state) {
    return { ...state, docked: true };
  },
};

/**
 * `charge`: dock (when not docked) and charge to full. Combined with `move(dock)` this is the
 * charging detour.
 *
 * - Preconditions: the robot's place has a dock; the battery is not full.
 * - Effects: `batteryWh = capacity`, `docked = true`.
 * - Cost: `dockS` (when not docked) plus (capacity − battery) / (chargeCurrent × nominalVoltage).
 *   The dock powers the robot while charging, so the battery gains the full charge power.
 */
export const chargeSchema: ActionSchema<'charge'> = {
  type: 'charge',
  *ground(state, ctx) {
    if (ctx.domain.docks.includes(state.robotAt) && state.batteryWh < ctx.domain.energy.capacityWh - FULL_EPSILON_WH) {
      yield { type: 'charge' };
    }
  },
  unmet(_action, state, ctx) {
    if (!ctx.domain.docks.includes(state.robotAt)) return `no dock at ${state.robotAt}`;
    if (state.batteryWh >= ctx.domain.energy.capacityWh - FULL_EPSILON_WH) return 'battery already full';
    return undefined;
  },
  estimate(_action, state, ctx) {
    const dockS = state.docked ? 0 : ctx.domain.robot.dockS;
    const chargeS = ctx.domain.energy.chargeTimeS(state.batteryWh);
    const durationS = dockS + chargeS;
    return { durationS, distanceM: 0, profile: { ...idleProfile(durationS), charging: true } };
  },
  apply(_action, state) {
    return { ...state, docked: true };
  },
};
