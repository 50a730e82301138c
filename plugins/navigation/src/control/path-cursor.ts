import type { Pose2D } from '../grid/grid-types.js';

/** Where the robot projects onto the path: segment `index` → `index + 1`, at fraction `t`. */
export interface PathProjection {
  readonly index: number;
  readonly t: number;
  readonly x: number;
  readonly y: number;
  /** Distance from the robot to the projected point. */
  readonly distance: number;
  /** Path length from the start to the projected point. */
  readonly along: number;
}

/**
 * Tracks a robot's progress along one path: the closest point is searched forward from the last
 * one only (within a window), so a path that loops back near itself is not short-cut, and the
 * cost per step does not grow with the path's length. Give it a new path (by identity) and it
 * starts over.
 */
export class PathCursor {
  private path: readonly Pose2D[] = [];
  private cumulative = new Float64Array(0);
  private hint = 0;
  private fresh = true;

  /** @param searchDistance path length (m) searched forward from the last projection. */
  constructor(private readonly searchDistance: number) {}

  /** The path being tracked. */
  get poses(): readonly Pose2D[] {
    return this.path;
  }

  /** Total length of the path (m). */
  get length(): number {
    return this.cumulative.length === 0 ? 0 : this.cumulative[this.cumulative.length - 1]!;
  }

  /** Starts over on `path` unless it is the one already tracked. */
  setPath(path: readonly Pose2D[]): void {
    if (path === this.path) return;
    this.path = path;
    if (this.cumulative.length < path.length) this.cumulative = new Float64Array(Math.max(path.length, 16));
    let sum = 0;
    for (let i = 0; i < path.length; i++) {
      if (i > 0) sum += Math.hypot(path[i]!.x - path[i - 1]!.x, path[i]!.y - path[i - 1]!.y);
      this.cumulative[i] = sum;
    }
    this.cumulative = this.cumulative.subarray(0, path.length);
    this.reset();
  }

  /** Forgets progress: the next projection searches the whole path. */
  reset(): void {
    this.hint = 0;
    this.fresh = true;
  }

  /** Projects (x, y) onto the path and remembers the result as the start of the next search. */
  project(x: number, y: number): PathProjection {
    const path = this.path;
    const n = path.length;
    if (n === 1) {
      const p = path[0]!;
      return { index: 0, t: 0, x: p.x, y: p.y, distance: Math.hypot(x - p.x, y - p.y), along: 0 };
    }
    const limit = this.fresh ? Number.POSITIVE_INFINITY : this.cumulative[this.hint]! + this.searchDistance;
    let best = { index: this.hint, t: 0, x: path[this.hint]!.x, y: path[this.hint]!.y, d2: Number.POSITIVE_INFINITY };
    for (let i = this.hint; i < n - 1 && this.cumulative[i]! <= limit; i++) {
      const a = path[i]!;
      const b = path[i + 1]!;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - a.x) * dx + (y - a.y) * dy) / len2));
      const px = a.x + t * dx;
      const py = a.y + t * dy;
      const d2 = (x - px) * (x - px) + (y - py) * (y - py);
      if (d2 < best.d2) best = { index: i, t, x: px, y: py, d2 };
    }
    this.hint = best.index;
    this.fresh = false;
    const along =
      this.cumulative[best.index]! + best.t * (this.cumulative[best.index + 1]! - this.cumulative[best.index]!);
    return { index: best.index, t: best.t, x: best.x, y: best.y, distance: Math.sqrt(best.d2), along };
  }

  /** The point `distance` metres along the path from its start (clamped to the ends), with the segment heading. */
  pointAt(distance: number): { x: number; y: number; theta: number; index: number } {
    const path = this.path;
    const n = path.length;
    if (n === 1 || distance <= 0) {
      const p = path[0]!;
      const q = path[Math.min(1, n - 1)]!;
      return { x: p.x, y: p.y, theta: n === 1 ? p.theta : Math.atan2(q.y - p.y, q.x - p.x), index: 0 };
    }
    if (distance >= this.length) return this.endPoint();
    let i = this.hint;
    while (i > 0 && this.cumulative[i]! > distance) i--;
    while (i < n - 2 && this.cumulative[i + 1]! < distance) i++;
    const a = path[i]!;
    const b = path[i + 1]!;
    const seg = this.cumulative[i + 1]! - this.cumulative[i]!;
    const t = seg === 0 ? 0 : (distance - this.cumulative[i]!) / seg;
    return { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y), theta: Math.atan2(b.y - a.y, b.x - a.x), index: i };
  }

  /** The last pose of the path. */
  endPoint(): { x: number; y: number; theta: number; index: number } {
    const end = this.path[this.path.length - 1]!;
    return { x: end.x, y: end.y, theta: end.theta, index: this.path.length - 1 };
  }

  /**
   * The carrot: the first point, from segment `fromIndex` on, where the path leaves the circle of
   * radius `radius` around (x, y), found by intersecting the circle with that segment (so the
   * carrot moves smoothly rather than jumping from pose to pose). When that segment misses the circle
   * (the robot is further than `radius` from the path) its far end; the path's end when it never leaves.
   */
  circleExit(x: number, y: number, radius: number, fromIndex: number): { x: number; y: number; index: number } {
    const path = this.path;
    const r2 = radius * radius;
    for (let i = fromIndex; i < path.length - 1; i++) {
      const b = path[i + 1]!;
      const bx = b.x - x;
      const by = b.y - y;
      if (bx * bx + by * by < r2) continue;
      const a = path[i]!;
      const ax = a.x - x;
      const ay = a.y - y;
      // Solve |a + s (b - a)| = r for the largest s in [0, 1]: b lies outside, so one root is there.
      const dx = bx - ax;
      const dy = by - ay;
      const qa = dx * dx + dy * dy;
      const qb = 2 * (ax * dx + ay * dy);
      const qc = ax * ax + ay * ay - r2;
      const disc = qb * qb - 4 * qa * qc;
      const s = qa === 0 || disc < 0 ? Number.NaN : (-qb + Math.sqrt(disc)) / (2 * qa);
      // The segment misses the circle (the robot is far off the path): aim at its far end instead.
      if (!(s >= 0 && s <= 1)) return { x: b.x, y: b.y, index: i };
      return { x: a.x + s * dx, y: a.y + s * dy, index: i };
    }
    const end = path[path.length - 1]!;
    return { x: end.x, y: end.y, index: path.length - 1 };
  }
}
