import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { planActions } from './goap-planner.js';
import { breadthFirstPlan } from './breadth-first-search.js';
import { formatAction } from './actions/action-types.js';
import type { GoalCondition } from './goal-condition.js';
import type { Plan } from './plan.js';
import { simulateActions } from './plan.js';
import { compileDomain } from './planning-domain.js';
import { DEMO_SPEC, demoDomain, demoState } from './testing/demo-domain.js';

const domain = demoDomain();
const names = (plan: Plan): string[] => plan.steps.map((s) => formatAction(s.action));
const FULL = 19.98;

function expectCode(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect((error as { code?: string }).code).toBe(code);
    expect(hasErrorCode(error, code)).toBe(true);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

describe('planActions: the demo mission', () => {
  it('fetches the red box to the dock: observe → move → grasp → move → release', () => {
    const plan = planActions(domain, demoState(), { objectAt: { red_box: 'dock' } });
    expect(names(plan)).toEqual([
      'observe(red_box)',
      'move(shelf)',
      'grasp(red_box)',
      'move(dock)',
      'release(red_box@dock)',
    ]);
    // 2 s observe + 6 m / 0.5 + 4 s grasp + 10 m / 0.5 + 3 s release
    expect(plan.durationS).toBeCloseTo(41, 9);
    expect(plan.cost).toBeCloseTo(41, 9);
    expect(plan.distanceM).toBe(16);
    const idle = 11.1 * 0.7;
    const drive = 11.1 * 1.7;
    expect(plan.energyWh).toBeCloseTo((idle * 9 + drive * 32) / 3600, 12);
    expect(plan.finalState.batteryWh).toBeCloseTo(FULL - plan.energyWh, 12);
    expect(plan.finalState).toMatchObject({ robotAt: 'dock', holding: null });
  });

  it('charges first when the battery cannot last the trip', () => {
    const plan = planActions(domain, demoState({ batteryWh: 0.1 }), { objectAt: { red_box: 'dock' } });
    const steps = names(plan);
    expect(steps.slice(0, 2)).toEqual(['move(dock)', 'charge()']);
    expect(steps.filter((s) => s !== 'observe(red_box)').slice(2)).toEqual([
      'move(shelf)',
      'grasp(red_box)',
      'move(dock)',
      'release(red_box@dock)',
    ]);
    expect(plan.minBatteryWh).toBeGreaterThanOrEqual(0);
    const charge = plan.steps[1]!;
    // from 0.1 − 4 m of driving to full at 19.98 W, plus 5 s to dock
    const atDock = 0.1 - (11.1 * 1.7 * 8) / 3600;
    expect(charge.durationS).toBeCloseTo(5 + ((FULL - atDock) * 3600) / 19.98, 6);
  });

  it('recharges when the goal asks for a charged battery, at the cheapest moment', () => {
    const goal = { objectAt: { red_box: 'dock' }, docked: true, minBatteryFraction: 0.9 };
    const start = demoState({ batteryWh: 10 });
    const plan = planActions(domain, start, goal);
    expect(names(plan)).toContain('charge()');
    expect(plan.finalState.docked).toBe(true);
    expect(plan.finalState.batteryWh).toBeGreaterThanOrEqual(0.9 * FULL);
    // charging last would refill the trip's energy too (34 s at 19.98 W), more than the 16 s detour
    // to charge first: the planner weighs both
    const chargeLast = simulateActions(
      start,
      [
        { type: 'observe', target: 'red_box', kind: 'object' },
        { type: 'move', to: 'shelf' },
        { type: 'grasp', object: 'red_box' },
        { type: 'move', to: 'dock' },
        { type: 'release', object: 'red_box', at: 'dock' },
        { type: 'charge' },
      ],
      { domain, goal, batteryFloorWh: 0 },
    );
    expect(chargeLast.failure).toBeUndefined();
    const lastCost = chargeLast.steps.reduce((sum, step) => sum + step.cost, 0);
    expect(plan.cost).toBeLessThan(lastCost);
  });
});

describe('planActions: push, pull, rotate, wait, dock', () => {
  it('pushes the cart (not graspable) to the hall', () => {
    const plan = planActions(domain, demoState(), { objectAt: { cart: 'hall' } });
    expect(names(plan)).toEqual(['observe(cart)', 'move(kitchen)', 'push(cart→hall)']);
    // push at half speed: 5 m / 0.25 m/s
    expect(plan.steps[2]!.durationS).toBeCloseTo(20, 9);
    expect(plan.steps[2]!.profile.loadFactor).toBe(1.5);
  });

  it('pulls the trolley (pullable only) from the door to the kitchen', () => {
    const plan = planActions(domain, demoState({ robotAt: 'kitchen' }), { objectAt: { trolley: 'kitchen' } });
    expect(names(plan)).toEqual(['observe(trolley)', 'move(door)', 'pull(trolley→kitchen)']);
    expect(plan.finalState.robotAt).toBe('kitchen');
  });

  it('rotates after travelling to face a heading', () => {
    const plan = planActions(domain, demoState(), { robotAt: 'door', heading: Math.PI / 2 });
    expect(names(plan)).toEqual(['move(door)', 'rotate(1.571)']);
    expect(plan.steps[1]!.durationS).toBeCloseTo(Math.PI / 2, 9);
    const turn = planActions(domain, demoState({ heading: 0 }), { heading: -Math.PI / 4 });
    expect(names(turn)).toEqual(['rotate(-0.785)']);
    expect(turn.durationS).toBeCloseTo(Math.PI / 4, 9);
  });

  it('waits where the goal asks for a dwell', () => {
    const plan = planActions(domain, demoState(), { robotAt: 'kitchen', waitedS: 12 });
    expect(names(plan)).toEqual(['move(kitchen)', 'wait(12)']);
    expect(plan.steps[1]!.energyWh).toBeCloseTo((11.1 * 0.7 * 12) / 3600, 12);
  });

  it('docks without charging when full', () => {
    expect(names(planActions(domain, demoState(), { docked: true }))).toEqual(['move(dock)', 'dock()']);
  });

  it('observes an area, seeing every object lying there', () => {
    const plan = planActions(domain, demoState(), { observed: ['kitchen'] });
    expect(names(plan)).toEqual(['observe(kitchen)']);
    expect(plan.finalState.observed).toMatchObject({ kitchen: true, cart: true });
  });

  it('returns an empty plan when the goal already holds', () => {
    const plan = planActions(domain, demoState(), { robotAt: 'hall' });
    expect(plan.steps).toEqual([]);
    expect(plan.cost).toBe(0);
  });
});

describe('planActions: failures', () => {
  const island = compileDomain({ ...DEMO_SPEC, places: [...DEMO_SPEC.places, 'island'] });

  it('fails fast, before searching, when a place is unreachable', () => {
    try {
      planActions(island, demoState(), { robotAt: 'island' });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_GOAP_UNREACHABLE')).toBe(true);
      expect((error as { details: { expansions: number } }).details.expansions).toBe(0);
    }
  });

  it('fails fast for an object that cannot be moved or a target never in view', () => {
    const fixed = compileDomain({ ...DEMO_SPEC, objects: { ...DEMO_SPEC.objects, anvil: {} } });
    const state = demoState({ objectAt: { red_box: 'shelf', cart: 'kitchen', trolley: 'door', anvil: 'hall' } });
    expectCode(() => planActions(fixed, state, { objectAt: { anvil: 'dock' } }), 'OMNI_ERR_GOAP_UNREACHABLE');
    expectCode(() => planActions(island, demoState(), { observed: ['island'] }), 'OMNI_ERR_GOAP_UNREACHABLE');
    expectCode(() => planActions(domain, demoState(), { holding: 'cart' }), 'OMNI_ERR_GOAP_UNREACHABLE');
  });

  it('fails when the battery cannot last and there is no dock', () => {
    const dockless = compileDomain({ ...DEMO_SPEC, docks: [] });
    expectCode(
      () => planActions(dockless, demoState({ batteryWh: 0.05 }), { objectAt: { red_box: 'door' } }),
      'OMNI_ERR_GOAP_UNREACHABLE',
    );
  });

  it('stops at the expansion budget with a typed error', () => {
    expectCode(
      () => planActions(domain, demoState(), { objectAt: { red_box: 'door', cart: 'dock' } }, { maxExpansions: 3 }),
      'OMNI_ERR_GOAP_BUDGET_EXCEEDED',
    );
  });

  it('rejects unknown places and objects', () => {
    expectCode(() => planActions(domain, demoState(), { robotAt: 'attic' }), 'OMNI_ERR_GOAP_UNKNOWN_SYMBOL');
    expectCode(
      () => planActions(domain, demoState(), { objectAt: { blue_box: 'dock' } }),
      'OMNI_ERR_GOAP_UNKNOWN_SYMBOL',
    );
    expectCode(
      () => planActions(domain, demoState({ robotAt: 'attic' }), { robotAt: 'dock' }),
      'OMNI_ERR_GOAP_UNKNOWN_SYMBOL',
    );
  });
});

describe('breadthFirstPlan', () => {
  it('finds plans with at most as many actions as A*, and no cheaper', () => {
    for (const goal of [
      { objectAt: { red_box: 'dock' } },
      { objectAt: { cart: 'hall' } },
      { robotAt: 'door', waitedS: 3 },
    ] as GoalCondition[]) {
      const best = planActions(domain, demoState(), goal);
      const bfs = breadthFirstPlan(domain, demoState(), goal);
      expect(bfs.steps.length).toBeLessThanOrEqual(best.steps.length);
      expect(bfs.cost).toBeGreaterThanOrEqual(best.cost - 1e-9);
    }
  });
});
