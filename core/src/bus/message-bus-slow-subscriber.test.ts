import { describe, expect, it } from 'vitest';
import { ManualClock } from '../time/manual-clock.js';
import type { BusEvent, MessageEvent } from './bus-types.js';
import { MessageBus } from './message-bus.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function setup(keepAllLimit = 20) {
  const clock = new ManualClock();
  const bus = new MessageBus({ clock, keepAllLimit });
  const events: BusEvent[] = [];
  bus.events.subscribe((e) => events.push(e));
  const pub = bus.forNode({ name: 'fast' }).topic<number>('/data', 'std_msgs/msg/Int32', { qos: 'sensor_data' });
  const node = bus.forNode({ name: 'slow' });
  return { clock, bus, events, pub, node };
}

/** A handler that stays busy until `release()` is called, once per message. */
function gatedHandler() {
  const got: MessageEvent<number>[] = [];
  const gates: Array<() => void> = [];
  return {
    got,
    handler: (event: MessageEvent<number>) => {
      got.push(event);
      return new Promise<void>((resolve) => gates.push(resolve));
    },
    release: () => gates.shift()?.(),
  };
}

describe('slow subscribers', () => {
  it('best effort: queues up to the depth while busy, dropping the oldest', async () => {
    const { pub, node } = setup();
    const gate = gatedHandler();
    const sub = node
      .topic<number>('/data', 'std_msgs/msg/Int32')
      .subscribe(gate.handler, { reliability: 'best_effort', depth: 3 });
    for (let i = 1; i <= 10; i++) pub.publish(i);
    expect(gate.got.map((e) => e.message)).toEqual([1]);
    expect(sub.stats).toMatchObject({ received: 1, queued: 3, dropped: 6, overflows: 0 });
    for (let i = 0; i < 4; i++) {
      gate.release();
      await settle();
    }
    expect(gate.got.map((e) => e.message)).toEqual([1, 8, 9, 10]);
    expect(sub.stats.queued).toBe(0);
  });

  it('reliable: an overflow is counted and reported, and the oldest still goes (memory stays bounded)', async () => {
    const { bus, events, node } = setup();
    const pub = bus.forNode({ name: 'cmd' }).topic<number>('/cmd', 'std_msgs/msg/Int32');
    const gate = gatedHandler();
    const sub = node.topic<number>('/cmd', 'std_msgs/msg/Int32').subscribe(gate.handler, { depth: 2 });
    for (let i = 1; i <= 5; i++) pub.publish(i);
    expect(sub.stats).toMatchObject({ received: 1, queued: 2, overflows: 2, dropped: 0 });
    expect(events.filter((e) => e.kind === 'queue_overflow')).toEqual([
      { kind: 'queue_overflow', topic: '/cmd', node: '/slow', totalCount: 1 },
      { kind: 'queue_overflow', topic: '/cmd', node: '/slow', totalCount: 2 },
    ]);
    gate.release();
    await settle();
    gate.release();
    await settle();
    expect(gate.got.map((e) => e.message)).toEqual([1, 4, 5]);
  });

  it('keep_all is bounded by the bus keep-all limit', () => {
    const { pub, node } = setup(20);
    const gate = gatedHandler();
    const sub = node
      .topic<number>('/data', 'std_msgs/msg/Int32')
      .subscribe(gate.handler, { history: 'keep_all', reliability: 'best_effort' });
    for (let i = 0; i < 1000; i++) pub.publish(i);
    expect(sub.stats.queued).toBe(20);
    expect(sub.stats.dropped).toBe(1000 - 1 - 20);
  });

  it('queued messages carry the time they were handed over as receiveTime', async () => {
    const { pub, node, clock } = setup();
    const gate = gatedHandler();
    node.topic<number>('/data', 'std_msgs/msg/Int32').subscribe(gate.handler, { reliability: 'best_effort' });
    pub.publish(1);
    clock.advanceBy(10);
    pub.publish(2);
    clock.advanceBy(15);
    gate.release();
    await settle();
    const second = gate.got[1]!;
    expect(second.publishTime).toEqual({ sec: 0, nanosec: 10_000_000 });
    expect(second.receiveTime).toEqual({ sec: 0, nanosec: 25_000_000 });
    expect(second.seq).toBe(2);
  });

  it('a rejected handler promise is reported and the queue keeps draining', async () => {
    const { pub, bus, events } = setup();
    const errors: unknown[] = [];
    const node = bus.forNode({ name: 'flaky', onHandlerError: (e) => errors.push(e) });
    const got: number[] = [];
    node.topic<number>('/data', 'std_msgs/msg/Int32').subscribe(
      async (e) => {
        got.push(e.message);
        await Promise.resolve();
        if (e.message === 1) throw new Error('first fails');
      },
      { reliability: 'best_effort' },
    );
    pub.publish(1);
    pub.publish(2);
    await settle();
    expect(got).toEqual([1, 2]);
    expect(errors).toEqual([new Error('first fails')]);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'handler_error', node: '/flaky', topic: '/data' }));
  });

  it('a slow synchronous observer just delays the publisher (no queue, nothing dropped)', () => {
    const { pub, node } = setup();
    let seen = 0;
    node
      .topic<number>('/data', 'std_msgs/msg/Int32')
      .observe('sensor_data')
      .subscribe(() => {
        seen++;
        const until = Date.now() + 1;
        while (Date.now() < until) {
          // busy: a slow synchronous consumer
        }
      });
    for (let i = 0; i < 5; i++) pub.publish(i);
    expect(seen).toBe(5);
  });

  it('closing a busy subscription discards its queue', async () => {
    const { pub, node } = setup();
    const gate = gatedHandler();
    const sub = node
      .topic<number>('/data', 'std_msgs/msg/Int32')
      .subscribe(gate.handler, { reliability: 'best_effort' });
    pub.publish(1);
    pub.publish(2);
    sub.unsubscribe();
    expect(sub.stats.queued).toBe(0);
    gate.release();
    await settle();
    expect(gate.got).toHaveLength(1);
  });
});
