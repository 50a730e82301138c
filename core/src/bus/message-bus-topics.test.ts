import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/omni-error.js';
import { ManualClock } from '../time/manual-clock.js';
import type { MessageEvent } from './bus-types.js';
import { MessageBus } from './message-bus.js';

function setup() {
  const clock = new ManualClock({ startMs: 5_000 });
  const bus = new MessageBus({ clock });
  return { clock, bus };
}

describe('MessageBus topics', () => {
  it('delivers by reference, synchronously, in one envelope shared by all subscribers', () => {
    const { bus } = setup();
    const talker = bus.forNode({ name: 'talker' });
    const listener = bus.forNode({ name: 'listener' });
    const a: MessageEvent<{ data: Uint8Array }>[] = [];
    const b: MessageEvent<{ data: Uint8Array }>[] = [];
    listener
      .topic<{ data: Uint8Array }>('chatter', 'x/msg/Blob')
      .observe()
      .subscribe((e) => a.push(e));
    listener.topic<{ data: Uint8Array }>('chatter', 'x/msg/Blob').subscribe((e) => void b.push(e));
    const message = { data: new Uint8Array(1024) };
    talker.topic<{ data: Uint8Array }>('chatter', 'x/msg/Blob').publish(message);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]!.message).toBe(message);
    expect(a[0]).toBe(b[0]);
    expect(a[0]).toMatchObject({
      topic: '/chatter',
      type: 'x/msg/Blob',
      seq: 1,
      publisher: '/talker',
      publishTime: { sec: 5, nanosec: 0 },
    });
    expect(a[0]!.receiveTime).toEqual(a[0]!.publishTime);
  });

  it('numbers messages per topic across publishers and stamps them with the bus clock', () => {
    const { bus, clock } = setup();
    const seen: Array<[number, string, number]> = [];
    bus
      .forNode({ name: 'l' })
      .topic<number>('/n', 'std_msgs/msg/Int32')
      .observe()
      .subscribe((e) => seen.push([e.seq, e.publisher, e.publishTime.nanosec]));
    const p1 = bus.forNode({ name: 'p1' }).topic<number>('/n', 'std_msgs/msg/Int32');
    const p2 = bus.forNode({ name: 'p2' }).topic<number>('/n', 'std_msgs/msg/Int32');
    p1.publish(1);
    clock.advanceBy(1.5);
    p2.publish(2);
    p1.publish(3);
    expect(seen).toEqual([
      [1, '/p1', 0],
      [2, '/p2', 1_500_000],
      [3, '/p1', 1_500_000],
    ]);
  });

  it('lists a handle as a publisher once it advertises or publishes, and starts its deadline then', () => {
    const { bus, clock } = setup();
    const missed: string[] = [];
    bus.events.subscribe((e) => {
      if (e.kind === 'deadline_missed') missed.push(e.node);
    });
    const listener = bus.forNode({ name: 'listener' }).topic<number>('/n', 'std_msgs/msg/Int32');
    listener.subscribe(() => undefined);
    const talker = bus
      .forNode({ name: 'talker' })
      .topic<number>('/n', 'std_msgs/msg/Int32', { qos: { deadlineMs: 100 } });
    expect(bus.graph.topic('/n')?.publishers).toEqual([]);
    talker.advertise();
    talker.advertise();
    expect(bus.graph.topic('/n')?.publishers.map((p) => p.node)).toEqual(['/talker']);
    clock.advanceBy(150);
    expect(missed).toEqual(['/talker']);
    talker.publish(1);
    expect(bus.graph.topic('/n')?.publishers).toHaveLength(1);
  });

  it('resolves relative, private and remapped names for the node', () => {
    const { bus } = setup();
    const node = bus.forNode({
      name: 'cam',
      namespace: '/robot1',
      remaps: [{ from: 'image_raw', to: '/sensors/front/image' }],
    });
    expect(node.node).toBe('/robot1/cam');
    expect(node.topic('scan', 'x/msg/S').name).toBe('/robot1/scan');
    expect(node.topic('~/status', 'x/msg/S').name).toBe('/robot1/cam/status');
    expect(node.topic('/abs', 'x/msg/S').name).toBe('/abs');
    expect(node.topic('image_raw', 'x/msg/I').name).toBe('/sensors/front/image');
    expect(node.resolveName('srv', 'service')).toBe('/robot1/srv');
    expect(() => node.topic('bad name', 'x/msg/S')).toThrow(expect.objectContaining({ code: 'OMNI_ERR_INVALID_NAME' }));
  });

  it('keeps one type per topic while anything refers to it', () => {
    const { bus } = setup();
    const a = bus.forNode({ name: 'a' });
    const b = bus.forNode({ name: 'b' });
    a.topic('/t', 'std_msgs/msg/String');
    expect(() => b.topic('/t', 'std_msgs/msg/Int32')).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_TOPIC_TYPE_MISMATCH' }),
    );
    a.dispose();
    // Nothing refers to /t any more: it may come back with another type.
    expect(b.topic('/t', 'std_msgs/msg/Int32').type).toBe('std_msgs/msg/Int32');
  });

  it('never lets one failing subscriber stop delivery to the others or reach the publisher', async () => {
    const { bus } = setup();
    const errors: Array<[unknown, string]> = [];
    const events: string[] = [];
    bus.events.subscribe((e) => events.push(e.kind));
    const sub = bus.forNode({ name: 'sub', onHandlerError: (error, ctx) => errors.push([error, ctx.topic]) });
    const got: number[] = [];
    const topic = sub.topic<number>('/x', 'std_msgs/msg/Int32');
    topic.subscribe(() => {
      throw new Error('sync failure');
    });
    topic.subscribe(async () => {
      throw new Error('async failure');
    });
    topic.subscribe((e) => void got.push(e.message));
    const pub = bus.forNode({ name: 'pub' }).topic<number>('/x', 'std_msgs/msg/Int32');
    expect(() => pub.publish(1)).not.toThrow();
    pub.publish(2);
    await Promise.resolve();
    await Promise.resolve();
    expect(got).toEqual([1, 2]);
    expect(errors.map(([e]) => (e as Error).message).sort()).toEqual([
      'async failure',
      'async failure',
      'sync failure',
      'sync failure',
    ]);
    expect(errors.every(([, topicName]) => topicName === '/x')).toBe(true);
    expect(events.filter((k) => k === 'handler_error')).toHaveLength(4);
  });

  it('dispose closes every endpoint of the node, completes observers and forbids further use', () => {
    const { bus } = setup();
    const node = bus.forNode({ name: 'n' });
    const other = bus.forNode({ name: 'other' });
    const topic = node.topic<number>('/t', 'std_msgs/msg/Int32');
    let completed = false;
    topic.observe().subscribe({ complete: () => (completed = true) });
    const handlerSub = topic.subscribe(() => undefined);
    topic.publish(1);
    const otherTopic = other.topic<number>('/t', 'std_msgs/msg/Int32');
    const received: number[] = [];
    otherTopic.observe().subscribe((e) => received.push(e.message));
    expect(bus.graph.topic('/t')?.subscriptions).toHaveLength(3);
    node.dispose();
    node.dispose();
    expect(completed).toBe(true);
    expect(handlerSub.closed).toBe(true);
    expect(bus.graph.topic('/t')?.publishers).toHaveLength(0);
    expect(bus.graph.topic('/t')?.subscriptions).toHaveLength(1);
    expect(() => topic.publish(2)).toThrow(expect.objectContaining({ code: 'OMNI_ERR_BUS_CLOSED' }));
    expect(() => node.topic('/u', 'x/msg/U')).toThrow(expect.objectContaining({ code: 'OMNI_ERR_BUS_CLOSED' }));
    let error: unknown;
    topic.observe().subscribe({ error: (e) => (error = e) });
    expect(hasErrorCode(error, 'OMNI_ERR_BUS_CLOSED')).toBe(true);
    otherTopic.publish(3);
    expect(received).toEqual([3]);
  });

  it('unsubscribing stops delivery, also in the middle of a delivery round', () => {
    const { bus } = setup();
    const node = bus.forNode({ name: 'n' });
    const topic = node.topic<number>('/t', 'std_msgs/msg/Int32');
    const got: string[] = [];
    const second = topic.subscribe(() => void got.push('second'));
    topic.subscribe(() => {
      got.push('first');
      second.unsubscribe();
    });
    // Delivery order is subscription order: 'second' subscribed first.
    topic.publish(1);
    topic.publish(2);
    expect(got).toEqual(['second', 'first', 'first']);
    expect(second.closed).toBe(true);
  });

  it('lets a subscriber publish (chained nodes) with depth-first synchronous delivery', () => {
    const { bus } = setup();
    const a = bus.forNode({ name: 'a' }).topic<number>('/a', 'std_msgs/msg/Int32');
    const relay = bus.forNode({ name: 'relay' });
    const b = relay.topic<number>('/b', 'std_msgs/msg/Int32');
    relay.topic<number>('/a', 'std_msgs/msg/Int32').subscribe((e) => b.publish(e.message * 10));
    const out: number[] = [];
    bus
      .forNode({ name: 'sink' })
      .topic<number>('/b', 'std_msgs/msg/Int32')
      .subscribe((e) => void out.push(e.message));
    a.publish(1);
    a.publish(2);
    expect(out).toEqual([10, 20]);
  });

  it('disposing the message bus disposes every node and completes the event stream', () => {
    const { bus } = setup();
    const a = bus.forNode({ name: 'a' });
    const topic = a.topic<number>('/t', 'std_msgs/msg/Int32');
    let observerDone = false;
    let eventsDone = false;
    topic.observe().subscribe({ complete: () => (observerDone = true) });
    bus.events.subscribe({ complete: () => (eventsDone = true) });
    bus.dispose();
    expect(observerDone).toBe(true);
    expect(eventsDone).toBe(true);
    expect(() => topic.publish(1)).toThrow(expect.objectContaining({ code: 'OMNI_ERR_BUS_CLOSED' }));
    expect(bus.graph.topics()).toEqual([]);
  });

  it('lets a node run on its own clock (use_sim_time): stamps, deadlines and timeouts follow it', async () => {
    const { bus } = setup();
    const sim = new ManualClock({ startMs: 1_000_000 });
    const simNode = bus.forNode({ name: 'sim_node', clock: sim });
    const wallNode = bus.forNode({ name: 'wall_node' });
    const stamps: number[] = [];
    const sub = simNode
      .topic<number>('/t', 'std_msgs/msg/Int32')
      .subscribe((e) => void stamps.push(e.publishTime.sec), { deadlineMs: 100 });
    const qos = { deadlineMs: 100 };
    simNode.topic<number>('/t', 'std_msgs/msg/Int32', { qos }).publish(1);
    wallNode.topic<number>('/t', 'std_msgs/msg/Int32', { qos }).publish(2);
    expect(stamps).toEqual([1000, 5]);
    sim.advanceBy(100);
    expect(sub.stats.deadlineMisses).toBe(1);
    wallNode.serviceServer('/srv', 'std_srvs/srv/Trigger', () => new Promise(() => undefined));
    const call = simNode.serviceClient('/srv', 'std_srvs/srv/Trigger').call({}, { timeoutMs: 50 });
    sim.advanceBy(50);
    await expect(call).rejects.toSatisfy((e) => hasErrorCode(e, 'OMNI_ERR_SERVICE_TIMEOUT'));
  });
});
