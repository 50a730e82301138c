import type { builtin_interfaces, geometry_msgs, nav_msgs } from '@omnimind/core';
import { cellCenter } from '../grid/grid-types.js';
import type { GridInfo, Pose2D } from '../grid/grid-types.js';

/** How {@link buildPath} turns cells into a `nav_msgs/Path`. */
export interface BuildPathOptions {
  readonly frameId: string;
  readonly stamp: builtin_interfaces.Time;
  /** End at the goal cell's centre instead of the goal's exact position (the goal was snapped). */
  readonly goalSnapped: boolean;
  /** Insert poses so that no two consecutive poses are more than this many metres apart (0: none). */
  readonly maxSpacing: number;
}

/** The quaternion of a rotation by `yaw` radians about z. */
export function yawToQuaternion(yaw: number): geometry_msgs.Quaternion {
  return { x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) };
}

/**
 * A `nav_msgs/Path` through `waypoints` (cell indices from start to goal): the first pose at the exact
 * start position, the cells' centres between, the last pose at the exact goal position. Every pose
 * faces the next one; the last takes the goal's orientation.
 */
export function buildPath(
  info: GridInfo,
  waypoints: Int32Array,
  start: Pose2D,
  goal: Pose2D,
  options: BuildPathOptions,
): nav_msgs.Path {
  const xs: number[] = [start.x];
  const ys: number[] = [start.y];
  for (let i = 1; i < waypoints.length - 1; i++) {
    const cell = waypoints[i]!;
    const col = cell % info.width;
    const center = cellCenter(info, col, (cell - col) / info.width);
    xs.push(center.x);
    ys.push(center.y);
  }
  if (options.goalSnapped) {
    const cell = waypoints[waypoints.length - 1]!;
    const col = cell % info.width;
    const center = cellCenter(info, col, (cell - col) / info.width);
    xs.push(center.x);
    ys.push(center.y);
  } else {
    xs.push(goal.x);
    ys.push(goal.y);
  }
  const [px, py] = options.maxSpacing > 0 ? densify(xs, ys, options.maxSpacing) : [xs, ys];
  const header = { frame_id: options.frameId, stamp: options.stamp };
  const poses: geometry_msgs.PoseStamped[] = [];
  let yaw = px.length > 1 ? Math.atan2(py[1]! - py[0]!, px[1]! - px[0]!) : goal.theta;
  for (let i = 0; i < px.length; i++) {
    if (i === px.length - 1) {
      yaw = goal.theta;
    } else {
      const dx = px[i + 1]! - px[i]!;
      const dy = py[i + 1]! - py[i]!;
      // Coincident points (a start at its cell's centre) keep the previous heading.
      if (dx !== 0 || dy !== 0) yaw = Math.atan2(dy, dx);
    }
    poses.push({
      header: { frame_id: header.frame_id, stamp: { ...header.stamp } },
      pose: { position: { x: px[i]!, y: py[i]!, z: 0 }, orientation: yawToQuaternion(yaw) },
    });
  }
  return { header, poses };
}

function densify(xs: number[], ys: number[], spacing: number): [number[], number[]] {
  const outX: number[] = [xs[0]!];
  const outY: number[] = [ys[0]!];
  for (let i = 1; i < xs.length; i++) {
    const x0 = xs[i - 1]!;
    const y0 = ys[i - 1]!;
    const dx = xs[i]! - x0;
    const dy = ys[i]! - y0;
    const pieces = Math.ceil(Math.hypot(dx, dy) / spacing - 1e-9);
    for (let k = 1; k < pieces; k++) {
      outX.push(x0 + (dx * k) / pieces);
      outY.push(y0 + (dy * k) / pieces);
    }
    outX.push(xs[i]!);
    outY.push(ys[i]!);
  }
  return [outX, outY];
}
