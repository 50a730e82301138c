import { Subject } from 'rxjs';
import type { Observable, SchedulerLike } from 'rxjs';
import type { Clock, ClockType, Timer } from './clock.js';
import { checkDuration } from './clock-errors.js';
import { ClockScheduler } from './clock-scheduler.js';
import { sleepOn } from './sleep.js';
import { TimerHeap } from './timer-heap.js';
import type { HeapTimer } from './timer-heap.js';
import { timeFromMs } from './time.js';
import type { Time } from './time.js';

/** Options shared by the virtual clocks. */
export interface VirtualClockOptions {
  /** Start time in milliseconds since the clock's epoch (default 0). */
  readonly startMs?: number;
  /**
   * How many times one periodic timer may fire during a single advance before it skips the
   * missed periods (as ROS 2 timers do after a large jump). Default 10 000.
   */
  readonly maxCatchUp?: number;
}

class VirtualTimer implements Timer {
  constructor(
    private readonly clock: VirtualClock,
    readonly entry: HeapTimer,
  ) {}

  get active(): boolean {
    return !this.entry.cancelled;
  }

  cancel(): void {
    if (this.entry.cancelled) return;
    this.entry.cancelled = true;
    this.clock.timerCancelled(this.entry);
  }
}

/**
 * Base of the clocks whose time only moves when told to ({@link SimClock}, {@link ManualClock}).
 * Moving time forward fires every due timer in due order, with `now()` equal to each timer's due
 * time while its callback runs; moving it backwards (a jump) keeps each timer's remaining wait
 * and reports the jump on {@link jumps}.
 */
export abstract class VirtualClock implements Clock {
  abstract readonly type: ClockType;
  /** An RxJS scheduler whose time is this clock's time. */
  readonly scheduler: SchedulerLike = new ClockScheduler(this);
  /** Emits on backwards jumps and resets. */
  readonly jumps: Observable<{ readonly from: Time; readonly to: Time }>;
  protected current: number;
  private readonly heap = new TimerHeap();
  private readonly jumpSubject = new Subject<{ readonly from: Time; readonly to: Time }>();
  private readonly maxCatchUp: number;
  private nextSeq = 0;
  private advancing = false;
  private pendingTarget: number | undefined;
  private advanceCounter = 0;

  protected constructor(options: VirtualClockOptions = {}) {
    this.current = options.startMs ?? 0;
    checkDuration('clock start', this.current);
    this.maxCatchUp = options.maxCatchUp ?? 10_000;
    this.jumps = this.jumpSubject.asObservable();
  }

  /** The current time. */
  now(): Time {
    return timeFromMs(this.current);
  }

  /** The current time in milliseconds. */
  nowMs(): number {
    return this.current;
  }

  /** Number of timers waiting to fire. */
  get pendingTimers(): number {
    return this.heap.liveCount;
  }

  /** Due time of the next timer, or `undefined` when none is pending. */
  nextDueMs(): number | undefined {
    return this.heap.peek()?.due;
  }

  /** Calls `callback` every `periodMs` (> 0) of this clock's time until cancelled. */
  createTimer(periodMs: number, callback: () => void): Timer {
    checkDuration('timer period', periodMs, true);
    return this.add(periodMs, periodMs, callback);
  }

  /** Calls `callback` once after `delayMs` of this clock's time. */
  setTimeout(delayMs: number, callback: () => void): Timer {
    checkDuration('timeout delay', delayMs);
    return this.add(delayMs, 0, callback);
  }

  /** Resolves after `delayMs` of this clock's time. */
  sleep(delayMs: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, delayMs, signal);
  }

  /** @internal Called by a timer handle when it is cancelled. */
  timerCancelled(entry: HeapTimer): void {
    this.heap.noteCancelled(entry);
  }

  /** Hook for clocks that run due timers on their own (the simulation clock does, on a microtask). */
  protected onDueNow(): void {}

  /**
   * Moves time forward to `targetMs`, firing due timers in order. Errors thrown by callbacks do
   * not stop the others; the first is rethrown once time has reached the target.
   */
  protected walkTo(targetMs: number): void {
    if (this.advancing) {
      // A callback moved time further: the running walk continues to the new target.
      this.pendingTarget = Math.max(this.pendingTarget ?? targetMs, targetMs);
      return;
    }
    this.advancing = true;
    const errors: unknown[] = [];
    try {
      let target = Math.max(targetMs, this.current);
      for (;;) {
        this.advanceCounter++;
        this.fireUntil(target, errors);
        this.current = Math.max(this.current, target);
        if (this.pendingTarget === undefined || this.pendingTarget <= target) break;
        target = this.pendingTarget;
      }
    } finally {
      this.advancing = false;
      this.pendingTarget = undefined;
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} clock callbacks failed`);
  }

  /**
   * Sets time to `targetMs` without walking: every pending timer keeps its remaining wait.
   * Reports the jump on {@link jumps}.
   */
  protected jumpToMs(targetMs: number): void {
    const from = this.current;
    if (from === targetMs) return;
    const live = this.heap.live();
    for (const t of live) t.due = targetMs + Math.max(0, t.due - from);
    this.heap.rebuild(live);
    this.current = targetMs;
    this.jumpSubject.next({ from: timeFromMs(from), to: timeFromMs(targetMs) });
  }

  private add(delayMs: number, periodMs: number, callback: () => void): Timer {
    const entry: HeapTimer = {
      due: this.current + delayMs,
      seq: this.nextSeq++,
      period: periodMs,
      callback,
      cancelled: false,
      queued: false,
      advanceId: -1,
      firesInAdvance: 0,
    };
    this.heap.push(entry);
    if (delayMs === 0) this.onDueNow();
    return new VirtualTimer(this, entry);
  }

  private fireUntil(target: number, errors: unknown[]): void {
    for (;;) {
      const next = this.heap.peek();
      if (!next || next.due > target) return;
      this.heap.pop();
      this.current = Math.max(this.current, next.due);
      if (next.period > 0) this.reschedule(next, target);
      else next.cancelled = true;
      try {
        next.callback();
      } catch (error) {
        errors.push(error);
      }
    }
  }

  private reschedule(timer: HeapTimer, target: number): void {
    if (timer.advanceId !== this.advanceCounter) {
      timer.advanceId = this.advanceCounter;
      timer.firesInAdvance = 0;
    }
    timer.firesInAdvance++;
    timer.due += timer.period;
    if (timer.firesInAdvance >= this.maxCatchUp && timer.due <= target) {
      timer.due += timer.period * (Math.floor((target - timer.due) / timer.period) + 1);
    }
    timer.seq = this.nextSeq++;
    this.heap.push(timer);
  }
}
