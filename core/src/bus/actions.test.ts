import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/omni-error.js';
import { ManualClock } from '../time/manual-clock.js';
import type { GoalStatus } from './bus-types.js';
import { MessageBus } from './message-bus.js';

const FIB = 'example_interfaces/action/Fibonacci';
interface Goal {
  order: number;
}
interface Feedback {
  sequence: number[];
}
interface Result {
  sequence: number[];
}
const code = (c: string) => (e: unknown) => hasErrorCode(e, c);
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function setup(onGoal?: (goal: Goal) => boolean, onCancel?: () => boolean) {
  const clock = new ManualClock();
  const bus = new MessageBus({ clock });
  const serverNode = bus.forNode({ name: 'fib_server' });
  const clientNode = bus.forNode({ name: 'fib_client' });
  const server = serverNode.actionServer<Goal, Feedback, Result>('fibonacci', FIB, {
    onGoal,
    onCancel,
    async execute(handle) {
      const sequence = [0, 1];
      for (let i = 1; i < handle.goal.order; i++) {
        if (handle.signal.aborted) return { sequence };
        if (handle.goal.order < 0) throw new Error('negative order');
        sequence.push(sequence[i]! + sequence[i - 1]!);
        handle.publishFeedback({ sequence: [...sequence] });
        await clock.sleep(100);
      }
      if (handle.goal.order === 99) throw new Error('order 99 is unlucky');
      return { sequence };
    },
  });
  const client = clientNode.actionClient<Goal, Feedback, Result>('/fibonacci', FIB);
  return { clock, bus, server, client, serverNode, clientNode };
}

describe('actions', () => {
  it('runs a goal to success with feedback and status updates', async () => {
    const { client, clock } = setup();
    expect(client.isReady()).toBe(true);
    const handle = await client.sendGoal({ order: 4 });
    expect(handle.goalId).toMatch(/^[0-9a-f-]{36}$/);
    const feedback: number[][] = [];
    let feedbackDone = false;
    handle.feedback.subscribe({ next: (f) => feedback.push(f.sequence), complete: () => (feedbackDone = true) });
    await settle();
    expect(handle.status).toBe('executing');
    await clock.advanceByAsync(1000);
    await expect(handle.result).resolves.toEqual({ sequence: [0, 1, 1, 2, 3] });
    expect(handle.status).toBe('succeeded');
    expect(feedback).toEqual([
      [0, 1, 1],
      [0, 1, 1, 2],
      [0, 1, 1, 2, 3],
    ]);
    expect(feedbackDone).toBe(true);
  });

  it('rejects goals the server refuses', async () => {
    const { client } = setup((goal) => goal.order <= 10);
    await expect(client.sendGoal({ order: 50 })).rejects.toSatisfy(code('OMNI_ERR_ACTION_GOAL_REJECTED'));
    const ok = await client.sendGoal({ order: 2 });
    expect(['accepted', 'executing']).toContain(ok.status);
  });

  it('cancels a running goal: the server sees its signal abort, the result rejects as canceled', async () => {
    const { client, clock } = setup();
    const handle = await client.sendGoal({ order: 10 });
    await clock.advanceByAsync(150);
    const statuses: GoalStatus[] = [];
    await expect(handle.cancel()).resolves.toBe(true);
    statuses.push(handle.status);
    await clock.advanceByAsync(200);
    await expect(handle.result).rejects.toSatisfy(code('OMNI_ERR_ACTION_CANCELED'));
    expect(statuses).toEqual(['canceling']);
    expect(handle.status).toBe('canceled');
  });

  it('reports a refused cancel and a cancel of an ended goal as false', async () => {
    const { client, clock } = setup(undefined, () => false);
    const handle = await client.sendGoal({ order: 3 });
    await expect(handle.cancel()).resolves.toBe(false);
    await clock.advanceByAsync(1000);
    await expect(handle.result).resolves.toEqual({ sequence: [0, 1, 1, 2] });
    await expect(handle.cancel()).resolves.toBe(false);
  });

  it('aborts when execute throws, with the error as cause', async () => {
    const { client, clock } = setup();
    const handle = await client.sendGoal({ order: 99 });
    await clock.advanceByAsync(100_000);
    const error = await handle.result.catch((e: unknown) => e);
    expect(hasErrorCode(error, 'OMNI_ERR_ACTION_ABORTED')).toBe(true);
    expect(((error as Error).cause as Error).message).toBe('order 99 is unlucky');
    expect(handle.status).toBe('aborted');
  });

  it('aborts running goals when the server node is disposed', async () => {
    const { client, clock, serverNode } = setup();
    const handle = await client.sendGoal({ order: 50 });
    await clock.advanceByAsync(250);
    serverNode.dispose();
    await expect(handle.result).rejects.toSatisfy(code('OMNI_ERR_ACTION_ABORTED'));
    expect(client.isReady()).toBe(false);
    await expect(client.sendGoal({ order: 1 })).rejects.toSatisfy(code('OMNI_ERR_SERVICE_UNAVAILABLE'));
  });

  it('waits for a server on the clock', async () => {
    const clock = new ManualClock();
    const bus = new MessageBus({ clock });
    const client = bus.forNode({ name: 'c' }).actionClient<Goal, Feedback, Result>('/fib', FIB);
    const timedOut = client.waitForServer(50);
    clock.advanceBy(50);
    await expect(timedOut).rejects.toSatisfy(code('OMNI_ERR_SERVICE_TIMEOUT'));
    const waiting = client.waitForServer();
    bus
      .forNode({ name: 's' })
      .actionServer<Goal, Feedback, Result>('/fib', FIB, { execute: async () => ({ sequence: [] }) });
    await expect(waiting).resolves.toBeUndefined();
    const other = bus.forNode({ name: 's2' });
    expect(() => other.actionServer('/fib', FIB, { execute: async () => ({}) })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_SERVICE_DUPLICATE' }),
    );
  });

  it('rejects results still pending when the client closes', async () => {
    const { client, clock } = setup();
    const handle = await client.sendGoal({ order: 50 });
    await clock.advanceByAsync(100);
    client.close();
    await expect(handle.result).rejects.toSatisfy(code('OMNI_ERR_BUS_CLOSED'));
  });
});
