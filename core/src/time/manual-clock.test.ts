import { firstValueFrom, interval, take, throttleTime, toArray, timeout } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/omni-error.js';
import { ManualClock } from './manual-clock.js';

describe('ManualClock', () => {
  it('fires timers in due order, with now() equal to each due time', () => {
    const clock = new ManualClock({ startMs: 1000 });
    const log: string[] = [];
    clock.setTimeout(30, () => log.push(`b@${clock.nowMs()}`));
    clock.setTimeout(10, () => log.push(`a@${clock.nowMs()}`));
    clock.setTimeout(30, () => log.push(`c@${clock.nowMs()}`));
    clock.advanceBy(29);
    expect(log).toEqual(['a@1010']);
    clock.advanceBy(1);
    expect(log).toEqual(['a@1010', 'b@1030', 'c@1030']);
    expect(clock.nowMs()).toBe(1030);
    expect(clock.now()).toEqual({ sec: 1, nanosec: 30_000_000 });
  });

  it('repeats periodic timers for every elapsed period until cancelled', () => {
    const clock = new ManualClock();
    const fires: number[] = [];
    const timer = clock.createTimer(100, () => fires.push(clock.nowMs()));
    clock.advanceBy(350);
    expect(fires).toEqual([100, 200, 300]);
    expect(timer.active).toBe(true);
    timer.cancel();
    expect(timer.active).toBe(false);
    clock.advanceBy(1000);
    expect(fires).toHaveLength(3);
    expect(clock.pendingTimers).toBe(0);
  });

  it('lets a timer cancel itself and schedule new timers that fire within the same advance', () => {
    const clock = new ManualClock();
    const log: number[] = [];
    const timer = clock.createTimer(10, () => {
      log.push(clock.nowMs());
      if (log.length === 2) {
        timer.cancel();
        clock.setTimeout(5, () => log.push(clock.nowMs()));
      }
    });
    clock.advanceBy(100);
    expect(log).toEqual([10, 20, 25]);
  });

  it('one-shot timers become inactive after firing; zero delays wait for the next advance', () => {
    const clock = new ManualClock();
    let fired = 0;
    const t = clock.setTimeout(0, () => fired++);
    expect(fired).toBe(0);
    clock.runDue();
    expect(fired).toBe(1);
    expect(t.active).toBe(false);
  });

  it('resolves sleeps in virtual time and rejects aborted ones', async () => {
    const clock = new ManualClock();
    const done = clock.sleep(50);
    clock.advanceBy(50);
    await expect(done).resolves.toBeUndefined();
    const controller = new AbortController();
    const aborted = clock.sleep(50, controller.signal);
    controller.abort('stop');
    await expect(aborted).rejects.toSatisfy((e) => hasErrorCode(e, 'OMNI_ERR_ABORTED'));
    expect(clock.pendingTimers).toBe(0);
    await expect(clock.sleep(1, controller.signal)).rejects.toSatisfy((e) => hasErrorCode(e, 'OMNI_ERR_ABORTED'));
  });

  it('rejects invalid durations', () => {
    const clock = new ManualClock();
    expect(() => clock.createTimer(0, () => undefined)).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_INVALID_DURATION' }),
    );
    expect(() => clock.setTimeout(-1, () => undefined)).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_INVALID_DURATION' }),
    );
    expect(() => clock.advanceBy(Number.NaN)).toThrow(expect.objectContaining({ code: 'OMNI_ERR_INVALID_DURATION' }));
    expect(() => clock.advanceTo(-5)).toThrow(expect.objectContaining({ code: 'OMNI_ERR_INVALID_DURATION' }));
  });

  it('keeps firing the others when a callback throws, then rethrows', () => {
    const clock = new ManualClock();
    const log: string[] = [];
    clock.setTimeout(1, () => {
      throw new Error('boom');
    });
    clock.setTimeout(2, () => log.push('second'));
    expect(() => clock.advanceBy(5)).toThrow('boom');
    expect(log).toEqual(['second']);
    expect(clock.nowMs()).toBe(5);
    clock.setTimeout(1, () => {
      throw new Error('x');
    });
    clock.setTimeout(1, () => {
      throw new Error('y');
    });
    expect(() => clock.advanceBy(1)).toThrow(AggregateError);
  });

  it('jumps without firing: timers keep their remaining wait and jumps emits', () => {
    const clock = new ManualClock({ startMs: 10_000 });
    const jumps: Array<[number, number]> = [];
    clock.jumps.subscribe((j) => jumps.push([j.from.sec, j.to.sec]));
    const fired: number[] = [];
    clock.setTimeout(500, () => fired.push(clock.nowMs()));
    clock.jumpTo(2000);
    expect(jumps).toEqual([[10, 2]]);
    expect(fired).toEqual([]);
    clock.advanceBy(499);
    expect(fired).toEqual([]);
    clock.advanceBy(1);
    expect(fired).toEqual([2500]);
  });

  it('bounds periodic catch-up after a huge advance', () => {
    const clock = new ManualClock({ maxCatchUp: 5 });
    let fires = 0;
    clock.createTimer(1, () => fires++);
    clock.advanceBy(1_000_000);
    expect(fires).toBe(5);
    clock.advanceBy(1);
    expect(fires).toBe(6);
  });

  it('advanceByAsync lets async loops that sleep make progress', async () => {
    const clock = new ManualClock();
    const ticks: number[] = [];
    const loop = (async () => {
      for (let i = 0; i < 5; i++) {
        await clock.sleep(10);
        ticks.push(clock.nowMs());
      }
    })();
    await clock.advanceByAsync(100);
    await loop;
    expect(ticks).toEqual([10, 20, 30, 40, 50]);
    expect(clock.nowMs()).toBe(100);
  });

  it('drives RxJS time operators through its scheduler', async () => {
    const clock = new ManualClock();
    const collected = firstValueFrom(interval(10, clock.scheduler).pipe(take(3), toArray()));
    clock.advanceBy(30);
    await expect(collected).resolves.toEqual([0, 1, 2]);

    const throttled: number[] = [];
    interval(10, clock.scheduler)
      .pipe(throttleTime(25, clock.scheduler), take(3))
      .subscribe((v) => throttled.push(v));
    clock.advanceBy(200);
    expect(throttled).toEqual([0, 3, 6]);

    const timedOut = firstValueFrom(
      interval(1000, clock.scheduler).pipe(timeout({ first: 100, scheduler: clock.scheduler })),
    );
    clock.advanceBy(100);
    await expect(timedOut).rejects.toThrow(/Timeout/);
    expect(clock.scheduler.now()).toBe(clock.nowMs());
  });
});
