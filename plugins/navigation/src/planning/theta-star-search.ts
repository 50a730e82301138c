import { SQRT2, TIE_BREAK, tracePath } from './grid-search.js';
import type { GridSearch, SearchProblem, SearchState } from './grid-search.js';
import { segmentCost } from './line-of-sight.js';
import type { IndexedMinHeap } from './indexed-min-heap.js';

const INF = Number.POSITIVE_INFINITY;
const HALF_SQRT2 = SQRT2 / 2;
const NEIGHBOURS: readonly (readonly [number, number])[] = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
  [1, 1],
];

/**
 * Theta*: A* whose cells may take their parent's parent as their own parent when the straight segment
 * between them is traversable and no costlier, giving any-angle paths. Each neighbour gets the cheaper
 * of the grid step (as A*) and the direct segment from the current cell's parent (costed by
 * {@link segmentCost}), so a path's cost never exceeds the optimal 8-connected one. The heuristic is
 * the Euclidean distance, admissible for any-angle travel.
 */
export class ThetaStarSearch implements GridSearch {
  expansions = 0;
  cost = INF;
  private readonly problem: SearchProblem;
  private readonly goalCol: number;
  private readonly goalRow: number;
  private readonly g: Float64Array;
  private readonly parent: Int32Array;
  private readonly mark: Uint32Array;
  private readonly heap: IndexedMinHeap;
  private readonly open: number;
  private readonly closed: number;

  constructor(problem: SearchProblem) {
    this.problem = problem;
    const { width, start, goal, workspace } = problem;
    this.goalCol = goal % width;
    this.goalRow = (goal - this.goalCol) / width;
    this.g = workspace.g;
    this.parent = workspace.parent;
    this.mark = workspace.mark;
    this.heap = workspace.heap;
    this.open = workspace.generation;
    this.closed = workspace.generation + 1;
    this.g[start] = 0;
    this.parent[start] = start;
    this.mark[start] = this.open;
    const startCol = start % width;
    this.heap.push(this.heuristic(startCol, (start - startCol) / width), start);
  }

  step(maxExpansions: number): SearchState {
    const { width, height, data, factors, goal } = this.problem;
    const { g, parent, mark, heap, closed, open } = this;
    for (let budget = maxExpansions; budget > 0;) {
      const cur = heap.pop();
      if (cur < 0) return 'exhausted';
      mark[cur] = closed;
      this.expansions++;
      budget--;
      if (cur === goal) {
        this.cost = g[cur]!;
        return 'found';
      }
      const gCur = g[cur]!;
      const fCur = factors[data[cur]!]!;
      const col = cur % width;
      const row = (cur - col) / width;
      const up = parent[cur]!;
      const upCol = up % width;
      const upRow = (up - upCol) / width;
      const gUp = g[up]!;
      for (const [dc, dr] of NEIGHBOURS) {
        const nCol = col + dc;
        const nRow = row + dr;
        if (nCol < 0 || nRow < 0 || nCol >= width || nRow >= height) continue;
        const n = cur + dr * width + dc;
        if (mark[n] === closed) continue;
        const fN = factors[data[n]!]!;
        if (fN === INF) continue;
        let best: number;
        if (dc !== 0 && dr !== 0) {
          // No corner cutting, as A*.
          if (factors[data[cur + dc]!]! === INF || factors[data[cur + dr * width]!]! === INF) continue;
          best = gCur + HALF_SQRT2 * (fCur + fN);
        } else {
          best = gCur + 0.5 * (fCur + fN);
        }
        let bestParent = cur;
        const known = mark[n] === open ? g[n]! : INF;
        if (up !== cur) {
          const ex = nCol - upCol;
          const ey = nRow - upRow;
          // The segment costs at least its length, so skip the line walk when that cannot win.
          const floor = gUp + Math.sqrt(ex * ex + ey * ey);
          if (floor <= best && floor < known) {
            const viaUp = gUp + segmentCost(width, data, factors, upCol, upRow, nCol, nRow);
            if (viaUp <= best) {
              best = viaUp;
              bestParent = up;
            }
          }
        }
        if (best >= known) continue;
        g[n] = best;
        parent[n] = bestParent;
        if (known === INF) {
          mark[n] = open;
          heap.push(best + this.heuristic(nCol, nRow), n);
        } else {
          heap.decrease(best + this.heuristic(nCol, nRow), n);
        }
      }
    }
    return 'running';
  }

  waypoints(): Int32Array {
    const { width, height, start, goal } = this.problem;
    return tracePath(this.parent, start, goal, width * height);
  }

  private heuristic(col: number, row: number): number {
    const dx = col - this.goalCol;
    const dy = row - this.goalRow;
    return Math.sqrt(dx * dx + dy * dy) * (1 + TIE_BREAK);
  }
}
