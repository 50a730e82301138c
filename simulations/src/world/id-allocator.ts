/**
 * Hands out ids for entities written without one: `<base>_<n>`, numbered from 1 per base,
 * never one of the ids written in the file.
 */
export class IdAllocator {
  private readonly taken: Set<string>;
  private readonly counters = new Map<string, number>();

  /** @param written ids the file gives explicitly; generated ids avoid them. */
  constructor(written: Iterable<string>) {
    this.taken = new Set(written);
  }

  /** The next free id for `base` (a label such as `desk` or `red_box`; made id-safe first). */
  next(base: string): string {
    const safe = idSafe(base);
    let n = this.counters.get(safe) ?? 0;
    let id: string;
    do {
      n += 1;
      id = `${safe}_${n}`;
    } while (this.taken.has(id));
    this.counters.set(safe, n);
    this.taken.add(id);
    return id;
  }
}

/** Lower-case letters, digits and `_`, not starting with a digit (`Big Shelf` → `big_shelf`). */
function idSafe(base: string): string {
  const cleaned = base
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (cleaned === '') return 'item';
  return /^[0-9]/.test(cleaned) ? `item_${cleaned}` : cleaned;
}
