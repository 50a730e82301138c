import type { Vec2 } from '../../world/world-types.js';
import { buildStaticGrid } from './static-grid.js';
import type { StaticGrid } from './static-grid.js';

/** Grid cell size for static geometry, metres: a few primitives per cell in indoor worlds. */
const CELL_SIZE = 0.5;

/** A moving group of primitives (a robot, an object) with one pose. */
interface DynamicBody {
  /** Rays cast with this exclusion key skip the body (a robot's own sensors skip its body and load). */
  excludeKey: number;
  x: number;
  y: number;
  theta: number;
  boundRadius: number;
  readonly localSegments: number[];
  readonly localCircles: number[];
  readonly segmentOwners: number[];
  readonly circleOwners: number[];
  worldSegments: Float64Array;
  worldCircles: Float64Array;
}

/**
 * Casts rays against a mirror of the scene's geometry in plain JavaScript: static primitives in a
 * uniform grid walked cell by cell, moving bodies tested by bounding circle first. Every call
 * reuses preallocated storage, so a scan allocates nothing per ray; it costs a fraction of a
 * physics-engine ray query, which has to cross into WebAssembly and allocate its result.
 *
 * Shapes are hollow outlines here: a ray that starts inside a shape hits its boundary on the way
 * out (the physics engine reports 0 for that case; sensors never start inside a shape in practice).
 */
export class SceneRayCaster {
  /** Entity index of the surface the last {@link cast} hit, or -1. */
  hitEntity = -1;

  #segments = new Float64Array(64);
  #segmentOwners: number[] = [];
  #segmentCount = 0;
  #circles = new Float64Array(48);
  #circleOwners: number[] = [];
  #circleCount = 0;
  #grid: StaticGrid | undefined;
  #segmentStamp = new Uint32Array(0);
  #circleStamp = new Uint32Array(0);
  #ray = 0;
  #finalized = false;

  readonly #bodies: DynamicBody[] = [];
  #candidates = new Int32Array(8);
  #candidateCount = 0;

  /** Adds a fixed closed polygon (its corners in the world frame) belonging to `entity`. */
  addStaticPolygon(entity: number, corners: readonly Vec2[]): void {
    this.#assertOpen();
    for (let i = 0; i < corners.length; i++) {
      const a = corners[i]!;
      const b = corners[(i + 1) % corners.length]!;
      if (this.#segments.length < 4 * (this.#segmentCount + 1)) this.#segments = grow(this.#segments);
      this.#segments.set([a.x, a.y, b.x, b.y], 4 * this.#segmentCount++);
      this.#segmentOwners.push(entity);
    }
  }

  /** Adds a fixed circle belonging to `entity`. */
  addStaticCircle(entity: number, x: number, y: number, radius: number): void {
    this.#assertOpen();
    if (this.#circles.length < 3 * (this.#circleCount + 1)) this.#circles = grow(this.#circles);
    this.#circles.set([x, y, radius], 3 * this.#circleCount++);
    this.#circleOwners.push(entity);
  }

  /** Indexes the static geometry; call once after the last `addStatic*`. */
  finalize(): void {
    this.#assertOpen();
    this.#grid = buildStaticGrid(this.#segments, this.#segmentCount, this.#circles, this.#circleCount, CELL_SIZE);
    this.#segmentStamp = new Uint32Array(this.#segmentCount);
    this.#circleStamp = new Uint32Array(this.#circleCount);
    this.#finalized = true;
  }

  #assertOpen(): void {
    if (this.#finalized) throw new Error('static geometry is already indexed');
  }

  /** Adds a moving body with no primitives yet; returns its index. */
  addBody(excludeKey: number): number {
    this.#bodies.push({
      excludeKey,
      x: 0,
      y: 0,
      theta: 0,
      boundRadius: 0,
      localSegments: [],
      localCircles: [],
      segmentOwners: [],
      circleOwners: [],
      worldSegments: new Float64Array(0),
      worldCircles: new Float64Array(0),
    });
    if (this.#candidates.length < this.#bodies.length) this.#candidates = new Int32Array(2 * this.#bodies.length);
    return this.#bodies.length - 1;
  }

  /** Adds a closed polygon (corners in the body frame) of `entity` to a moving body. */
  addBodyPolygon(body: number, entity: number, corners: readonly Vec2[]): void {
    const b = this.#body(body);
    for (let i = 0; i < corners.length; i++) {
      const p = corners[i]!;
      const q = corners[(i + 1) % corners.length]!;
      b.localSegments.push(p.x, p.y, q.x, q.y);
      b.segmentOwners.push(entity);
      b.boundRadius = Math.max(b.boundRadius, Math.hypot(p.x, p.y));
    }
    b.worldSegments = new Float64Array(b.localSegments.length);
    this.setBodyPose(body, b.x, b.y, b.theta);
  }

  /** Adds a circle (centre in the body frame) of `entity` to a moving body. */
  addBodyCircle(body: number, entity: number, x: number, y: number, radius: number): void {
    const b = this.#body(body);
    b.localCircles.push(x, y, radius);
    b.circleOwners.push(entity);
    b.boundRadius = Math.max(b.boundRadius, Math.hypot(x, y) + radius);
    b.worldCircles = new Float64Array(b.localCircles.length);
    this.setBodyPose(body, b.x, b.y, b.theta);
  }

  /** Changes which rays skip the body (see {@link addBody}). */
  setBodyExcludeKey(body: number, excludeKey: number): void {
    this.#body(body).excludeKey = excludeKey;
  }

  /** Moves a body to a world pose. */
  setBodyPose(body: number, x: number, y: number, theta: number): void {
    const b = this.#body(body);
    b.x = x;
    b.y = y;
    b.theta = theta;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    const ls = b.localSegments;
    const ws = b.worldSegments;
    for (let i = 0; i < ls.length; i += 2) {
      ws[i] = x + c * ls[i]! - s * ls[i + 1]!;
      ws[i + 1] = y + s * ls[i]! + c * ls[i + 1]!;
    }
    const lc = b.localCircles;
    const wc = b.worldCircles;
    for (let i = 0; i < lc.length; i += 3) {
      wc[i] = x + c * lc[i]! - s * lc[i + 1]!;
      wc[i + 1] = y + s * lc[i]! + c * lc[i + 1]!;
      wc[i + 2] = lc[i + 2]!;
    }
  }

  #body(index: number): DynamicBody {
    const b = this.#bodies[index];
    if (b === undefined) throw new RangeError(`no moving body ${index}`);
    return b;
  }

