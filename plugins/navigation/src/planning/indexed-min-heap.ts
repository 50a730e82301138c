/**
 * A binary min-heap of cells keyed by cost, with decrease-key: each cell's place in the heap is kept in
 * `position`, so an improved cell moves up instead of being pushed again. The heap therefore never
 * holds more entries than open cells, and no stale entry is ever popped. All storage is typed arrays.
 */
export class IndexedMinHeap {
  private keys: Float64Array;
  private cells: Int32Array;
  private count = 0;

  /**
   * @param position where each cell sits in the heap; a cell's entry is meaningful only while the
   *   caller knows the cell to be in the heap (the searches track that with their marks).
   */
  constructor(
    private readonly position: Int32Array,
    initialCapacity = 1024,
  ) {
    const capacity = Math.max(16, initialCapacity | 0);
    this.keys = new Float64Array(capacity);
    this.cells = new Int32Array(capacity);
  }

  /** Number of entries. */
  get size(): number {
    return this.count;
  }

  /** Removes every entry, keeping the storage. */
  clear(): void {
    this.count = 0;
  }

  /** The smallest key, or `Infinity` when empty. */
  peekKey(): number {
    return this.count > 0 ? this.keys[0]! : Number.POSITIVE_INFINITY;
  }

  /** Adds `cell`, which must not be in the heap, with priority `key`. */
  push(key: number, cell: number): void {
    if (this.count === this.keys.length) this.grow();
    this.siftUp(this.count++, key, cell);
  }

  /** Lowers the key of `cell`, which must be in the heap, to `key`. */
  decrease(key: number, cell: number): void {
    this.siftUp(this.position[cell]!, key, cell);
  }

  /** Removes the cell with the smallest key and returns it; -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const keys = this.keys;
    const cells = this.cells;
    const position = this.position;
    const top = cells[0]!;
    const last = --this.count;
    if (last > 0) {
      const key = keys[last]!;
      const cell = cells[last]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        const right = child + 1;
        if (right < last && keys[right]! < keys[child]!) child = right;
        const childKey = keys[child]!;
        if (childKey >= key) break;
        keys[i] = childKey;
        const moved = cells[child]!;
        cells[i] = moved;
        position[moved] = i;
        i = child;
      }
      keys[i] = key;
      cells[i] = cell;
      position[cell] = i;
    }
    return top;
  }

  private siftUp(from: number, key: number, cell: number): void {
    const keys = this.keys;
    const cells = this.cells;
    const position = this.position;
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey <= key) break;
      keys[i] = parentKey;
      const moved = cells[parent]!;
      cells[i] = moved;
      position[moved] = i;
      i = parent;
    }
    keys[i] = key;
    cells[i] = cell;
    position[cell] = i;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const cells = new Int32Array(this.cells.length * 2);
    cells.set(this.cells);
    this.keys = keys;
    this.cells = cells;
  }
}
