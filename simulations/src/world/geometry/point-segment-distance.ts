import type { Vec2 } from '../world-types.js';

/** The point of the closed segment `a–b` nearest to `p` (`a` itself when the segment has no length). */
export function closestPointOnSegment(p: Vec2, a: Vec2, b: Vec2): Vec2 {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return { x: a.x, y: a.y };
  const t = Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return { x: a.x + t * dx, y: a.y + t * dy };
}

/**
 * Distance (m) from `p` to the closed segment `a–b`.
 *
 * @example
 * distancePointToSegment({ x: 1, y: 1 }, { x: 0, y: 0 }, { x: 2, y: 0 }); // 1
 */
export function distancePointToSegment(p: Vec2, a: Vec2, b: Vec2): number {
  const closest = closestPointOnSegment(p, a, b);
  return Math.hypot(p.x - closest.x, p.y - closest.y);
}

/** Distance (m) from `p` to the nearest segment of the polyline `points` (an open chain; `Infinity` when empty). */
export function distancePointToPolyline(p: Vec2, points: readonly Vec2[]): number {
  if (points.length === 1 && points[0]) return Math.hypot(p.x - points[0].x, p.y - points[0].y);
  let best = Infinity;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a && b) best = Math.min(best, distancePointToSegment(p, a, b));
  }
  return best;
}
