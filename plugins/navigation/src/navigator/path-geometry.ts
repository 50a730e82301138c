import type { geometry_msgs, nav_msgs } from '@omnimind/core';
import type { Pose2D } from '../grid/grid-types.js';

/** Heading (rad) of a quaternion, for planar poses. */
export function yawOf(q: { readonly x: number; readonly y: number; readonly z: number; readonly w: number }): number {
  return Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
}

/** The planar part of a `geometry_msgs/Pose`. */
export function poseToPose2D(pose: geometry_msgs.Pose): Pose2D {
  return { x: pose.position.x, y: pose.position.y, theta: yawOf(pose.orientation) };
}

/** A path's poses as planar poses, in order. */
export function pathToPoses(path: nav_msgs.Path): Pose2D[] {
  return path.poses.map((p) => poseToPose2D(p.pose));
}

/**
 * Length (m) of the rest of `path` seen from `pose`: from the pose to the closest point of the path,
 * then along the path to its end. An empty path leaves the straight distance to nothing, 0.
 */
export function remainingPathLength(path: readonly Pose2D[], pose: { x: number; y: number }): number {
  if (path.length === 0) return 0;
  if (path.length === 1) return Math.hypot(path[0]!.x - pose.x, path[0]!.y - pose.y);
  let best = Number.POSITIVE_INFINITY;
  let bestSegment = 0;
  let bestT = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((pose.x - a.x) * dx + (pose.y - a.y) * dy) / len2));
    const d = Math.hypot(a.x + t * dx - pose.x, a.y + t * dy - pose.y);
    if (d < best) {
      best = d;
      bestSegment = i;
      bestT = t;
    }
  }
  const a = path[bestSegment]!;
  const b = path[bestSegment + 1]!;
  let length = best + (1 - bestT) * Math.hypot(b.x - a.x, b.y - a.y);
  for (let i = bestSegment + 1; i + 1 < path.length; i++) {
    length += Math.hypot(path[i + 1]!.x - path[i]!.x, path[i + 1]!.y - path[i]!.y);
  }
  return length;
}
