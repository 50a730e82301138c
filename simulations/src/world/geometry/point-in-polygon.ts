import type { Vec2 } from '../world-types.js';
import { distancePointToSegment } from './point-segment-distance.js';

/** Points this close (m) to an edge count as on the boundary. */
const BOUNDARY_EPSILON = 1e-9;

/**
 * True when `p` lies inside the simple polygon `polygon` (vertices in order, either winding, closed
 * implicitly from the last vertex back to the first) or on its boundary.
 *
 * @example
 * pointInPolygon({ x: 1, y: 1 }, [{ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 2, y: 2 }, { x: 0, y: 2 }]); // true
 */
export function pointInPolygon(p: Vec2, polygon: readonly Vec2[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (!a || !b) continue;
    if (distancePointToSegment(p, a, b) <= BOUNDARY_EPSILON) return true;
    // Even-odd rule: count the edges a ray towards +x crosses.
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
