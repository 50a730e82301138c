import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { planActions } from './goap-planner.js';
import { checkRemainingPlan, keepOrReplan } from './plan-monitor.js';
import { formatAction } from './actions/action-types.js';
import { demoDomain, demoState } from './testing/demo-domain.js';

const domain = demoDomain();
const goal = { objectAt: { red_box: 'dock' } };

describe('plan monitoring', () => {
  const plan = planActions(domain, demoState(), goal);

  it('keeps the rest of the plan while the world matches the prediction', () => {
    // after observe and move(shelf), the world model reports what the plan predicted
    const state = { ...demoState({ robotAt: 'shelf', batteryWh: 19.9 }), observed: { red_box: true } };
    const check = checkRemainingPlan(domain, plan, 2, state);
    expect(check.status).toBe('valid');
    if (check.status !== 'valid') return;
    expect(check.remaining.steps.map((s) => formatAction(s.action))).toEqual([
      'grasp(red_box)',
      'move(dock)',
      'release(red_box@dock)',
    ]);
    const outcome = keepOrReplan(domain, plan, 2, state);
    expect(outcome.replanned).toBe(false);
  });

  it('replans from the current state when the object was moved', () => {
    // someone carried the box to the kitchen while the robot drove to the shelf
    const moved = {
      ...demoState({ robotAt: 'shelf', objectAt: { red_box: 'kitchen', cart: 'kitchen', trolley: 'door' } }),
      observed: { red_box: true },
    };
    const check = checkRemainingPlan(domain, plan, 2, moved);
    expect(check).toMatchObject({ status: 'invalid', stepIndex: 2 });
    if (check.status === 'invalid') expect(check.reason).toMatch(/not at shelf/);
    const outcome = keepOrReplan(domain, plan, 2, moved);
    expect(outcome.replanned).toBe(true);
    expect(outcome.plan?.steps.map((s) => formatAction(s.action))).toEqual([
      'move(kitchen)',
      'grasp(red_box)',
      'move(dock)',
      'release(red_box@dock)',
    ]);
    expect(outcome.plan?.start).toBe(moved);
  });

  it('notices a battery that will no longer last', () => {
    const drained = { ...demoState({ robotAt: 'shelf', batteryWh: 0.115 }), observed: { red_box: true } };
    const check = checkRemainingPlan(domain, plan, 2, drained);
    expect(check.status).toBe('invalid');
    if (check.status === 'invalid') expect(check.reason).toMatch(/battery would fall/);
    const outcome = keepOrReplan(domain, plan, 2, drained);
    expect(outcome.plan?.steps.map((s) => formatAction(s.action))).toContain('charge()');
  });

  it('reports a reached goal and a plan that stops short', () => {
    const done = demoState({ robotAt: 'dock', objectAt: { red_box: 'dock', cart: 'kitchen', trolley: 'door' } });
    expect(checkRemainingPlan(domain, plan, 5, done).status).toBe('goal-reached');
    expect(keepOrReplan(domain, plan, 5, done).plan).toBeUndefined();
    const short = checkRemainingPlan(domain, plan, 5, demoState());
    expect(short).toMatchObject({ status: 'invalid', stepIndex: 5 });
  });

  it('surfaces the planner error when replanning is impossible', () => {
    const lost = demoState({ robotAt: 'shelf', objectAt: { red_box: null, cart: 'kitchen', trolley: 'door' } });
    try {
      keepOrReplan(domain, plan, 2, { ...lost, holding: null });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_GOAP_INVALID_DOMAIN')).toBe(true);
    }
  });
});
