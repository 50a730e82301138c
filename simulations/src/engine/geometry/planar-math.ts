import type { Pose2D } from '../../world/world-types.js';

/** Wraps an angle to (-π, π]. */
export function wrapAngle(angle: number): number {
  if (angle > -Math.PI && angle <= Math.PI) return angle;
  const wrapped = angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
  return wrapped === -Math.PI ? Math.PI : wrapped;
}

/** sin(x)/x, with its limit 1 at 0. */
export function sinc(x: number): number {
  return Math.abs(x) < 1e-6 ? 1 - (x * x) / 6 : Math.sin(x) / x;
}

/** `child` given in the frame of `parent`, expressed in the frame `parent` is given in. */
export function composePose(parent: Pose2D, child: Pose2D): Pose2D {
  const c = Math.cos(parent.theta);
  const s = Math.sin(parent.theta);
  return {
    x: parent.x + c * child.x - s * child.y,
    y: parent.y + s * child.x + c * child.y,
    theta: wrapAngle(parent.theta + child.theta),
  };
}

/** The pose of `pose` seen from the frame `frame` (both given in the same frame). */
export function relativePose(frame: Pose2D, pose: Pose2D): Pose2D {
  const c = Math.cos(frame.theta);
  const s = Math.sin(frame.theta);
  const dx = pose.x - frame.x;
  const dy = pose.y - frame.y;
  return { x: c * dx + s * dy, y: -s * dx + c * dy, theta: wrapAngle(pose.theta - frame.theta) };
}

/**
 * Moves a pose along a circular arc: forward arc length `distance` while turning by `turn`
 * (the exact solution of a constant twist over one step).
 */
export function advanceOnArc(pose: Pose2D, distance: number, turn: number): Pose2D {
  const chord = distance * sinc(turn / 2);
  const heading = pose.theta + turn / 2;
  return {
    x: pose.x + chord * Math.cos(heading),
    y: pose.y + chord * Math.sin(heading),
    theta: wrapAngle(pose.theta + turn),
  };
}
