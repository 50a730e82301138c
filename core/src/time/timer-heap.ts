/** One pending timer of a virtual clock. */
export interface HeapTimer {
  /** Due time in clock milliseconds. */
  due: number;
  /** Insertion order, so timers due at the same time fire in creation order. */
  seq: number;
  /** Period for repeating timers, 0 for one-shot ones. */
  readonly period: number;
  readonly callback: () => void;
  cancelled: boolean;
  /** True while the timer sits in a heap. */
  queued: boolean;
  /** Catch-up bookkeeping: which advance last fired this timer and how often. */
  advanceId: number;
  firesInAdvance: number;
}

function before(a: HeapTimer, b: HeapTimer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/**
 * Binary min-heap of timers ordered by (due, seq). Cancelled timers are removed lazily and the
 * heap is compacted when they make up most of it, so cancel-heavy use (call timeouts) stays bounded.
 */
export class TimerHeap {
  private items: HeapTimer[] = [];
  private cancelledCount = 0;

  /** Number of entries, cancelled ones included. */
  get size(): number {
    return this.items.length;
  }

  /** Number of live (not cancelled) timers. */
  get liveCount(): number {
    return this.items.length - this.cancelledCount;
  }

  /** Adds a timer. */
  push(timer: HeapTimer): void {
    const items = this.items;
    timer.queued = true;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(timer, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = timer;
  }

  /** The earliest live timer, dropping cancelled ones from the top. */
  peek(): HeapTimer | undefined {
    while (this.items.length > 0 && this.items[0]!.cancelled) {
      this.removeTop();
      this.cancelledCount--;
    }
    return this.items[0];
  }

  /** Removes and returns the earliest live timer. */
  pop(): HeapTimer | undefined {
    const top = this.peek();
    if (top) this.removeTop();
    return top;
  }

  /** Records that `timer` was cancelled; compacts when garbage dominates the heap. */
  noteCancelled(timer: HeapTimer): void {
    if (!timer.queued) return;
    this.cancelledCount++;
    if (this.cancelledCount > 64 && this.cancelledCount * 2 > this.items.length) {
      this.rebuild(this.items.filter((t) => !t.cancelled));
    }
  }

  /** All live timers, in no particular order. */
  live(): HeapTimer[] {
    return this.items.filter((t) => !t.cancelled);
  }

  /** Replaces the content with `timers` (after their due times were changed). */
  rebuild(timers: HeapTimer[]): void {
    for (const t of this.items) t.queued = false;
    this.items = [];
    this.cancelledCount = 0;
    for (const t of timers) this.push(t);
  }

  private removeTop(): void {
    const items = this.items;
    items[0]!.queued = false;
    const last = items.pop()!;
    if (items.length === 0) return;
    let i = 0;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(items[r]!, items[l]!) ? r : l;
      if (!before(items[c]!, last)) break;
      items[i] = items[c]!;
      i = c;
    }
    items[i] = last;
  }
}
