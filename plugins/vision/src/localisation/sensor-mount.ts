/**
 * Where a sensor sits on the robot: its frame's planar pose in `base_link` (metres, radians).
 * The simulator's robots have `camera_link` at `{ x: 0.07, y: 0, yaw: 0 }` and `base_scan` at
 * `{ x: -0.032, y: 0, yaw: 0 }`.
 */
export interface SensorMount {
  readonly x: number;
  readonly y: number;
  readonly yaw: number;
}

/** A planar pose: a position and a heading (radians, counter-clockwise from +x). */
export interface PlanarPose {
  readonly x: number;
  readonly y: number;
  readonly theta: number;
}

/** A point in a plane. */
export interface PlanarPoint {
  readonly x: number;
  readonly y: number;
}

/** Yaw of a quaternion, the heading of a planar robot's orientation. */
export function yawOfQuaternion(q: { x: number; y: number; z: number; w: number }): number {
  return Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
}

/** `angle` wrapped into [-π, π). */
export function wrapAngle(angle: number): number {
  return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
}
