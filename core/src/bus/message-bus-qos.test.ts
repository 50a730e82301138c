import { describe, expect, it } from 'vitest';
import { ManualClock } from '../time/manual-clock.js';
import type { BusEvent } from './bus-types.js';
import { MessageBus } from './message-bus.js';

function setup() {
  const clock = new ManualClock();
  const bus = new MessageBus({ clock, keepAllLimit: 50 });
  const events: BusEvent[] = [];
  bus.events.subscribe((e) => events.push(e));
  return { clock, bus, events };
}

describe('QoS compatibility', () => {
  it('does not connect a best-effort publisher to a reliable subscription and reports it', () => {
    const { bus, events } = setup();
    const got: number[] = [];
    const sub = bus.forNode({ name: 'sub' });
    const subEvents: BusEvent[] = [];
    sub.events.subscribe((e) => subEvents.push(e));
    sub
      .topic<number>('/t', 'std_msgs/msg/Int32')
      .observe({ reliability: 'reliable' })
      .subscribe((e) => got.push(e.message));
    const pub = bus.forNode({ name: 'pub' }).topic<number>('/t', 'std_msgs/msg/Int32', { qos: 'sensor_data' });
    pub.publish(1);
    expect(got).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'qos_incompatible',
        topic: '/t',
        publisher: '/pub',
        subscriber: '/sub',
        policy: 'reliability',
      }),
    ]);
    expect(subEvents).toHaveLength(1);
    // A compatible subscription on the same topic still gets the messages.
    sub
      .topic<number>('/t', 'std_msgs/msg/Int32')
      .observe('sensor_data')
      .subscribe((e) => got.push(e.message));
    pub.publish(2);
    expect(got).toEqual([2]);
  });

  it('reports volatile -> transient_local and deadline mismatches, whichever side comes first', () => {
    const { bus, events } = setup();
    const pub = bus.forNode({ name: 'pub' }).topic<number>('/t', 'x/msg/T', { qos: { deadlineMs: 500 } });
    pub.publish(0);
    bus
      .forNode({ name: 'sub' })
      .topic<number>('/t', 'x/msg/T')
      .observe({ durability: 'transient_local', deadlineMs: 100 })
      .subscribe();
    expect(events.filter((e) => e.kind === 'qos_incompatible').map((e) => (e as { policy: string }).policy)).toEqual([
      'durability',
      'deadline',
    ]);
  });
});

describe('transient_local durability', () => {
  it('replays the last N messages of transient-local publishers to late transient-local subscriptions', () => {
    const { bus, clock } = setup();
    const map = bus.forNode({ name: 'map_server' }).topic<string>('/map', 'nav_msgs/msg/OccupancyGrid', {
      qos: { durability: 'transient_local', depth: 3 },
    });
    for (const m of ['m1', 'm2', 'm3', 'm4']) {
      map.publish(m);
      clock.advanceBy(10);
    }
    const late = bus.forNode({ name: 'late' }).topic<string>('/map', 'nav_msgs/msg/OccupancyGrid');
    const replayed: Array<[string, number, number]> = [];
    late
      .observe('latched')
      .subscribe((e) => replayed.push([e.message, e.seq, e.receiveTime.nanosec / 1e6 - e.publishTime.nanosec / 1e6]));
    // The subscription's depth (latched = 1) limits the replay to the newest.
    expect(replayed).toEqual([['m4', 4, 10]]);
    const deep: string[] = [];
    late.observe({ durability: 'transient_local', depth: 10 }).subscribe((e) => deep.push(e.message));
    expect(deep).toEqual(['m2', 'm3', 'm4']);
    const volatile: string[] = [];
    late.observe().subscribe((e) => volatile.push(e.message));
    expect(volatile).toEqual([]);
  });

  it('merges the histories of several publishers in publish order and skips expired messages', () => {
    const { bus, clock } = setup();
    const qos = { durability: 'transient_local', depth: 5, lifespanMs: 100 } as const;
    const a = bus.forNode({ name: 'a' }).topic<string>('/s', 'x/msg/S', { qos });
    const b = bus.forNode({ name: 'b' }).topic<string>('/s', 'x/msg/S', { qos });
    a.publish('a1');
    clock.advanceBy(60);
    b.publish('b1');
    a.publish('a2');
    clock.advanceBy(50);
    const got: string[] = [];
    bus
      .forNode({ name: 'late' })
      .topic<string>('/s', 'x/msg/S')
      .observe({ durability: 'transient_local', depth: 10 })
      .subscribe((e) => got.push(e.message));
    expect(got).toEqual(['b1', 'a2']);
  });

  it('replays to handler subscriptions too, through the bounded queue', async () => {
    const { bus } = setup();
    const pub = bus
      .forNode({ name: 'p' })
      .topic<number>('/q', 'x/msg/Q', { qos: { durability: 'transient_local', depth: 5 } });
    for (let i = 1; i <= 5; i++) pub.publish(i);
    const got: number[] = [];
    let release!: () => void;
    const sub = bus
      .forNode({ name: 's' })
      .topic<number>('/q', 'x/msg/Q')
      .subscribe(
        (e) => {
          got.push(e.message);
          return new Promise<void>((resolve) => (release = resolve));
        },
        { durability: 'transient_local', depth: 2 },
      );
    expect(got).toEqual([4]);
    expect(sub.stats.queued).toBe(1);
    release();
    await new Promise((r) => setImmediate(r));
    expect(got).toEqual([4, 5]);
  });
});

