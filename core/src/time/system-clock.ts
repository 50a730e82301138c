import { NEVER } from 'rxjs';
import type { Observable, SchedulerLike } from 'rxjs';
import type { Clock, ClockType, Timer } from './clock.js';
import { checkDuration } from './clock-errors.js';
import { ClockScheduler } from './clock-scheduler.js';
import { sleepOn } from './sleep.js';
import { timeFromMs } from './time.js';
import type { Time } from './time.js';

/** Node's timers overflow past 2^31-1 ms; longer waits are chained. */
const MAX_NODE_DELAY = 2_147_483_647;

class RealTimer implements Timer {
  private handle: ReturnType<typeof setTimeout> | undefined;
  private done = false;

  constructor(
    private readonly clock: SystemClock,
    private readonly periodMs: number,
    delayMs: number,
    private readonly callback: () => void,
  ) {
    this.arm(this.clock.nowMs() + delayMs);
  }

  get active(): boolean {
    return !this.done;
  }

  cancel(): void {
    this.done = true;
    if (this.handle !== undefined) clearTimeout(this.handle);
    this.handle = undefined;
  }

  private arm(dueMs: number): void {
    const wait = Math.max(0, dueMs - this.clock.nowMs());
    this.handle = setTimeout(() => this.fire(dueMs), Math.min(wait, MAX_NODE_DELAY));
  }

  private fire(dueMs: number): void {
    if (this.done) return;
    // A chained long wait (past Node's maximum delay) waits for the rest.
    if (dueMs - this.clock.nowMs() > 1) {
      this.arm(dueMs);
      return;
    }
    if (this.periodMs > 0) {
      // Schedule from the due time, not from now, so a periodic timer does not drift.
      const next = Math.max(dueMs + this.periodMs, this.clock.nowMs());
      this.arm(next);
    } else {
      this.done = true;
      this.handle = undefined;
    }
    this.callback();
  }
}

/**
 * Wall-clock time (`builtin_interfaces/Time` since the Unix epoch, microsecond resolution), with
 * timers on Node's real `setTimeout`. The clock of a node that does not use simulation time.
 */
export class SystemClock implements Clock {
  /** Always `'system'`. */
  readonly type: ClockType = 'system';
  /** An RxJS scheduler on this clock (real timers). */
  readonly scheduler: SchedulerLike = new ClockScheduler(this);
  /** Wall-clock adjustments are not observed, so this never emits. */
  readonly jumps: Observable<{ readonly from: Time; readonly to: Time }> = NEVER;
  private readonly origin = performance.timeOrigin;

  /** The current wall time. */
  now(): Time {
    return timeFromMs(this.nowMs());
  }

  /** Milliseconds since the Unix epoch, with sub-millisecond resolution. */
  nowMs(): number {
    return this.origin + performance.now();
  }

  /** Calls `callback` every `periodMs` (> 0) of wall time until cancelled. */
  createTimer(periodMs: number, callback: () => void): Timer {
    checkDuration('timer period', periodMs, true);
    return new RealTimer(this, periodMs, periodMs, callback);
  }

  /** Calls `callback` once after `delayMs` of wall time. */
  setTimeout(delayMs: number, callback: () => void): Timer {
    checkDuration('timeout delay', delayMs);
    return new RealTimer(this, 0, delayMs, callback);
  }

  /** Resolves after `delayMs` of wall time; rejects with `OMNI_ERR_ABORTED` when `signal` aborts. */
  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, delayMs, signal);
  }
}
