import type { MotionLimits } from '@omnimind/robots';
import type { Twist2D } from '../engine-types.js';

const STOP: Twist2D = { linear: 0, angular: 0 };

/**
 * The velocity loop of a differential-drive base: clamps commands to the velocity limits, moves
 * the output towards them no faster than the acceleration limits allow, and stops the robot when
 * no command came for `limits.commandTimeout` seconds (watchdog). Time is simulated milliseconds.
 */
export class DriveController {
  readonly #limits: MotionLimits;
  #target: Twist2D = STOP;
  #lastCommandMs = Number.NEGATIVE_INFINITY;
  #linear = 0;
  #angular = 0;

  constructor(limits: MotionLimits) {
    this.#limits = limits;
  }

  /** Records a command at simulated time `nowMs`; non-finite components count as 0 (stop). */
  command(twist: Twist2D, nowMs: number): void {
    const { maxLinearVelocity, maxAngularVelocity } = this.#limits;
    this.#target = {
      linear: clamp(Number.isFinite(twist.linear) ? twist.linear : 0, maxLinearVelocity),
      angular: clamp(Number.isFinite(twist.angular) ? twist.angular : 0, maxAngularVelocity),
    };
    this.#lastCommandMs = nowMs;
  }

  /** The target after clamping (what the base is driving towards), before the watchdog. */
  get target(): Twist2D {
    return this.#target;
  }

  /** The velocity the base produces now. */
  get output(): Twist2D {
    return { linear: this.#linear, angular: this.#angular };
  }

  /** True when the watchdog has stopped the robot at `nowMs`. */
  timedOut(nowMs: number): boolean {
    return nowMs - this.#lastCommandMs >= this.#limits.commandTimeout * 1000;
  }

  /**
   * Advances the loop by one step of `dtSeconds` starting at `nowMs` and returns the velocity to
   * drive during that step. `enabled: false` (an empty battery) drives towards a stop.
   */
  update(nowMs: number, dtSeconds: number, enabled = true): Twist2D {
    const target = enabled && !this.timedOut(nowMs) ? this.#target : STOP;
    this.#linear = approach(this.#linear, target.linear, this.#limits.maxLinearAcceleration * dtSeconds);
    this.#angular = approach(this.#angular, target.angular, this.#limits.maxAngularAcceleration * dtSeconds);
    return { linear: this.#linear, angular: this.#angular };
  }
}

function clamp(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}

/** Moves `current` towards `target` by at most `maxChange`, landing on it exactly. */
function approach(current: number, target: number, maxChange: number): number {
  const change = target - current;
  if (Math.abs(change) <= maxChange) return target;
  return current + Math.sign(change) * maxChange;
}
