import { describe, expect, it } from 'vitest';
import { ManualClock } from '@omnimind/core';
import { BehaviorTreeFactory } from '../bt/bt-factory.js';
import type { GroundedAction } from '../goap/actions/action-types.js';
import { planToTreeXml } from './plan-tree.js';
import { registerSkillNodes } from './skill-nodes.js';

const plan: GroundedAction[] = [
  { type: 'move', to: 'pick_up' },
  { type: 'observe', target: 'red_box', kind: 'object' },
  { type: 'grasp', object: 'red_box' },
  { type: 'push', object: 'cart', to: 'hall' },
  { type: 'rotate', angle: 1.5 },
  { type: 'wait', seconds: 2 },
  { type: 'release', object: 'red_box', at: 'dock' },
  { type: 'charge' },
];

describe('a plan as a behavior tree', () => {
  it('writes one skill node per step, named after the step', () => {
    const xml = planToTreeXml('fetch <1>', plan.slice(0, 3));
    expect(xml).toContain('<Sequence name="fetch &lt;1&gt;">');
    expect(xml).toContain('<MoveTo name="move(pick_up)" place="pick_up"/>');
    expect(xml).toContain('<Observe name="observe(red_box)" target="red_box" kind="object"/>');
    expect(xml).toContain('<Grasp name="grasp(red_box)" object="red_box"/>');
  });

  it('runs the steps in order through the runner, with their ports as the actions', async () => {
    const factory = new BehaviorTreeFactory();
    const ran: GroundedAction[] = [];
    registerSkillNodes(factory, async (action) => void ran.push(action));
    const tree = factory.createTreeFromXml(planToTreeXml('g', plan), 'plan.xml', { clock: new ManualClock() });
    expect(await tree.tickWhileRunning({ periodMs: 1 })).toBe('SUCCESS');
    expect(ran).toEqual(plan);
  });

  it('fails the tree at the first failing step and halts nothing after it', async () => {
    const factory = new BehaviorTreeFactory();
    const ran: string[] = [];
    registerSkillNodes(factory, async (action) => {
      ran.push(action.type);
      if (action.type === 'grasp') throw new Error('nothing in reach');
    });
    const tree = factory.createTreeFromXml(planToTreeXml('g', plan), 'plan.xml', { clock: new ManualClock() });
    expect(await tree.tickWhileRunning({ periodMs: 1 })).toBe('FAILURE');
    expect(ran).toEqual(['move', 'observe', 'grasp']);
  });
});
