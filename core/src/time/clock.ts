import type { Observable, SchedulerLike } from 'rxjs';
import type { Time } from './time.js';

/** Which time a clock reports. */
export type ClockType = 'system' | 'sim';

/** A handle to a periodic or one-shot timer created by a {@link Clock}. */
export interface Timer {
  /** Stops the timer; idempotent. */
  cancel(): void;
  /** True until cancelled (or fired, for a one-shot timer). */
  readonly active: boolean;
}

/**
 * The single source of time for a node. Every timer and rate comes from here, never from
 * `setTimeout` directly, so simulations can run faster than real time and tests run in virtual time.
 */
export interface Clock {
  readonly type: ClockType;
  /** The current time as `builtin_interfaces/Time`. */
  now(): Time;
  /** The current time in milliseconds (float) since the clock's epoch. */
  nowMs(): number;
  /** Calls `callback` every `periodMs` of this clock's time until cancelled. */
  createTimer(periodMs: number, callback: () => void): Timer;
  /** Calls `callback` once after `delayMs` of this clock's time. */
  setTimeout(delayMs: number, callback: () => void): Timer;
  /** Resolves after `delayMs` of this clock's time (rejects with an abort error when `signal` aborts). */
  sleep(delayMs: number, signal?: AbortSignal): Promise<void>;
  /** An RxJS scheduler driven by this clock, for time-based operators (`throttleTime`, `timeout`, ...). */
  readonly scheduler: SchedulerLike;
  /** Emits when the clock jumps (sim time reset, backwards jump). */
  readonly jumps: Observable<{ readonly from: Time; readonly to: Time }>;
}
