import { firstValueFrom, timer } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/omni-error.js';
import { SystemClock } from './system-clock.js';
import { timeToMs } from './time.js';

// The only tests with real waits: they check the wiring to Node's timers, a few ms each.
describe('SystemClock', () => {
  it('reports wall time with sub-millisecond resolution', () => {
    const clock = new SystemClock();
    expect(Math.abs(clock.nowMs() - Date.now())).toBeLessThan(50);
    expect(Math.abs(timeToMs(clock.now()) - Date.now())).toBeLessThan(50);
    expect(clock.type).toBe('system');
    expect(clock.scheduler.now()).toBeGreaterThan(1.6e12);
  });

  it('fires one-shot and periodic timers on real time, and cancels them', async () => {
    const clock = new SystemClock();
    const start = clock.nowMs();
    await clock.sleep(5);
    expect(clock.nowMs() - start).toBeGreaterThanOrEqual(4);

    let ticks = 0;
    const periodic = clock.createTimer(2, () => ticks++);
    await new Promise<void>((resolve) => {
      const check = clock.createTimer(1, () => {
        if (ticks >= 3) {
          check.cancel();
          resolve();
        }
      });
    });
    periodic.cancel();
    const after = ticks;
    await clock.sleep(10);
    expect(ticks).toBe(after);
    expect(periodic.active).toBe(false);

    let fired = false;
    const once = clock.setTimeout(1, () => (fired = true));
    once.cancel();
    await clock.sleep(5);
    expect(fired).toBe(false);
  });

  it('aborts sleeps', async () => {
    const clock = new SystemClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toSatisfy((e) => hasErrorCode(e, 'OMNI_ERR_ABORTED'));
  });

  it('runs RxJS timers through its scheduler', async () => {
    const clock = new SystemClock();
    await expect(firstValueFrom(timer(2, clock.scheduler))).resolves.toBe(0);
  });
});
