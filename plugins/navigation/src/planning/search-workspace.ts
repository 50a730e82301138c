import { IndexedMinHeap } from './indexed-min-heap.js';

/**
 * Per-cell search state in typed arrays, reused from one plan to the next on grids of the same size.
 * A cell's entries are valid only when its mark carries the current generation, so starting a new
 * search is O(1) instead of clearing millions of cells.
 */
export class SearchWorkspace {
  /** Best known travel cost from the start, valid when `mark[i] >= generation`. */
  readonly g: Float64Array;
  /** Predecessor cell index on the best known path. */
  readonly parent: Int32Array;
  /** `generation` = open (g valid, in the heap), `generation + 1` = closed, anything less = untouched. */
  readonly mark: Uint32Array;
  /** Where each open cell sits in {@link heap}. */
  readonly position: Int32Array;
  /** The open list with decrease-key. */
  readonly heap: IndexedMinHeap;
  private gen = 0;

  constructor(readonly cellCount: number) {
    this.g = new Float64Array(cellCount);
    this.parent = new Int32Array(cellCount);
    this.mark = new Uint32Array(cellCount);
    this.position = new Int32Array(cellCount);
    this.heap = new IndexedMinHeap(this.position, 4096);
  }

  /** The current generation (the "discovered" mark; "closed" is one more). */
  get generation(): number {
    return this.gen;
  }

  /** Starts a new search: forgets every cell and empties the open list. */
  reset(): void {
    this.heap.clear();
    // Two marks per search; clear fully well before the 32-bit counter would wrap.
    if (this.gen >= 0xfffffff0) {
      this.mark.fill(0);
      this.gen = 0;
    }
    this.gen += 2;
  }
}

/**
 * Workspaces waiting to be reused, keyed by cell count. A plan takes one and gives it back, so plans
 * that run at the same time (they yield to the event loop) never share state.
 */
export class WorkspacePool {
  private readonly free = new Map<number, SearchWorkspace[]>();

  constructor(private readonly maxPerSize = 2) {}

  /** A workspace for `cellCount` cells, reset for a new search. */
  acquire(cellCount: number): SearchWorkspace {
    const workspace = this.free.get(cellCount)?.pop() ?? new SearchWorkspace(cellCount);
    workspace.reset();
    return workspace;
  }

  /** Gives `workspace` back; kept only while few of its size are waiting, and only for the latest size. */
  release(workspace: SearchWorkspace): void {
    for (const size of this.free.keys()) if (size !== workspace.cellCount) this.free.delete(size);
    let list = this.free.get(workspace.cellCount);
    if (list === undefined) {
      list = [];
      this.free.set(workspace.cellCount, list);
    }
    if (list.length < this.maxPerSize) list.push(workspace);
  }
}
