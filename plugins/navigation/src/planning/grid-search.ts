import type { SearchWorkspace } from './search-workspace.js';

/** One search on a grid: cells are row-major indices, costs are in cell units (× resolution = metres). */
export interface SearchProblem {
  readonly width: number;
  readonly height: number;
  /** Cell values, row-major. */
  readonly data: Uint8Array;
  /** Travel-cost multiplier per cell value, `Infinity` where blocked (see `createCostModel`). */
  readonly factors: Float64Array;
  readonly start: number;
  readonly goal: number;
  readonly workspace: SearchWorkspace;
}

/** Where a search stands after a {@link GridSearch.step}. */
export type SearchState = 'running' | 'found' | 'exhausted';

/**
 * A best-first grid search that runs in slices, so its caller can check cancellation and time
 * between slices and yield to the event loop.
 */
export interface GridSearch {
  /** Expands at most `maxExpansions` cells and says where the search stands. */
  step(maxExpansions: number): SearchState;
  /** Cells expanded so far. */
  readonly expansions: number;
  /** After `found`: the travel cost from start to goal, in cell units. */
  readonly cost: number;
  /** After `found`: the waypoint cells from start to goal (every cell for A*, turning points for Theta*). */
  waypoints(): Int32Array;
}

/**
 * Heuristics are inflated by this relative amount so that, among cells of equal estimated total cost,
 * the one nearer the goal expands first. On open ground this cuts expansions by orders of magnitude;
 * the price is a path at most this fraction costlier than optimal.
 */
export const TIE_BREAK = 1e-6;

/** √2, the length of a diagonal step in cells. */
export const SQRT2 = Math.SQRT2;

/** Follows parents from `goal` back to `start` and returns the cells in order from start to goal. */
export function tracePath(parent: Int32Array, start: number, goal: number, cellCount: number): Int32Array {
  let length = 1;
  for (let cell = goal; cell !== start; cell = parent[cell]!) {
    length++;
    // A parent chain longer than the grid is a bug, not a path: fail loudly instead of looping.
    if (length > cellCount + 1) throw new Error('parent chain does not reach the start');
  }
  const cells = new Int32Array(length);
  let i = length - 1;
  for (let cell = goal; ; cell = parent[cell]!) {
    cells[i--] = cell;
    if (cell === start) break;
  }
  return cells;
}