  /**
   * Selects the moving bodies rays from (`x`, `y`) up to `range` long may hit, skipping those with
   * `excludeKey`; the following {@link cast} calls test only these.
   */
  prepare(x: number, y: number, range: number, excludeKey: number): void {
    let count = 0;
    for (let i = 0; i < this.#bodies.length; i++) {
      const b = this.#bodies[i]!;
      if (b.excludeKey === excludeKey && excludeKey !== -1) continue;
      if (b.localSegments.length + b.localCircles.length === 0) continue;
      if (Math.hypot(b.x - x, b.y - y) - b.boundRadius > range) continue;
      this.#candidates[count++] = i;
    }
    this.#candidateCount = count;
  }

  /**
   * Distance along the ray from (`ox`, `oy`) in unit direction (`dx`, `dy`) to the nearest surface
   * farther than `tMin` and nearer than `tMax`, or `Infinity`; sets {@link hitEntity}.
   * Moving bodies are those chosen by the last {@link prepare}.
   */
  cast(ox: number, oy: number, dx: number, dy: number, tMin: number, tMax: number): number {
    let best = tMax;
    let hit = -1;
    for (let k = 0; k < this.#candidateCount; k++) {
      const b = this.#bodies[this.#candidates[k]!]!;
      const fx = b.x - ox;
      const fy = b.y - oy;
      const along = fx * dx + fy * dy;
      const r = b.boundRadius;
      if (along + r <= tMin || along - r >= best || fx * fx + fy * fy - along * along > r * r) continue;
      const ws = b.worldSegments;
      for (let i = 0, n = ws.length; i < n; i += 4) {
        const t = segmentHit(ox, oy, dx, dy, ws[i]!, ws[i + 1]!, ws[i + 2]!, ws[i + 3]!, tMin, best);
        if (t < best) {
          best = t;
          hit = b.segmentOwners[i >> 2]!;
        }
      }
      const wc = b.worldCircles;
      for (let i = 0, n = wc.length; i < n; i += 3) {
        const t = circleHit(ox, oy, dx, dy, wc[i]!, wc[i + 1]!, wc[i + 2]!, tMin, best);
        if (t < best) {
          best = t;
          hit = b.circleOwners[i / 3]!;
        }
      }
    }
    const grid = this.#grid;
    if (grid !== undefined) {
      const staticHit = this.#castStatic(grid, ox, oy, dx, dy, tMin, best);
      if (staticHit < best) {
        best = staticHit;
        hit = this.hitEntity;
      }
    }
    this.hitEntity = hit;
    return hit === -1 ? Infinity : best;
  }

