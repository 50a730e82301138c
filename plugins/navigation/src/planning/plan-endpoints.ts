import { COST, worldToCell } from '../grid/grid-types.js';
import type { Costmap, Pose2D } from '../grid/grid-types.js';
import type { CostModel } from './cost-model.js';
import { isTraversable } from './cost-model.js';
import { GoalOccupied, StartOccupied } from './global-planner.js';

/** The start and goal cells a search runs between. */
export interface PlanEndpoints {
  readonly start: number;
  readonly goal: number;
  /** True when the goal was in the inscribed zone and moved to the nearest free cell. */
  readonly goalSnapped: boolean;
}

/**
 * Maps the request's start and goal onto cells and checks that both may be occupied.
 *
 * A goal whose cell is in the inscribed zone (cost 253: the robot would touch an obstacle there, but
 * the point itself is not one) moves to the nearest traversable cell within `goalSnapRadius` metres
 * when that is above 0. A goal in a lethal cell, an unknown cell that may not be crossed, or outside
 * the map is never moved.
 *
 * @throws {StartOccupied} the start is outside the map or in a cell that may not be entered.
 * @throws {GoalOccupied} likewise for the goal, after any snapping.
 */
export function resolveEndpoints(
  costmap: Costmap,
  model: CostModel,
  start: Pose2D,
  goal: Pose2D,
  goalSnapRadius: number,
): PlanEndpoints {
  const { info, data } = costmap;
  const startCell = worldToCell(info, start.x, start.y);
  if (startCell === undefined) {
    throw new StartOccupied(`start (${start.x}, ${start.y}) is outside the costmap`);
  }
  const startIndex = startCell.row * info.width + startCell.col;
  const startValue = data[startIndex]!;
  if (!isTraversable(model, startValue)) {
    throw new StartOccupied(
      `start (${start.x}, ${start.y}) is in cell (${startCell.col}, ${startCell.row}) of cost ${startValue}`,
    );
  }
  const goalCell = worldToCell(info, goal.x, goal.y);
  if (goalCell === undefined) {
    throw new GoalOccupied(`goal (${goal.x}, ${goal.y}) is outside the costmap`);
  }
  const goalIndex = goalCell.row * info.width + goalCell.col;
  const goalValue = data[goalIndex]!;
  if (isTraversable(model, goalValue)) return { start: startIndex, goal: goalIndex, goalSnapped: false };
  if (goalValue === COST.INSCRIBED && goalSnapRadius > 0) {
    const snapped = nearestTraversable(costmap, model, goalCell.col, goalCell.row, goalSnapRadius / info.resolution);
    if (snapped >= 0) return { start: startIndex, goal: snapped, goalSnapped: true };
  }
  throw new GoalOccupied(
    `goal (${goal.x}, ${goal.y}) is in cell (${goalCell.col}, ${goalCell.row}) of cost ${goalValue}` +
      (goalValue === COST.INSCRIBED && goalSnapRadius > 0
        ? ` and no traversable cell lies within ${goalSnapRadius} m`
        : ''),
  );
}

/** The traversable cell nearest (by centre distance) to (`col`, `row`) within `radiusCells`, or -1. */
export function nearestTraversable(
  costmap: Costmap,
  model: CostModel,
  col: number,
  row: number,
  radiusCells: number,
): number {
  const { width, height } = costmap.info;
  const reach = Math.floor(radiusCells);
  const limit = radiusCells * radiusCells;
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let r = Math.max(0, row - reach); r <= Math.min(height - 1, row + reach); r++) {
    for (let c = Math.max(0, col - reach); c <= Math.min(width - 1, col + reach); c++) {
      const d = (c - col) * (c - col) + (r - row) * (r - row);
      if (d > limit || d >= bestDistance) continue;
      const index = r * width + c;
      if (isTraversable(model, costmap.data[index]!)) {
        best = index;
        bestDistance = d;
      }
    }
  }
  return best;
}
