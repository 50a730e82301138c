import earcut from 'earcut';
import type { Vec2 } from '../../world/world-types.js';
import { isConvex } from './shape-geometry.js';

/**
 * Splits a simple polygon into convex pieces that physics engines can collide: the polygon itself
 * when it is convex, otherwise the triangles of an ear-clipping triangulation (`earcut`).
 * Returns an empty list when the polygon cannot be triangulated.
 */
export function convexParts(points: readonly Vec2[]): Vec2[][] {
  if (isConvex(points)) return [[...points]];
  const flat = points.flatMap((p) => [p.x, p.y]);
  const indices = earcut(flat);
  const triangles: Vec2[][] = [];
  for (let i = 0; i + 2 < indices.length; i += 3) {
    triangles.push([points[indices[i]!]!, points[indices[i + 1]!]!, points[indices[i + 2]!]!]);
  }
  return triangles;
}
