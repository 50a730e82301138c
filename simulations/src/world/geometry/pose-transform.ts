import type { Pose2D, Vec2 } from '../world-types.js';

/** Expresses the world point `p` in the frame of `pose` (x along the pose's heading). */
export function toLocalFrame(p: Vec2, pose: Pose2D): Vec2 {
  const dx = p.x - pose.x;
  const dy = p.y - pose.y;
  const cos = Math.cos(pose.theta);
  const sin = Math.sin(pose.theta);
  return { x: cos * dx + sin * dy, y: -sin * dx + cos * dy };
}

/** Expresses the point `p`, given in the frame of `pose`, in the world frame. */
export function toWorldFrame(p: Vec2, pose: Pose2D): Vec2 {
  const cos = Math.cos(pose.theta);
  const sin = Math.sin(pose.theta);
  return { x: pose.x + cos * p.x - sin * p.y, y: pose.y + sin * p.x + cos * p.y };
}

export { normalizeAngle } from '@omnimind/core';

/** Degrees to radians. */
export function degreesToRadians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}