  /** Walks the grid cells along the ray (Amanatides–Woo); sets hitEntity when it returns < best. */
  #castStatic(grid: StaticGrid, ox: number, oy: number, dx: number, dy: number, tMin: number, limit: number): number {
    // Clip the ray to the grid's box.
    let tEnter = Math.max(tMin, 0);
    let tExit = limit;
    if (dx !== 0) {
      const t1 = (grid.minX - ox) / dx;
      const t2 = (grid.maxX - ox) / dx;
      tEnter = Math.max(tEnter, Math.min(t1, t2));
      tExit = Math.min(tExit, Math.max(t1, t2));
    } else if (ox < grid.minX || ox > grid.maxX) return Infinity;
    if (dy !== 0) {
      const t1 = (grid.minY - oy) / dy;
      const t2 = (grid.maxY - oy) / dy;
      tEnter = Math.max(tEnter, Math.min(t1, t2));
      tExit = Math.min(tExit, Math.max(t1, t2));
    } else if (oy < grid.minY || oy > grid.maxY) return Infinity;
    if (tEnter > tExit) return Infinity;

    if (++this.#ray === 0xffffffff) {
      this.#segmentStamp.fill(0);
      this.#circleStamp.fill(0);
      this.#ray = 1;
    }
    const stamp = this.#ray;
    const size = grid.cellSize;
    const px = ox + dx * tEnter;
    const py = oy + dy * tEnter;
    let ix = Math.min(grid.columns - 1, Math.max(0, Math.floor((px - grid.minX) / size)));
    let iy = Math.min(grid.rows - 1, Math.max(0, Math.floor((py - grid.minY) / size)));
    const stepX = dx > 0 ? 1 : dx < 0 ? -1 : 0;
    const stepY = dy > 0 ? 1 : dy < 0 ? -1 : 0;
    const deltaX = dx !== 0 ? size / Math.abs(dx) : Infinity;
    const deltaY = dy !== 0 ? size / Math.abs(dy) : Infinity;
    let nextX =
      dx > 0 ? (grid.minX + (ix + 1) * size - ox) / dx : dx < 0 ? (grid.minX + ix * size - ox) / dx : Infinity;
    let nextY =
      dy > 0 ? (grid.minY + (iy + 1) * size - oy) / dy : dy < 0 ? (grid.minY + iy * size - oy) / dy : Infinity;

    const segments = this.#segments;
    const circles = this.#circles;
    let best = limit;
    let hit = -1;
    for (;;) {
      const cell = iy * grid.columns + ix;
      for (let k = grid.start[cell]!, end = grid.start[cell + 1]!; k < end; k++) {
        const item = grid.items[k]!;
        if (item >= 0) {
          if (this.#segmentStamp[item] === stamp) continue;
          this.#segmentStamp[item] = stamp;
          const o = 4 * item;
          const t = segmentHit(
            ox,
            oy,
            dx,
            dy,
            segments[o]!,
            segments[o + 1]!,
            segments[o + 2]!,
            segments[o + 3]!,
            tMin,
            best,
          );
          if (t < best) {
            best = t;
            hit = this.#segmentOwners[item]!;
          }
        } else {
          const j = -item - 1;
          if (this.#circleStamp[j] === stamp) continue;
          this.#circleStamp[j] = stamp;
          const t = circleHit(ox, oy, dx, dy, circles[3 * j]!, circles[3 * j + 1]!, circles[3 * j + 2]!, tMin, best);
          if (t < best) {
            best = t;
            hit = this.#circleOwners[j]!;
          }
        }
      }
      const tNext = Math.min(nextX, nextY);
      if (tNext >= best || tNext > tExit) break;
      if (nextX < nextY) {
        ix += stepX;
        if (ix < 0 || ix >= grid.columns) break;
        nextX += deltaX;
      } else {
        iy += stepY;
        if (iy < 0 || iy >= grid.rows) break;
        nextY += deltaY;
      }
    }
    if (hit === -1) return Infinity;
    this.hitEntity = hit;
    return best;
  }
}

/** Ray parameter of the crossing with segment a–b when it lies in (tMin, best), else Infinity. */
function segmentHit(
  ox: number,
  oy: number,
  dx: number,
  dy: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  tMin: number,
  best: number,
): number {
  const ex = bx - ax;
  const ey = by - ay;
  const denom = dx * ey - dy * ex;
  if (denom === 0) return Infinity;
  const wx = ax - ox;
  const wy = ay - oy;
  const t = (wx * ey - wy * ex) / denom;
  if (t <= tMin || t >= best) return Infinity;
  const s = (wx * dy - wy * dx) / denom;
  return s >= 0 && s <= 1 ? t : Infinity;
}

/** Ray parameter of the first crossing with the circle in (tMin, best), else Infinity. */
function circleHit(
  ox: number,
  oy: number,
  dx: number,
  dy: number,
  cx: number,
  cy: number,
  r: number,
  tMin: number,
  best: number,
): number {
  const fx = ox - cx;
  const fy = oy - cy;
  const b = fx * dx + fy * dy;
  const disc = b * b - (fx * fx + fy * fy - r * r);
  if (disc < 0) return Infinity;
  const root = Math.sqrt(disc);
  const near = -b - root;
  const t = near > tMin ? near : -b + root;
  return t > tMin && t < best ? t : Infinity;
}

function grow(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
