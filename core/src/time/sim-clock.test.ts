import { throttleTime } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { MessageBus } from '../bus/message-bus.js';
import { createClock } from './create-clock.js';
import { feedSimClock } from './sim-clock-feed.js';
import type { ClockMessage } from './sim-clock.js';
import { SimClock } from './sim-clock.js';
import { SystemClock } from './system-clock.js';

describe('SimClock', () => {
  it('reads 0 until the first time arrives, which is a jump (timers keep their wait)', () => {
    const clock = new SimClock();
    const jumps: number[] = [];
    clock.jumps.subscribe((j) => jumps.push(j.to.sec));
    const fired: number[] = [];
    clock.setTimeout(100, () => fired.push(clock.nowMs()));
    expect(clock.nowMs()).toBe(0);
    expect(clock.hasTime).toBe(false);
    clock.set({ sec: 1000, nanosec: 0 });
    expect(clock.hasTime).toBe(true);
    expect(jumps).toEqual([1000]);
    expect(fired).toEqual([]);
    clock.set({ sec: 1000, nanosec: 100_000_000 });
    expect(fired).toEqual([1_000_100]);
  });

  it('fires timers in order as time moves forward, and reports backwards jumps', () => {
    const clock = new SimClock();
    clock.set(0);
    const log: number[] = [];
    clock.createTimer(10, () => log.push(clock.nowMs()));
    for (let t = 5; t <= 35; t += 5) clock.handleClockMessage({ clock: { sec: 0, nanosec: t * 1e6 } });
    expect(log).toEqual([10, 20, 30]);
    const jumps: Array<{ from: number; to: number }> = [];
    clock.jumps.subscribe((j) => jumps.push({ from: j.from.nanosec / 1e6, to: j.to.nanosec / 1e6 }));
    clock.set({ sec: 0, nanosec: 1e6 });
    expect(jumps).toHaveLength(1);
    expect(Math.round(jumps[0]!.from)).toBe(35);
    expect(Math.round(jumps[0]!.to)).toBe(1);
    // The periodic timer keeps its remaining wait (next due was 40, 5 ms away).
    clock.advance(5);
    expect(log).toHaveLength(4);
  });

  it('resolves sleeps on simulation time', async () => {
    const clock = new SimClock();
    clock.set(0);
    let done = false;
    const sleeping = clock.sleep(1000).then(() => (done = true));
    clock.advance(999);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('runs zero-delay timers on a microtask even while paused', async () => {
    const clock = new SimClock();
    let fired = false;
    clock.setTimeout(0, () => (fired = true));
    expect(fired).toBe(false);
    await Promise.resolve();
    expect(fired).toBe(true);
  });

  it('throttles on simulated time through its scheduler', () => {
    const clock = new SimClock();
    clock.set(0);
    const bus = new MessageBus({ clock });
    const node = bus.forNode({ name: 'n' });
    const topic = node.topic<number>('scan', 'std_msgs/msg/Int32');
    const seen: number[] = [];
    topic
      .observe()
      .pipe(throttleTime(100, clock.scheduler))
      .subscribe((e) => seen.push(e.message));
    for (let i = 0; i < 10; i++) {
      topic.publish(i);
      clock.advance(30);
    }
    expect(seen).toEqual([0, 4, 8]);
  });

  it('follows /clock on the bus', () => {
    const clock = new SimClock();
    const bus = new MessageBus({ clock });
    const listener = bus.forNode({ name: 'listener' });
    const feed = feedSimClock(listener, clock);
    const sim = bus.forNode({ name: 'simulator' }).topic<ClockMessage>('/clock', 'rosgraph_msgs/msg/Clock');
    sim.publish({ clock: { sec: 42, nanosec: 500_000_000 } });
    expect(clock.nowMs()).toBe(42_500);
    const fired: number[] = [];
    clock.setTimeout(250, () => fired.push(clock.nowMs()));
    sim.publish({ clock: { sec: 42, nanosec: 750_000_000 } });
    expect(fired).toEqual([42_750]);
    feed.stop();
    sim.publish({ clock: { sec: 50, nanosec: 0 } });
    expect(clock.nowMs()).toBe(42_750);
    expect(bus.graph.topic('/clock')?.subscriptions).toHaveLength(0);
  });
});

describe('createClock', () => {
  it('gives a sim clock for use_sim_time and a system clock otherwise', () => {
    expect(createClock({ useSimTime: true })).toBeInstanceOf(SimClock);
    expect(createClock({ useSimTime: true }).type).toBe('sim');
    expect(createClock()).toBeInstanceOf(SystemClock);
    expect(createClock({ useSimTime: false }).type).toBe('system');
  });
});
