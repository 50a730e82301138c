import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { GoalQueue } from './goal-queue.js';
import type { GoalStatusEvent, GoalRecord } from './goal-queue.js';
import { parseGoal } from './goal-schema.js';

function setup(): { queue: GoalQueue; events: GoalStatusEvent[]; clock: { t: number } } {
  const clock = { t: 100 };
  const queue = new GoalQueue({ now: () => clock.t });
  const events: GoalStatusEvent[] = [];
  queue.events$.subscribe((event) => events.push(event));
  return { queue, events, clock };
}
const trail = (events: GoalStatusEvent[]): string[] => events.map((e) => `${e.goal.id}:${e.status}`);

describe('parseGoal', () => {
  it('fills in defaults', () => {
    expect(parseGoal({ id: 'fetch', target: { objectAt: { red_box: 'dock' } } })).toEqual({
      id: 'fetch',
      target: { objectAt: { red_box: 'dock' } },
      success: { maxReplans: 3, holdS: 0 },
      priority: 0,
    });
  });

  it.each([
    [{ target: { robotAt: 'dock' } }, 'id'],
    [{ id: 'g', target: {} }, 'target'],
    [{ id: 'g', target: { robotAt: 'dock', teleport: true } }, 'target'],
    [{ id: 'g', target: { minBatteryFraction: 2 } }, 'target.minBatteryFraction'],
    [{ id: 'g', target: { robotAt: 'dock' }, priority: 1.5 }, 'priority'],
    [{ id: 'g', target: { robotAt: 'dock' }, success: { maxReplans: -1 } }, 'success.maxReplans'],
  ])('rejects %j with a typed error naming %s', (input, path) => {
    try {
      parseGoal(input);
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_GOAL_INVALID')).toBe(true);
      expect((error as { details: { issues: { path: string }[] } }).details.issues[0]!.path).toBe(path);
    }
  });
});

describe('GoalQueue', () => {
  it('runs one goal at a time, by priority, then deadline, then arrival', () => {
    const { queue, events } = setup();
    queue.submit({ id: 'a', target: { robotAt: 'hall' }, priority: 1 });
    queue.submit({ id: 'b', target: { robotAt: 'door' }, priority: 1 });
    queue.submit({ id: 'c', target: { robotAt: 'door' }, priority: 1, deadline: 500 });
    queue.submit({ id: 'd', target: { robotAt: 'kitchen' }, priority: 0 });
    expect(queue.active?.id).toBe('a');
    expect(queue.waiting().map((g) => g.id)).toEqual(['c', 'b', 'd']);
    queue.succeed('a');
    expect(queue.active?.id).toBe('c');
    queue.fail('c', 'blocked');
    expect(queue.status('c')).toBe('failed');
    expect(queue.active?.id).toBe('b');
    expect(trail(events)).toEqual([
      'a:queued',
      'a:active',
      'b:queued',
      'c:queued',
      'd:queued',
      'a:succeeded',
      'c:active',
      'c:failed',
      'b:active',
    ]);
    expect(events.find((e) => e.status === 'failed')).toMatchObject({ reason: 'blocked', previous: 'active', at: 100 });
  });

  it('preempts the active goal for a higher priority one and resumes it after', () => {
    const { queue, events } = setup();
    queue.submit({ id: 'patrol', target: { robotAt: 'door' }, priority: 1 });
    queue.submit({ id: 'same', target: { robotAt: 'hall' }, priority: 1 });
    expect(queue.active?.id).toBe('patrol');
    queue.submit({ id: 'recharge', target: { docked: true, minBatteryFraction: 1 }, priority: 9 });
    expect(queue.active?.id).toBe('recharge');
    expect(queue.status('patrol')).toBe('preempted');
    expect(events.find((e) => e.status === 'preempted')).toMatchObject({ reason: 'preempted by recharge' });
    queue.succeed('recharge');
    // the preempted goal keeps its place in the order (ahead of the later arrival with equal priority)
    expect(queue.active?.id).toBe('patrol');
    expect(trail(events).slice(-3)).toEqual(['recharge:active', 'recharge:succeeded', 'patrol:active']);
  });

  it('cancels queued, preempted and active goals', () => {
    const { queue } = setup();
    queue.submit({ id: 'a', target: { robotAt: 'hall' } });
    queue.submit({ id: 'b', target: { robotAt: 'door' } });
    queue.cancel('b');
    expect(queue.status('b')).toBe('cancelled');
    queue.cancel('a', 'operator');
    expect(queue.active).toBeUndefined();
    expect(queue.records().find((r) => r.goal.id === 'a')).toMatchObject({ status: 'cancelled', reason: 'operator' });
    expect(() => queue.cancel('a')).toThrow(expect.objectContaining({ code: 'OMNI_ERR_GOAL_UNKNOWN' }));
    expect(() => queue.succeed('zzz')).toThrow(expect.objectContaining({ code: 'OMNI_ERR_GOAL_UNKNOWN' }));
  });

  it('rejects a duplicate live id but accepts it again once finished', () => {
    const { queue } = setup();
    queue.submit({ id: 'a', target: { robotAt: 'hall' } });
    expect(() => queue.submit({ id: 'a', target: { robotAt: 'door' } })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_GOAL_DUPLICATE' }),
    );
    queue.succeed('a');
    queue.submit({ id: 'a', target: { robotAt: 'door' } });
    expect(queue.status('a')).toBe('active');
  });

  it('fails goals past their deadline', () => {
    const { queue, clock } = setup();
    queue.submit({ id: 'late', target: { robotAt: 'hall' }, deadline: 150 });
    queue.submit({ id: 'next', target: { robotAt: 'door' } });
    clock.t = 149;
    expect(queue.expireOverdue()).toEqual([]);
    clock.t = 151;
    expect(queue.expireOverdue()).toEqual(['late']);
    expect(queue.records().find((r) => r.goal.id === 'late')).toMatchObject({
      status: 'failed',
      reason: 'deadline passed',
    });
    expect(queue.active?.id).toBe('next');
  });

  it('reports snapshots to late subscribers and completes on close', () => {
    const { queue } = setup();
    queue.submit({ id: 'a', target: { robotAt: 'hall' } });
    const seen: (readonly GoalRecord[])[] = [];
    let completed = false;
    queue.snapshot$.subscribe({ next: (s) => seen.push(s), complete: () => (completed = true) });
    expect(seen[0]?.map((r) => [r.goal.id, r.status])).toEqual([['a', 'active']]);
    queue.submit({ id: 'b', target: { robotAt: 'door' }, priority: 3 });
    expect(seen[1]?.map((r) => [r.goal.id, r.status])).toEqual([
      ['a', 'preempted'],
      ['b', 'active'],
    ]);
    queue.close();
    expect(completed).toBe(true);
  });
});
