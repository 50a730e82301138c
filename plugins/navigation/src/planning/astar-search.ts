import { SQRT2, TIE_BREAK, tracePath } from './grid-search.js';
import type { GridSearch, SearchProblem, SearchState } from './grid-search.js';
import type { IndexedMinHeap } from './indexed-min-heap.js';

const INF = Number.POSITIVE_INFINITY;
const DIAGONAL_EXTRA = SQRT2 - 1;
const HALF_SQRT2 = SQRT2 / 2;

/**
 * A* on the 8-connected grid. Moving between neighbouring cells costs the step length (1 or √2) times
 * the mean of the two cells' cost factors, which is exactly the cost of the straight segment between
 * their centres; a diagonal step needs both cells it squeezes between to be traversable (no corner
 * cutting). The heuristic is the octile distance, admissible because every factor is at least 1.
 */
export class AStarSearch implements GridSearch {
  expansions = 0;
  cost = INF;
  /**
   * A neighbour whose key is no larger than the key just expanded would be the next one popped, so it
   * skips the heap: on open ground most expansions then cost no heap operation at all.
   */
  private next = -1;
  private nextKey = INF;
  private readonly width: number;
  private readonly height: number;
  private readonly data: Uint8Array;
  private readonly factors: Float64Array;
  private readonly start: number;
  private readonly goal: number;
  private readonly goalCol: number;
  private readonly goalRow: number;
  private readonly g: Float64Array;
  private readonly parent: Int32Array;
  private readonly mark: Uint32Array;
  private readonly heap: IndexedMinHeap;
  private readonly open: number;
  private readonly closed: number;

  constructor(problem: SearchProblem) {
    this.width = problem.width;
    this.height = problem.height;
    this.data = problem.data;
    this.factors = problem.factors;
    this.start = problem.start;
    this.goal = problem.goal;
    this.goalCol = problem.goal % problem.width;
    this.goalRow = (problem.goal - this.goalCol) / problem.width;
    const ws = problem.workspace;
    this.g = ws.g;
    this.parent = ws.parent;
    this.mark = ws.mark;
    this.heap = ws.heap;
    this.open = ws.generation;
    this.closed = ws.generation + 1;
    this.g[this.start] = 0;
    this.parent[this.start] = this.start;
    this.mark[this.start] = this.open;
    const startCol = this.start % this.width;
    this.heap.push(this.heuristic(startCol, (this.start - startCol) / this.width), this.start);
  }

