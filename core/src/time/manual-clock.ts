import type { ClockType } from './clock.js';
import { checkDuration } from './clock-errors.js';
import { timeToMs } from './time.js';
import type { Time } from './time.js';
import { VirtualClock } from './virtual-clock.js';
import type { VirtualClockOptions } from './virtual-clock.js';

/** Options of a {@link ManualClock}. */
export interface ManualClockOptions extends VirtualClockOptions {
  /** The type it reports (default `'sim'`). */
  readonly type?: ClockType;
}

/**
 * A deterministic virtual clock for tests: time moves only through {@link advanceBy},
 * {@link advanceTo} or {@link jumpTo}, and timers fire during those calls, in due order. Timers due
 * "now" (zero delays) wait for the next advance or {@link runDue}, like RxJS's `TestScheduler`.
 *
 * @example
 * ```ts
 * const clock = new ManualClock();
 * const done = clock.sleep(100);
 * clock.advanceBy(100); // the sleep's timer fires here
 * await done;
 * ```
 */
export class ManualClock extends VirtualClock {
  /** The type this clock reports. */
  readonly type: ClockType;

  constructor(options: ManualClockOptions = {}) {
    super(options);
    this.type = options.type ?? 'sim';
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advanceBy(ms: number): void {
    checkDuration('advance', ms);
    this.walkTo(this.current + ms);
  }

  /** Moves time forward to `ms` (a time before now is an error; use {@link jumpTo}). */
  advanceTo(ms: number | Time): void {
    const target = typeof ms === 'number' ? ms : timeToMs(ms);
    checkDuration('advance', target - this.current);
    this.walkTo(target);
  }

  /** Fires the timers that are already due without moving time. */
  runDue(): void {
    this.walkTo(this.current);
  }

  /**
   * Sets the time directly (either direction) without firing timers; pending timers keep their
   * remaining wait and {@link jumps} emits.
   */
  jumpTo(ms: number | Time): void {
    this.jumpToMs(typeof ms === 'number' ? ms : timeToMs(ms));
  }

  /**
   * Like {@link advanceBy}, but lets promise callbacks run after each timer, so that async code
   * which sleeps in a loop (`while (...) await clock.sleep(10)`) makes progress in virtual time.
   */
  async advanceByAsync(ms: number): Promise<void> {
    checkDuration('advance', ms);
    const target = this.current + ms;
    await settle();
    for (;;) {
      const due = this.nextDueMs();
      if (due === undefined || due > target) break;
      this.walkTo(due);
      await settle();
    }
    this.walkTo(target);
    await settle();
  }
}

/** Lets every queued promise callback run (a macrotask turn drains the microtask queue). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
