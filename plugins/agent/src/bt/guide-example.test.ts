import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@omnimind/core';
import { BehaviorTreeFactory } from './bt-factory.js';
import { inputPort } from './ports.js';
import type { StatusChange } from './tree-snapshot.js';

const GUIDE = new URL('../../../../docs/guides/behavior-trees.md', import.meta.url);

/** The first ```xml block of the behavior-tree guide. */
function guideXml(): string {
  const match = /```xml\n([\s\S]*?)```/.exec(readFileSync(GUIDE, 'utf8'));
  if (!match) throw new Error('the guide has no xml block');
  return match[1] as string;
}

interface Point {
  x: number;
  y: number;
}

/** A pretend robot that drives at `speed` m/s on the tree's clock and picks on the second try. */
function setup() {
  const clock = new ManualClock();
  const robot = { battery: 1, at: { x: 0, y: 0 } as Point, holding: '', picks: 0, aborted: 0, trips: [] as Point[] };
  const factory = new BehaviorTreeFactory();
  factory.registerCondition('IsBatteryOk', {
    ports: { min_level: inputPort('number', { default: 0.2 }) },
    check: (ctx) => robot.battery >= ctx.getInput<number>('min_level'),
  });
  factory.registerStatefulAction('NavigateTo', {
    ports: { goal: inputPort('json'), speed: inputPort('number', { default: 0.5 }) },
    onStart: async (ctx) => {
      const goal = ctx.getInput<Point>('goal');
      const metres = Math.hypot(goal.x - robot.at.x, goal.y - robot.at.y);
      ctx.signal.addEventListener('abort', () => robot.aborted++);
      await clock.sleep((metres / ctx.getInput<number>('speed')) * 1000, ctx.signal);
      robot.at = goal;
      robot.trips.push(goal);
      return 'SUCCESS' as const;
    },
  });
  factory.registerAction('Pick', {
    ports: { object: inputPort('string') },
    tick: (ctx) => {
      robot.picks++;
      if (robot.picks < 2) return false;
      robot.holding = ctx.getInput<string>('object');
      return true;
    },
  });
  factory.registerAction('Place', {
    ports: { object: inputPort('string') },
    tick: (ctx) => {
      const placed = robot.holding === ctx.getInput<string>('object');
      robot.holding = '';
      return placed;
    },
  });
  const tree = factory.createTreeFromXml(guideXml(), 'fetch-and-deliver.xml', { clock });
  tree.blackboard.set('object', 'cup');
  tree.blackboard.set('pickup', { x: 3, y: 4 });
  tree.blackboard.set('dropoff', { x: 3, y: 7 });
  tree.blackboard.set('dock', { x: 0, y: 0 });
  return { clock, robot, tree };
}

describe('the fetch-and-deliver tree of the behavior-tree guide', () => {
  it('fetches, retries the pick, and delivers, in virtual time', async () => {
    const { clock, robot, tree } = setup();
    const done = tree.tickWhileRunning({ periodMs: 1000 });
    // 5 m to the pick-up at 0.5 m/s, then 3 m to the drop-off at 0.3 m/s.
    await clock.advanceByAsync(20_000);
    await expect(done).resolves.toBe('SUCCESS');
    expect(robot.trips).toEqual([
      { x: 3, y: 4 },
      { x: 3, y: 7 },
    ]);
    expect(robot.picks).toBe(2);
    expect(tree.blackboard.get('delivered')).toBe('true');
    expect(clock.nowMs()).toBe(20_000);
    expect(tree.blackboard.localKeys().sort()).toEqual(['delivered', 'dock', 'dropoff', 'object', 'pickup']);
  });

  it('halts the mission when the battery drops and goes to the dock', async () => {
    const { clock, robot, tree } = setup();
    const changes: StatusChange[] = [];
    tree.statusChanges.subscribe((c) => changes.push(c));
    const done = tree.tickWhileRunning({ periodMs: 1000 });
    await clock.advanceByAsync(4_000);
    robot.battery = 0.1;
    await clock.advanceByAsync(30_000);
    await expect(done).resolves.toBe('FAILURE');
    expect(robot.aborted).toBe(1);
    expect(robot.picks).toBe(0);
    expect(robot.trips).toEqual([{ x: 0, y: 0 }]);
    const halted = changes.find((c) => c.type === 'NavigateTo' && c.previous === 'RUNNING' && c.status === 'IDLE');
    expect(halted?.path).toBe(
      'FetchAndDeliver/mission_or_dock/mission[0]/Sequence[1]/Fetch[0]/Sequence/Timeout[0]/NavigateTo[0]',
    );
    expect(tree.snapshot().nodes.find((n) => n.name === 'dock_then_report')?.lastStatus).toBe('FAILURE');
  });
});