describe('deadline', () => {
  it('counts a miss for each deadline period a subscription hears nothing', () => {
    const { bus, clock, events } = setup();
    const sub = bus
      .forNode({ name: 'watch' })
      .topic<number>('/hb', 'x/msg/H')
      .subscribe(() => undefined, { deadlineMs: 100 });
    const pub = bus.forNode({ name: 'beat' }).topic<number>('/hb', 'x/msg/H', { qos: { deadlineMs: 100 } });
    clock.advanceBy(99);
    pub.publish(1);
    clock.advanceBy(99);
    pub.publish(2);
    clock.advanceBy(99);
    expect(sub.stats.deadlineMisses).toBe(0);
    clock.advanceBy(251);
    // Silent since 198: misses at 298, 398 and 498.
    expect(sub.stats.deadlineMisses).toBe(3);
    const misses = events.filter((e) => e.kind === 'deadline_missed' && e.endpoint === 'subscription');
    expect(misses.map((e) => (e as { totalCount: number }).totalCount)).toEqual([1, 2, 3]);
    expect(misses[0]).toMatchObject({ topic: '/hb', node: '/watch' });
    sub.unsubscribe();
    clock.advanceBy(1000);
    expect(sub.stats.deadlineMisses).toBe(3);
  });

  it('reports publishers that fail to publish within their deadline', () => {
    const { bus, clock, events } = setup();
    const pub = bus.forNode({ name: 'beat' }).topic<number>('/hb', 'x/msg/H', { qos: { deadlineMs: 50 } });
    pub.publish(1);
    clock.advanceBy(40);
    pub.publish(2);
    clock.advanceBy(120);
    const misses = events.filter((e) => e.kind === 'deadline_missed' && e.endpoint === 'publisher');
    expect(misses).toEqual([
      expect.objectContaining({ node: '/beat', totalCount: 1 }),
      expect.objectContaining({ node: '/beat', totalCount: 2 }),
    ]);
  });
});

describe('lifespan', () => {
  it('drops queued messages that expired before the handler got to them', async () => {
    const { bus, clock } = setup();
    const pub = bus.forNode({ name: 'p' }).topic<number>('/l', 'x/msg/L', { qos: { lifespanMs: 100, depth: 10 } });
    const got: number[] = [];
    let release!: () => void;
    const sub = bus
      .forNode({ name: 's' })
      .topic<number>('/l', 'x/msg/L')
      .subscribe((e) => {
        got.push(e.message);
        return e.message === 1 ? new Promise<void>((r) => (release = r)) : undefined;
      });
    pub.publish(1);
    pub.publish(2);
    clock.advanceBy(60);
    pub.publish(3);
    clock.advanceBy(60);
    release();
    await new Promise((r) => setImmediate(r));
    // 2 is 120 ms old (expired), 3 is 60 ms old.
    expect(got).toEqual([1, 3]);
    expect(sub.stats.dropped).toBe(1);
    expect(sub.stats.received).toBe(2);
  });
});
