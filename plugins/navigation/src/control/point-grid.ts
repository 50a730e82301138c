/**
 * A bucket grid of 2D points around a centre, rebuilt each control step from the latest scan so
 * that "how close is the nearest point to here" costs a few buckets instead of the whole scan.
 * Storage is reused between rebuilds (no allocation at steady state).
 */
export class PointGrid {
  private xs = new Float64Array(512);
  private ys = new Float64Array(512);
  private cellStart = new Int32Array(0);
  private cellFill = new Int32Array(0);
  private cellOf = new Int32Array(512);
  private count = 0;
  private cols = 0;
  private minX = 0;
  private minY = 0;
  private cell = 1;

  /** Points kept by the last rebuild. */
  get size(): number {
    return this.count;
  }

  /**
   * Keeps the points within `range` of (`cx`, `cy`) (the rest cannot matter this step) and buckets
   * them in square cells of side `cellSize`.
   */
  rebuild(points: readonly { x: number; y: number }[], cx: number, cy: number, range: number, cellSize: number): void {
    this.cell = cellSize;
    this.cols = Math.max(1, Math.ceil((2 * range) / cellSize));
    this.minX = cx - range;
    this.minY = cy - range;
    const cells = this.cols * this.cols;
    if (this.cellStart.length < cells + 1) {
      this.cellStart = new Int32Array(cells + 1);
      this.cellFill = new Int32Array(cells + 1);
    }
    if (this.cellOf.length < points.length) {
      const cap = Math.max(points.length, this.cellOf.length * 2);
      this.cellOf = new Int32Array(cap);
      this.xs = new Float64Array(cap);
      this.ys = new Float64Array(cap);
    }
    this.cellStart.fill(0, 0, cells + 1);
    const r2 = range * range;
    let kept = 0;
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      const dx = p.x - cx;
      const dy = p.y - cy;
      if (!(dx * dx + dy * dy <= r2)) {
        this.cellOf[i] = -1;
        continue;
      }
      const col = Math.min(this.cols - 1, Math.max(0, Math.floor((p.x - this.minX) / cellSize)));
      const row = Math.min(this.cols - 1, Math.max(0, Math.floor((p.y - this.minY) / cellSize)));
      const c = row * this.cols + col;
      this.cellOf[i] = c;
      this.cellStart[c + 1]!++;
      kept++;
    }
    for (let c = 0; c < cells; c++) this.cellStart[c + 1]! += this.cellStart[c]!;
    this.cellFill.set(this.cellStart.subarray(0, cells));
    for (let i = 0; i < points.length; i++) {
      const c = this.cellOf[i]!;
      if (c < 0) continue;
      const slot = this.cellFill[c]!++;
      this.xs[slot] = points[i]!.x;
      this.ys[slot] = points[i]!.y;
    }
    this.count = kept;
  }

  /**
   * Distance from (x, y) to the nearest kept point, or Infinity when none lies within `maxDistance`.
   * Points outside the rebuild range are not seen.
   */
  nearest(x: number, y: number, maxDistance: number): number {
    if (this.count === 0) return Number.POSITIVE_INFINITY;
    const span = Math.ceil(maxDistance / this.cell);
    const col = Math.floor((x - this.minX) / this.cell);
    const row = Math.floor((y - this.minY) / this.cell);
    const c0 = Math.max(0, col - span);
    const c1 = Math.min(this.cols - 1, col + span);
    const r0 = Math.max(0, row - span);
    const r1 = Math.min(this.cols - 1, row + span);
    let best = maxDistance * maxDistance;
    let found = false;
    for (let r = r0; r <= r1; r++) {
      const base = r * this.cols;
      for (let c = c0; c <= c1; c++) {
        const end = this.cellStart[base + c + 1]!;
        for (let k = this.cellStart[base + c]!; k < end; k++) {
          const dx = this.xs[k]! - x;
          const dy = this.ys[k]! - y;
          const d2 = dx * dx + dy * dy;
          if (d2 <= best) {
            best = d2;
            found = true;
          }
        }
      }
    }
    return found ? Math.sqrt(best) : Number.POSITIVE_INFINITY;
  }
}
