import type { Pose2D, Shape, Vec2 } from '../world-types.js';
import { pointInPolygon } from './point-in-polygon.js';
import { distancePointToSegment } from './point-segment-distance.js';
import { toLocalFrame, toWorldFrame } from './pose-transform.js';

/**
 * The outline of a box or polygon shape, in its own frame: a box's four corners counter-clockwise
 * (`width` along x, `height` along y), a polygon's points. A circle has no vertices: `undefined`.
 */
export function shapeVertices(shape: Shape): readonly Vec2[] | undefined {
  switch (shape.kind) {
    case 'box': {
      const w = shape.width / 2;
      const h = shape.height / 2;
      return [
        { x: -w, y: -h },
        { x: w, y: -h },
        { x: w, y: h },
        { x: -w, y: h },
      ];
    }
    case 'polygon':
      return shape.points;
    case 'circle':
      return undefined;
  }
}

/** The outline of a box or polygon placed at `pose`, in world coordinates (`undefined` for a circle). */
export function placedVertices(shape: Shape, pose: Pose2D): readonly Vec2[] | undefined {
  return shapeVertices(shape)?.map((v) => toWorldFrame(v, pose));
}

/**
 * Distance (m) from the world point `p` to the shape placed at `pose`: 0 when `p` is inside or on it.
 *
 * @example
 * distancePointToShape({ x: 2, y: 0 }, { kind: 'circle', radius: 0.5 }, { x: 0, y: 0, theta: 0 }); // 1.5
 */
export function distancePointToShape(p: Vec2, shape: Shape, pose: Pose2D): number {
  const local = toLocalFrame(p, pose);
  if (shape.kind === 'circle') return Math.max(0, Math.hypot(local.x, local.y) - shape.radius);
  if (shape.kind === 'box') {
    const dx = Math.max(0, Math.abs(local.x) - shape.width / 2);
    const dy = Math.max(0, Math.abs(local.y) - shape.height / 2);
    return Math.hypot(dx, dy);
  }
  const points = shape.points;
  if (pointInPolygon(local, points)) return 0;
  let best = Infinity;
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    if (a && b) best = Math.min(best, distancePointToSegment(local, a, b));
  }
  return best;
}
