import { z } from 'zod';
import type { VelocityCommand } from './controller.js';

/**
 * Velocity and acceleration limits shared by the controllers (snake_case, as ROS 2 parameters).
 * The defaults are the diff-drive robot's: 0.22 m/s and 2.84 rad/s.
 */
export const velocityLimitsShape = {
  max_linear_vel: z.number().positive().default(0.22).describe('Largest forward speed (m/s).'),
  min_linear_vel: z
    .number()
    .max(0)
    .default(0)
    .describe('Smallest linear speed (m/s); negative allows driving backwards.'),
  max_angular_vel: z.number().positive().default(2.84).describe('Largest turn rate, either way (rad/s).'),
  max_linear_accel: z.number().positive().default(2.5).describe('Largest increase of |linear speed| (m/s²).'),
  max_linear_decel: z.number().positive().default(2.5).describe('Largest decrease of |linear speed| (m/s²).'),
  max_angular_accel: z.number().positive().default(3.2).describe('Largest change of turn rate (rad/s²).'),
};

/** Parsed velocity limits. */
export interface VelocityLimits {
  readonly max_linear_vel: number;
  readonly min_linear_vel: number;
  readonly max_angular_vel: number;
  readonly max_linear_accel: number;
  readonly max_linear_decel: number;
  readonly max_angular_accel: number;
}

/** Clamps `value` into [`lo`, `hi`]. */
export function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}

/**
 * The range of linear speeds reachable from `current` within `dt` seconds: speeding up is bounded by
 * the acceleration limit, slowing down (towards zero) by the deceleration limit.
 */
export function linearWindow(current: number, limits: VelocityLimits, dt: number): { lo: number; hi: number } {
  const up = current >= 0 ? limits.max_linear_accel : limits.max_linear_decel;
  const down = current > 0 ? limits.max_linear_decel : limits.max_linear_accel;
  const lo = clamp(current - down * dt, limits.min_linear_vel, limits.max_linear_vel);
  const hi = clamp(current + up * dt, limits.min_linear_vel, limits.max_linear_vel);
  // A current speed already outside the limits (pushed, or limits just lowered) still yields a window.
  return lo <= hi ? { lo, hi } : { lo: hi, hi: hi };
}

/** The range of turn rates reachable from `current` within `dt` seconds. */
export function angularWindow(current: number, limits: VelocityLimits, dt: number): { lo: number; hi: number } {
  const step = limits.max_angular_accel * dt;
  const lo = clamp(current - step, -limits.max_angular_vel, limits.max_angular_vel);
  const hi = clamp(current + step, -limits.max_angular_vel, limits.max_angular_vel);
  return lo <= hi ? { lo, hi } : { lo: hi, hi: hi };
}

/**
 * Brings `target` within the speed limits and within what the accelerations allow from `current`
 * in `dt` seconds, each axis on its own.
 */
export function limitVelocity(
  target: VelocityCommand,
  current: VelocityCommand,
  limits: VelocityLimits,
  dt: number,
): VelocityCommand {
  const lin = linearWindow(current.linear, limits, dt);
  const ang = angularWindow(current.angular, limits, dt);
  return { linear: clamp(target.linear, lin.lo, lin.hi), angular: clamp(target.angular, ang.lo, ang.hi) };
}

/** The zero command. */
export const STOP: VelocityCommand = Object.freeze({ linear: 0, angular: 0 });
