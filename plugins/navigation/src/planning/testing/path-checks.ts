import type { nav_msgs } from '@omnimind/core';
import type { Costmap } from '../../grid/grid-types.js';
import { worldToCell } from '../../grid/grid-types.js';
import type { CostModel } from '../cost-model.js';
import { isTraversable } from '../cost-model.js';

/** Problems with an 8-connected cell path (empty when it is valid). */
export function gridPathProblems(costmap: Costmap, model: CostModel, cells: ArrayLike<number>): string[] {
  const { width } = costmap.info;
  const free = (col: number, row: number): boolean =>
    col >= 0 &&
    row >= 0 &&
    col < width &&
    row < costmap.info.height &&
    isTraversable(model, costmap.data[row * width + col]!);
  const problems: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const col = cells[i]! % width;
    const row = Math.floor(cells[i]! / width);
    if (!free(col, row)) problems.push(`cell ${i} (${col}, ${row}) is not traversable`);
    if (i === 0) continue;
    const pc = cells[i - 1]! % width;
    const pr = Math.floor(cells[i - 1]! / width);
    const dc = col - pc;
    const dr = row - pr;
    if (Math.max(Math.abs(dc), Math.abs(dr)) !== 1) problems.push(`cells ${i - 1} and ${i} are not neighbours`);
    else if (dc !== 0 && dr !== 0 && (!free(pc + dc, pr) || !free(pc, pr + dr))) {
      problems.push(`step ${i} cuts the corner of a blocked cell`);
    }
  }
  return problems;
}

/**
 * Problems with the straight legs between `points` (world coordinates): each leg is sampled every
 * `step` metres and every sample must lie in a traversable cell. An independent, approximate check of
 * the planners' exact line walk.
 */
export function legProblems(
  costmap: Costmap,
  model: CostModel,
  points: readonly { x: number; y: number }[],
  step = 0.01,
): string[] {
  const problems: string[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const pieces = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step));
    for (let k = 0; k <= pieces; k++) {
      const x = a.x + ((b.x - a.x) * k) / pieces;
      const y = a.y + ((b.y - a.y) * k) / pieces;
      const cell = worldToCell(costmap.info, x, y);
      if (cell === undefined || !isTraversable(model, costmap.data[cell.row * costmap.info.width + cell.col]!)) {
        problems.push(`leg ${i} crosses a blocked cell near (${x.toFixed(3)}, ${y.toFixed(3)})`);
        break;
      }
    }
  }
  return problems;
}

/** The (x, y) of every pose of `path`. */
export function pathPoints(path: nav_msgs.Path): { x: number; y: number }[] {
  return path.poses.map((p) => ({ x: p.pose.position.x, y: p.pose.position.y }));
}

/** The yaw of a pose's orientation quaternion (rotation about z). */
export function yawOf(pose: { orientation: { z: number; w: number } }): number {
  return 2 * Math.atan2(pose.orientation.z, pose.orientation.w);
}
