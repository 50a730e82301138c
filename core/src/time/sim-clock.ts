import { checkDuration } from './clock-errors.js';
import type { ClockType } from './clock.js';
import { timeToMs } from './time.js';
import type { Time } from './time.js';
import { VirtualClock } from './virtual-clock.js';
import type { VirtualClockOptions } from './virtual-clock.js';

/** `rosgraph_msgs/msg/Clock`, the message on `/clock`. */
export interface ClockMessage {
  clock: Time;
}

/**
 * Simulation time (`use_sim_time`): the time is whatever the simulator last published on `/clock`
 * (or set with {@link set} / {@link advance}); until the first value arrives it is the start time (0).
 *
 * Moving forward fires due timers in order. The first value received, and any value earlier than
 * the current time, is a jump: timers keep their remaining wait and {@link jumps} emits.
 * Zero-delay timers run on the next microtask, so zero-delay scheduling does not stall while the
 * simulation is paused.
 */
export class SimClock extends VirtualClock {
  /** Always `'sim'`. */
  readonly type: ClockType = 'sim';
  private started = false;
  private flushQueued = false;

  constructor(options: VirtualClockOptions = {}) {
    super(options);
  }

  /** True once a time was received or set. */
  get hasTime(): boolean {
    return this.started;
  }

  /** Sets the simulation time (a `/clock` value). */
  set(time: Time | number): void {
    const target = typeof time === 'number' ? time : timeToMs(time);
    checkDuration('simulation time', target);
    if (!this.started || target < this.current) {
      this.started = true;
      this.jumpToMs(target);
      this.onDueNow();
      return;
    }
    this.walkTo(target);
  }

  /** Moves simulation time forward by `ms`. */
  advance(ms: number): void {
    checkDuration('advance', ms);
    this.started = true;
    this.walkTo(this.current + ms);
  }

  /** Applies a `rosgraph_msgs/msg/Clock` message. */
  handleClockMessage(message: ClockMessage): void {
    this.set(message.clock);
  }

  protected override onDueNow(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.walkTo(this.current);
    });
  }
}
