import type { Vec2 } from '../world-types.js';
import { orientation, segmentIntersection } from './segment-intersection.js';

/** Edges shorter than this (m) make a polygon degenerate. */
export const MIN_POLYGON_EDGE = 1e-3;
/** Polygons enclosing less than this (m²) enclose nothing a robot could hit. */
export const MIN_POLYGON_AREA = 1e-6;

/** Signed area (m²) of a polygon closed implicitly: positive when its vertices run counter-clockwise. */
export function polygonSignedArea(points: readonly Vec2[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    if (a && b) twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

/** Why a polygon is not simple, and which vertices (indexes into its points) are concerned. */
export type PolygonProblem =
  | { readonly kind: 'too-few-points'; readonly count: number }
  | { readonly kind: 'short-edge'; readonly from: number; readonly to: number; readonly length: number }
  | { readonly kind: 'no-area'; readonly area: number }
  | { readonly kind: 'self-intersection'; readonly edgeA: number; readonly edgeB: number; readonly at: Vec2 };

/**
 * Checks that `points` form a simple polygon (closed implicitly from the last point to the first):
 * at least 3 points, no edge shorter than {@link MIN_POLYGON_EDGE}, not all on one line, no two
 * edges meeting anywhere but at their shared vertex, and an area of at least {@link MIN_POLYGON_AREA}.
 * Returns the first problem found, or `undefined` when the polygon is simple.
 * Edge `i` runs from point `i` to point `i + 1` (the last edge back to point 0).
 */
export function findPolygonProblem(points: readonly Vec2[]): PolygonProblem | undefined {
  const n = points.length;
  if (n < 3) return { kind: 'too-few-points', count: n };
  for (let i = 0; i < n; i++) {
    const a = points[i] as Vec2;
    const b = points[(i + 1) % n] as Vec2;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length < MIN_POLYGON_EDGE) return { kind: 'short-edge', from: i, to: (i + 1) % n, length };
  }
  const first = points[0] as Vec2;
  const second = points[1] as Vec2;
  if (points.every((p) => orientation(first, second, p) === 0)) return { kind: 'no-area', area: 0 };
  const edge = (i: number): readonly [Vec2, Vec2] => [points[i] as Vec2, points[(i + 1) % n] as Vec2];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [p1, p2] = edge(i);
      const [q1, q2] = edge(j);
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) {
        // Neighbours share a vertex by construction; they only go wrong by folding back onto each other.
        const shared = j === i + 1 ? p2 : p1;
        const otherA = j === i + 1 ? p1 : p2;
        const otherB = j === i + 1 ? q2 : q1;
        const foldsBack =
          orientation(otherA, shared, otherB) === 0 &&
          (otherA.x - shared.x) * (otherB.x - shared.x) + (otherA.y - shared.y) * (otherB.y - shared.y) > 0;
        if (foldsBack) return { kind: 'self-intersection', edgeA: i, edgeB: j, at: shared };
        continue;
      }
      const at = segmentIntersection(p1, p2, q1, q2);
      if (at) return { kind: 'self-intersection', edgeA: i, edgeB: j, at };
    }
  }
  // Checked last: a symmetric bow tie also has no net area, but 'crosses itself' is the better account of it.
  const area = polygonSignedArea(points);
  if (Math.abs(area) < MIN_POLYGON_AREA) return { kind: 'no-area', area };
  return undefined;
}

/** The same polygon with its vertices running counter-clockwise (REP-103: positive rotation). */
export function counterClockwise(points: readonly Vec2[]): readonly Vec2[] {
  return polygonSignedArea(points) < 0 ? [...points].reverse() : points;
}
