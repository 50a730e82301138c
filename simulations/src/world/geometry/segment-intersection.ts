import type { Vec2 } from '../world-types.js';

/** Cross products smaller than this (m²) count as zero: points that close to a line are on it. */
const COLLINEAR_EPSILON = 1e-12;

/**
 * Which side of the directed line `a → b` the point `c` lies on: `1` to the left (counter-clockwise),
 * `-1` to the right, `0` on the line.
 */
export function orientation(a: Vec2, b: Vec2, c: Vec2): -1 | 0 | 1 {
  const cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  if (Math.abs(cross) <= COLLINEAR_EPSILON) return 0;
  return cross > 0 ? 1 : -1;
}

/** True when `p`, known to be on the line through `a` and `b`, lies within the segment's bounding box. */
function withinSegmentBox(a: Vec2, b: Vec2, p: Vec2): boolean {
  return (
    Math.min(a.x, b.x) - COLLINEAR_EPSILON <= p.x &&
    p.x <= Math.max(a.x, b.x) + COLLINEAR_EPSILON &&
    Math.min(a.y, b.y) - COLLINEAR_EPSILON <= p.y &&
    p.y <= Math.max(a.y, b.y) + COLLINEAR_EPSILON
  );
}

/**
 * True when the closed segments `p1–p2` and `q1–q2` share at least one point: they cross, one ends
 * on the other, or they overlap along a common line.
 *
 * @example
 * segmentsIntersect({ x: 0, y: 0 }, { x: 2, y: 2 }, { x: 0, y: 2 }, { x: 2, y: 0 }); // true (cross at 1, 1)
 */
export function segmentsIntersect(p1: Vec2, p2: Vec2, q1: Vec2, q2: Vec2): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return true;
  return (
    (o1 === 0 && withinSegmentBox(p1, p2, q1)) ||
    (o2 === 0 && withinSegmentBox(p1, p2, q2)) ||
    (o3 === 0 && withinSegmentBox(q1, q2, p1)) ||
    (o4 === 0 && withinSegmentBox(q1, q2, p2))
  );
}

/**
 * A point the closed segments `p1–p2` and `q1–q2` share, or `undefined` when they do not meet.
 * Where they overlap along a line, the returned point is one end of the overlap.
 */
export function segmentIntersection(p1: Vec2, p2: Vec2, q1: Vec2, q2: Vec2): Vec2 | undefined {
  if (!segmentsIntersect(p1, p2, q1, q2)) return undefined;
  const rx = p2.x - p1.x;
  const ry = p2.y - p1.y;
  const sx = q2.x - q1.x;
  const sy = q2.y - q1.y;
  const denominator = rx * sy - ry * sx;
  if (Math.abs(denominator) > COLLINEAR_EPSILON) {
    const t = ((q1.x - p1.x) * sy - (q1.y - p1.y) * sx) / denominator;
    const clamped = Math.min(1, Math.max(0, t));
    return { x: p1.x + clamped * rx, y: p1.y + clamped * ry };
  }
  // Parallel and touching: some end point lies on the other segment.
  for (const [point, a, b] of [
    [q1, p1, p2],
    [q2, p1, p2],
    [p1, q1, q2],
    [p2, q1, q2],
  ] as const) {
    if (orientation(a, b, point) === 0 && withinSegmentBox(a, b, point)) return { x: point.x, y: point.y };
  }
  return undefined;
}
