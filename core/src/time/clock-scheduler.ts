import { Subscription } from 'rxjs';
import type { SchedulerAction, SchedulerLike } from 'rxjs';
import type { Clock, Timer } from './clock.js';

/** The part of a {@link Clock} a scheduler needs. */
export type SchedulerClock = Pick<Clock, 'nowMs' | 'setTimeout'>;

class ClockAction<T> extends Subscription implements SchedulerAction<T> {
  private timer: Timer | undefined;
  private state: T | undefined;

  constructor(
    private readonly clock: SchedulerClock,
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
  ) {
    super();
    this.add(() => {
      this.timer?.cancel();
      this.timer = undefined;
    });
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.state = state;
    this.timer?.cancel();
    this.timer = this.clock.setTimeout(Math.max(0, delay), () => this.execute());
    return this;
  }

  private execute(): void {
    this.timer = undefined;
    if (this.closed) return;
    try {
      this.work.call(this, this.state);
    } catch (error) {
      this.unsubscribe();
      throw error;
    }
  }
}

/**
 * An RxJS scheduler whose time is a {@link Clock}'s time and whose delayed actions are that clock's
 * timers. With a simulated or manual clock, `throttleTime(100, clock.scheduler)` throttles on
 * simulated time.
 *
 * @example
 * ```ts
 * source.pipe(throttleTime(100, clock.scheduler));
 * ```
 */
export class ClockScheduler implements SchedulerLike {
  constructor(private readonly clock: SchedulerClock) {}

  /** The clock's time in milliseconds. */
  now(): number {
    return this.clock.nowMs();
  }

  /** Runs `work` after `delay` ms of clock time; the returned action can reschedule itself. */
  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    return new ClockAction<T>(this.clock, work).schedule(state, delay);
  }
}
