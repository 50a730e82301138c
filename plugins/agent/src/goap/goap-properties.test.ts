import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planActions } from './goap-planner.js';
import { breadthFirstPlan } from './breadth-first-search.js';
import { satisfiesGoal } from './goal-condition.js';
import type { GoalCondition } from './goal-condition.js';
import { GoapError } from './goap-errors.js';
import { estimateRemaining } from './heuristic.js';
import { simulateActions } from './plan.js';
import { DEMO_SPEC, demoDomain } from './testing/demo-domain.js';
import { createWorldState } from './world-state.js';

const domain = demoDomain();
const places = [...DEMO_SPEC.places];
const place = fc.constantFrom(...places);

const stateArb = fc
  .record({
    robotAt: place,
    box: place,
    cart: place,
    trolley: place,
    holdBox: fc.boolean(),
    seen: fc.subarray(['red_box', 'cart', 'trolley']),
    batteryWh: fc.double({ min: 0, max: 19.98, noNaN: true }),
  })
  .map((s) =>
    createWorldState({
      robotAt: s.robotAt,
      holding: s.holdBox ? 'red_box' : null,
      objectAt: { red_box: s.holdBox ? null : s.box, cart: s.cart, trolley: s.trolley },
      observed: Object.fromEntries(s.seen.map((id) => [id, true])),
      batteryWh: s.batteryWh,
    }),
  );

const goalArb: fc.Arbitrary<GoalCondition> = fc
  .record(
    {
      robotAt: place,
      objectAt: fc.record({ red_box: place, cart: place }, { requiredKeys: [] }),
      docked: fc.constant(true),
      minBatteryFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      observed: fc.subarray(['trolley', 'kitchen']),
    },
    { requiredKeys: [] },
  )
  .filter((g) => Object.keys(g).length > 0);

describe('planner properties', () => {
  it('every plan applies step by step from the start and reaches the goal, within its predictions', () => {
    fc.assert(
      fc.property(stateArb, goalArb, (start, goal) => {
        let plan;
        try {
          plan = planActions(domain, start, goal, { maxExpansions: 20_000 });
        } catch (error) {
          // a typed failure is an allowed answer (e.g. the goal docks away from the robot's final place)
          expect(error).toBeInstanceOf(GoapError);
          return;
        }
        const run = simulateActions(
          start,
          plan.steps.map((s) => s.action),
          { domain, goal, batteryFloorWh: 0 },
        );
        expect(run.failure).toBeUndefined();
        const final = run.states[run.states.length - 1]!;
        expect(satisfiesGoal(goal, final, domain.energy.capacityWh)).toBe(true);
        expect(final).toEqual(plan.finalState);
        expect(plan.minBatteryWh).toBeGreaterThanOrEqual(-1e-9);
        expect(plan.cost).toBeCloseTo(plan.durationS, 6);
        // the heuristic never overestimates what the optimal plan costs
        expect(estimateRemaining(start, { domain, goal, batteryFloorWh: 0 }).seconds).toBeLessThanOrEqual(
          plan.cost + 1e-6,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('A* is never costlier than breadth-first search, which never uses more actions', () => {
    const smallGoal = fc.record({ robotAt: place, objectAt: fc.record({ red_box: place }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(stateArb, smallGoal, (start, goal) => {
        fc.pre(Object.keys(goal).length > 0);
        const full = { ...start, batteryWh: 19.98 };
        const best = planActions(domain, full, goal);
        const bfs = breadthFirstPlan(domain, full, goal, { maxExpansions: 50_000 });
        expect(best.cost).toBeLessThanOrEqual(bfs.cost + 1e-9);
        expect(bfs.steps.length).toBeLessThanOrEqual(best.steps.length);
      }),
      { numRuns: 40 },
    );
  });
});
