import type { nav_msgs } from '@omnimind/core';
import { normalizeAngle } from '@omnimind/core';
import { quaternionYaw, type PlanarPose } from '../skills/pose-watch.js';

/** A planar point in the map frame, metres. */
export interface PlanarPoint {
  readonly x: number;
  readonly y: number;
}

/** The visibility model of a forward-looking camera on a planar robot. */
export interface CameraModel {
  /** Horizontal field of view, in radians. */
  readonly fieldOfView: number;
  /** Farthest visible distance from the camera, in metres. */
  readonly range: number;
  /** Camera position ahead of the robot's base, in metres. */
  readonly forwardOffset: number;
}

/** How an occupancy grid blocks a line of sight. */
export interface OcclusionModel {
  /** Cell value from which a cell blocks the view (0..100; unknown, -1, never blocks). */
  readonly occupiedThreshold: number;
  /** Length of the line's end, just before the object, that is not checked: the object's own cells. */
  readonly objectClearance: number;
}

/** The camera's pose in the map frame for a robot at `robot`. */
export function cameraPose(robot: PlanarPose, camera: CameraModel): PlanarPose {
  return {
    x: robot.x + camera.forwardOffset * Math.cos(robot.theta),
    y: robot.y + camera.forwardOffset * Math.sin(robot.theta),
    theta: robot.theta,
  };
}

/** Whether `target` lies within the camera's range and horizontal field of view. */
export function inFieldOfView(camera: PlanarPose, target: PlanarPoint, model: CameraModel): boolean {
  const dx = target.x - camera.x;
  const dy = target.y - camera.y;
  if (Math.hypot(dx, dy) > model.range) return false;
  return Math.abs(normalizeAngle(Math.atan2(dy, dx) - camera.theta)) <= model.fieldOfView / 2;
}

/**
 * Whether the straight line from `from` to `to` crosses no occupied cell of `grid`, leaving out the
 * last `objectClearance` metres (where the object itself is mapped). Cells outside the grid and
 * unknown cells do not block.
 */
export function lineOfSightClear(
  grid: nav_msgs.OccupancyGrid,
  from: PlanarPoint,
  to: PlanarPoint,
  occlusion: OcclusionModel,
): boolean {
  const { resolution, width, height, origin } = grid.info;
  const checked = Math.hypot(to.x - from.x, to.y - from.y) - occlusion.objectClearance;
  if (checked <= 0 || !(resolution > 0)) return true;
  const yaw = quaternionYaw(origin.orientation);
  const cos = Math.cos(-yaw);
  const sin = Math.sin(-yaw);
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  // Half-cell steps never skip a cell the line crosses by more than a corner.
  const step = resolution / 2;
  for (let s = 0; s <= checked; s += step) {
    const wx = from.x + ux * s - origin.position.x;
    const wy = from.y + uy * s - origin.position.y;
    const col = Math.floor((cos * wx - sin * wy) / resolution);
    const row = Math.floor((sin * wx + cos * wy) / resolution);
    if (col < 0 || row < 0 || col >= width || row >= height) continue;
    const value = grid.data[row * width + col] ?? -1;
    if (value >= occlusion.occupiedThreshold) return false;
  }
  return true;
}
