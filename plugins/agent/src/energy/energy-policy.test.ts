import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { EnergyPolicy } from './energy-policy.js';
import { planActions } from '../goap/goap-planner.js';
import { formatAction } from '../goap/actions/action-types.js';
import { compileDomain } from '../goap/planning-domain.js';
import { DEMO_SPEC, demoDomain, demoState } from '../goap/testing/demo-domain.js';
import { predictPlanEnergy } from './plan-energy.js';

const domain = demoDomain();
const names = (steps: readonly { action: Parameters<typeof formatAction>[0] }[]): string[] =>
  steps.map((s) => formatAction(s.action));

describe('EnergyPolicy', () => {
  it('leaves a plan that ends above the reserve alone', () => {
    const plan = planActions(domain, demoState(), { objectAt: { red_box: 'dock' } });
    const result = new EnergyPolicy({ reserveFraction: 0.2 }).ensureReserve(domain, plan);
    expect(result.detour).toBe(false);
    expect(result.plan).toBe(plan);
  });

  it('inserts a charging detour when the plan would end below the reserve', () => {
    // 4.1 Wh = 20.5 %: taking the box to the door draws about 0.198 Wh, ending at 19.5 %, under a 20 % reserve
    const state = demoState({ batteryWh: 4.1 });
    const plan = planActions(domain, state, { objectAt: { red_box: 'door' }, robotAt: 'kitchen' });
    expect(plan.finalState.batteryWh / 19.98).toBeLessThan(0.2);
    const result = new EnergyPolicy({ reserveFraction: 0.2 }).ensureReserve(domain, plan);
    expect(result.detour).toBe(true);
    const steps = names(result.plan.steps);
    expect(steps).toContain('charge()');
    expect(result.plan.finalState.robotAt).toBe('kitchen');
    expect(result.plan.finalState.batteryWh / 19.98).toBeGreaterThanOrEqual(0.2);
    // the cheapest place for the detour is at the start, where the robot is nearest the dock
    expect(result.insertedAt).toBe(0);
    expect(steps.slice(0, 2)).toEqual(['move(dock)', 'charge()']);
    const energy = predictPlanEnergy(result.plan.steps, domain.energy, state.batteryWh);
    expect(energy.endWh).toBeCloseTo(result.plan.finalState.batteryWh, 9);
  });

  it('says "return to dock" below the low threshold, with a plan to charge', () => {
    const policy = new EnergyPolicy({ lowFraction: 0.15 });
    expect(policy.assess(domain, demoState({ batteryWh: 10 })).kind).toBe('ok');
    const advice = policy.assess(domain, demoState({ batteryWh: 2, robotAt: 'kitchen' }));
    expect(advice.kind).toBe('return-to-dock');
    if (advice.kind !== 'return-to-dock') return;
    expect(advice.dock).toBe('dock');
    expect(advice.fraction).toBeCloseTo(2 / 19.98, 9);
    expect(names(advice.plan.steps)).toEqual(['move(dock)', 'charge()']);
    expect(advice.plan.finalState.batteryWh).toBeCloseTo(19.98, 9);
  });

  it('fails with typed errors when no dock helps', () => {
    const island = compileDomain({ ...DEMO_SPEC, places: [...DEMO_SPEC.places, 'island'] });
    try {
      new EnergyPolicy().assess(island, demoState({ batteryWh: 0.5, robotAt: 'island' }));
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_ENERGY_NO_DOCK')).toBe(true);
    }
    const plan = planActions(domain, demoState({ batteryWh: 0.2 }), { objectAt: { red_box: 'dock' } });
    try {
      new EnergyPolicy({ reserveFraction: 1 }).ensureReserve(domain, {
        ...plan,
        goal: { ...plan.goal, robotAt: 'door' },
      });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_ENERGY_INSUFFICIENT')).toBe(true);
    }
  });
});
