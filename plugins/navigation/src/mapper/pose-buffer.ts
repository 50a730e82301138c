import { normalizeAngle } from '@omnimind/core';
import type { Pose2D } from '../grid/grid-types.js';

/** A pose at a clock time (milliseconds). */
export interface StampedPose {
  readonly timeMs: number;
  readonly pose: Pose2D;
}

/**
 * The last few poses of a robot, for looking up where it was when a scan was taken. Scans and
 * poses come on separate topics at different rates, so the pose at a scan's stamp is interpolated
 * between the two poses around it (position linearly, heading along the shorter arc).
 */
export class PoseBuffer {
  readonly #poses: StampedPose[] = [];

  /**
   * @param capacity - poses kept (oldest dropped first).
   * @param toleranceMs - how far a lookup may be from the nearest pose when it is not between two.
   */
  constructor(
    readonly capacity = 64,
    readonly toleranceMs = 100,
  ) {}

  /** Number of poses held. */
  get size(): number {
    return this.#poses.length;
  }

  /** Adds a pose; one older than the newest held is dropped (out-of-order delivery). */
  add(timeMs: number, pose: Pose2D): void {
    const last = this.#poses.at(-1);
    if (last && timeMs < last.timeMs) return;
    if (last && timeMs === last.timeMs) this.#poses.pop();
    this.#poses.push({ timeMs, pose });
    if (this.#poses.length > this.capacity) this.#poses.shift();
  }

  /**
   * The pose at `timeMs`: interpolated between the poses around it, or the nearest pose when that
   * is within the tolerance, else undefined.
   */
  at(timeMs: number): Pose2D | undefined {
    const poses = this.#poses;
    const first = poses[0];
    const last = poses.at(-1);
    if (!first || !last) return undefined;
    if (timeMs >= last.timeMs) return timeMs - last.timeMs <= this.toleranceMs ? last.pose : undefined;
    if (timeMs <= first.timeMs) return first.timeMs - timeMs <= this.toleranceMs ? first.pose : undefined;
    let hi = poses.length - 1;
    let lo = 0;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (poses[mid]!.timeMs <= timeMs) lo = mid;
      else hi = mid;
    }
    const a = poses[lo]!;
    const b = poses[hi]!;
    const t = (timeMs - a.timeMs) / (b.timeMs - a.timeMs);
    return interpolatePose(a.pose, b.pose, t);
  }

  /** Forgets every pose. */
  clear(): void {
    this.#poses.length = 0;
  }
}

/** The pose a fraction `t` (0..1) of the way from `a` to `b`; the heading turns the shorter way. */
export function interpolatePose(a: Pose2D, b: Pose2D, t: number): Pose2D {
  const turn = Math.atan2(Math.sin(b.theta - a.theta), Math.cos(b.theta - a.theta));
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, theta: normalizeAngle(a.theta + turn * t) };
}

/** Pose of a sensor mounted at `offset` (x, y, yaw in the robot's frame) on a robot at `robot`. */
export function mountedPose(robot: Pose2D, offset: readonly [number, number, number]): Pose2D {
  const cos = Math.cos(robot.theta);
  const sin = Math.sin(robot.theta);
  return {
    x: robot.x + cos * offset[0] - sin * offset[1],
    y: robot.y + sin * offset[0] + cos * offset[1],
    theta: normalizeAngle(robot.theta + offset[2]),
  };
}

/** The planar pose in a `geometry_msgs/Pose` (heading = yaw of its quaternion). */
export function poseFromMessage(pose: {
  readonly position: { readonly x: number; readonly y: number };
  readonly orientation: { readonly x: number; readonly y: number; readonly z: number; readonly w: number };
}): Pose2D {
  const q = pose.orientation;
  const theta = Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
  return { x: pose.position.x, y: pose.position.y, theta };
}