  step(maxExpansions: number): SearchState {
    const { width, height, data, factors, goal, goalCol, goalRow, g, parent, mark, heap, open, closed } = this;
    const lastCol = width - 1;
    const lastRow = height - 1;
    const hScale = 1 + TIE_BREAK;
    const diagonalScale = DIAGONAL_EXTRA * hScale;
    // The eight neighbours, unrolled: relaxation is written out in each branch because this loop is
    // the planner's whole cost and a call per neighbour measurably slows it.
    let next = this.next;
    let nextKey = this.nextKey;
    for (let budget = maxExpansions; budget > 0;) {
      let cur: number;
      let curKey: number;
      if (next >= 0) {
        cur = next;
        curKey = nextKey;
        next = -1;
        nextKey = INF;
      } else {
        curKey = heap.peekKey();
        cur = heap.pop();
        if (cur < 0) return 'exhausted';
      }
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
      let fLeft = INF;
      let fRight = INF;
      let fDown = INF;
      let fUp = INF;
      let n: number;
      let f: number;
      let m: number;
      let candidate: number;
      let key: number;
      let dx: number;
      let dy: number;
      // Octile distance of a neighbour from the goal, from its column and row offsets.
      const dxHere = col > goalCol ? col - goalCol : goalCol - col;
      const dyHere = row > goalRow ? row - goalRow : goalRow - row;
      const dxLeft = col - 1 >= goalCol ? dxHere - 1 : dxHere + 1;
      const dxRight = col + 1 <= goalCol ? dxHere - 1 : dxHere + 1;
      const dyDown = row - 1 >= goalRow ? dyHere - 1 : dyHere + 1;
      const dyUp = row + 1 <= goalRow ? dyHere - 1 : dyHere + 1;
      if (col > 0) {
        n = cur - 1;
        fLeft = factors[data[n]!]!;
        m = mark[n]!;
        if (fLeft !== INF && m !== closed) {
          candidate = gCur + 0.5 * (fCur + fLeft);
          if (m !== open || candidate < g[n]!) {
            g[n] = candidate;
            parent[n] = cur;
            mark[n] = open;
            dx = dxLeft;
            dy = dyHere;
            key = candidate + (dx > dy ? dx * hScale + dy * diagonalScale : dy * hScale + dx * diagonalScale);
            if (m === open) {
              heap.decrease(key, n);
            } else if (key <= curKey && key < nextKey) {
              if (next >= 0) heap.push(nextKey, next);
              next = n;
              nextKey = key;
            } else {
              heap.push(key, n);
            }
          }
        }
      }
      if (col < lastCol) {
        n = cur + 1;
        fRight = factors[data[n]!]!;
        m = mark[n]!;
        if (fRight !== INF && m !== closed) {
          candidate = gCur + 0.5 * (fCur + fRight);
          if (m !== open || candidate < g[n]!) {
            g[n] = candidate;
            parent[n] = cur;
            mark[n] = open;
            dx = dxRight;
            dy = dyHere;
            key = candidate + (dx > dy ? dx * hScale + dy * diagonalScale : dy * hScale + dx * diagonalScale);
            if (m === open) {
              heap.decrease(key, n);
            } else if (key <= curKey && key < nextKey) {
              if (next >= 0) heap.push(nextKey, next);
              next = n;
              nextKey = key;
            } else {
              heap.push(key, n);
            }
          }
        }
      }
      if (row > 0) {
        n = cur - width;
        fDown = factors[data[n]!]!;
        m = mark[n]!;
        if (fDown !== INF && m !== closed) {
          candidate = gCur + 0.5 * (fCur + fDown);
          if (m !== open || candidate < g[n]!) {
            g[n] = candidate;
            parent[n] = cur;
            mark[n] = open;
            dx = dxHere;
            dy = dyDown;
            key = candidate + (dx > dy ? dx * hScale + dy * diagonalScale : dy * hScale + dx * diagonalScale);
            if (m === open) {
              heap.decrease(key, n);
            } else if (key <= curKey && key < nextKey) {
              if (next >= 0) heap.push(nextKey, next);
              next = n;
              nextKey = key;
            } else {
              heap.push(key, n);
            }
          }
        }
      }
      if (row < lastRow) {
        n = cur + width;
        fUp = factors[data[n]!]!;
        m = mark[n]!;
        if (fUp !== INF && m !== closed) {
          candidate = gCur + 0.5 * (fCur + fUp);
          if (m !== open || candidate < g[n]!) {
            g[n] = candidate;
            parent[n] = cur;
            mark[n] = open;
            dx = dxHere;
            dy = dyUp;
            key = candidate + (dx > dy ? dx * hScale + dy * diagonalScale : dy * hScale + dx * diagonalScale);
            if (m === open) {
              heap.decrease(key, n);
            } else if (key <= curKey && key < nextKey) {
              if (next >= 0) heap.push(nextKey, next);
              next = n;
              nextKey = key;
            } else {
              heap.push(key, n);
            }
          }
        }
      }
      // A diagonal is open only when both orthogonal cells beside it are (their factors are finite);
      // an off-grid side leaves its factor infinite, which also keeps diagonals inside the grid.
      if (fLeft !== INF && fDown !== INF) {
        n = cur - width - 1;
        f = factors[data[n]!]!;
        m = mark[n]!;
        if (f !== INF && m !== closed) {
          candidate = gCur + HALF_SQRT2 * (fCur + f);
          if (m !== open || candidate < g[n]!) {
            g[n] = candidate;
            parent[n] = cur;
            mark[n] = open;
            dx = dxLeft;
            dy = dyDown;
            key = candidate + (dx > dy ? dx * hScale + dy * diagonalScale : dy * hScale + dx * diagonalScale);
            if (m === open) {
              heap.decrease(key, n);
            } else if (key <= curKey && key < nextKey) {
              if (next >= 0) heap.push(nextKey, next);
              next = n;
              nextKey = key;
            } else {
              heap.push(key, n);
            }
          }
        }
      }
      if (fRight !== INF && fDown !== INF) {
        n = cur - width + 1;
        f = factors[data[n]!]!;
        m = mark[n]!;
        if (f !== INF && m !== closed) {
          candidate = gCur + HALF_SQRT2 * (fCur + f);
          if (m !== open || candidate < g[n]!) {
            g[n] = candidate;
            parent[n] = cur;
            mark[n] = open;
            dx = dxRight;
            dy = dyDown;
            key = candidate + (dx > dy ? dx * hScale + dy * diagonalScale : dy * hScale + dx * diagonalScale);
            if (m === open) {
              heap.decrease(key, n);
            } else if (key <= curKey && key < nextKey) {
              if (next >= 0) heap.push(nextKey, next);
              next = n;
              nextKey = key;
            } else {
              heap.push(key, n);
            }
          }
        }
      }
      if (fLeft !== INF && fUp !== INF) {
        n = cur + width - 1;
        f = factors[data[n]!]!;
        m = mark[n]!;
        if (f !== INF && m !== closed) {
          candidate = gCur + HALF_SQRT2 * (fCur + f);
          if (m !== open || candidate < g[n]!) {
            g[n] = candidate;
            parent[n] = cur;
            mark[n] = open;
            dx = dxLeft;
            dy = dyUp;
            key = candidate + (dx > dy ? dx * hScale + dy * diagonalScale : dy * hScale + dx * diagonalScale);
            if (m === open) {
              heap.decrease(key, n);
            } else if (key <= curKey && key < nextKey) {
              if (next >= 0) heap.push(nextKey, next);
              next = n;
              nextKey = key;
            } else {
              heap.push(key, n);
            }
          }
        }
      }
      if (fRight !== INF && fUp !== INF) {
        n = cur + width + 1;
        f = factors[data[n]!]!;
        m = mark[n]!;
        if (f !== INF && m !== closed) {
          candidate = gCur + HALF_SQRT2 * (fCur + f);
          if (m !== open || candidate < g[n]!) {
            g[n] = candidate;
            parent[n] = cur;
            mark[n] = open;
            dx = dxRight;
            dy = dyUp;
            key = candidate + (dx > dy ? dx * hScale + dy * diagonalScale : dy * hScale + dx * diagonalScale);
            if (m === open) {
              heap.decrease(key, n);
            } else if (key <= curKey && key < nextKey) {
              if (next >= 0) heap.push(nextKey, next);
              next = n;
              nextKey = key;
            } else {
              heap.push(key, n);
            }
          }
        }
      }
    }
    this.next = next;
    this.nextKey = nextKey;
    return 'running';
  }

  waypoints(): Int32Array {
    return tracePath(this.parent, this.start, this.goal, this.width * this.height);
  }

  private heuristic(col: number, row: number): number {
    const dx = col > this.goalCol ? col - this.goalCol : this.goalCol - col;
    const dy = row > this.goalRow ? row - this.goalRow : this.goalRow - row;
    const octile = dx > dy ? dx + DIAGONAL_EXTRA * dy : dy + DIAGONAL_EXTRA * dx;
    return octile * (1 + TIE_BREAK);
  }
}
