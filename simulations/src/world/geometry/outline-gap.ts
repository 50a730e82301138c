import type { Pose2D, Shape, Vec2, Wall, World } from '../world-types.js';
import { pointInPolygon } from './point-in-polygon.js';
import { distancePointToSegment } from './point-segment-distance.js';
import { placedVertices } from './shape-distance.js';
import { segmentsIntersect } from './segment-intersection.js';

/**
 * A shape placed in the world, as a chain of points grown by a radius: a circle is one point and
 * its radius, a box or polygon its closed outline with radius 0, a wall segment its two ends and
 * half its thickness. Gaps between any two such outlines take one computation.
 */
export interface PlacedOutline {
  /** Vertices in world coordinates (at least one). */
  readonly points: readonly Vec2[];
  /** True when the last point joins the first (a polygon's inside then belongs to it). */
  readonly closed: boolean;
  /** How far the shape reaches beyond its points (m). */
  readonly radius: number;
}

/** The outline of `shape` placed at `pose`. */
export function placedOutline(shape: Shape, pose: Pose2D): PlacedOutline {
  const vertices = placedVertices(shape, pose);
  if (vertices === undefined)
    return { points: [{ x: pose.x, y: pose.y }], closed: false, radius: shape.kind === 'circle' ? shape.radius : 0 };
  return { points: vertices, closed: true, radius: 0 };
}

/** A disc of `radius` around `centre` (a robot's clearance, a round footprint). */
export function discOutline(centre: Vec2, radius: number): PlacedOutline {
  return { points: [{ x: centre.x, y: centre.y }], closed: false, radius };
}

/** Each segment of a wall as an outline of its thickness. */
export function wallOutlines(wall: Wall): PlacedOutline[] {
  if (wall.points.length === 1) return [discOutline(wall.points[0] as Vec2, wall.thickness / 2)];
  const out: PlacedOutline[] = [];
  for (let i = 0; i + 1 < wall.points.length; i++)
    out.push({
      points: [wall.points[i] as Vec2, wall.points[i + 1] as Vec2],
      closed: false,
      radius: wall.thickness / 2,
    });
  return out;
}

function edges(outline: PlacedOutline): [Vec2, Vec2][] {
  const { points } = outline;
  if (points.length === 1) return [[points[0] as Vec2, points[0] as Vec2]];
  const out: [Vec2, Vec2][] = [];
  const count = outline.closed ? points.length : points.length - 1;
  for (let i = 0; i < count; i++) out.push([points[i] as Vec2, points[(i + 1) % points.length] as Vec2]);
  return out;
}

/** Distance between the point chains of two outlines, ignoring their radii (0 when they cross or one holds the other). */
function chainDistance(a: PlacedOutline, b: PlacedOutline): number {
  if (a.closed && b.points.some((p) => pointInPolygon(p, a.points))) return 0;
  if (b.closed && a.points.some((p) => pointInPolygon(p, b.points))) return 0;
  let best = Infinity;
  for (const [p1, p2] of edges(a)) {
    for (const [q1, q2] of edges(b)) {
      if (segmentsIntersect(p1, p2, q1, q2)) return 0;
      best = Math.min(
        best,
        distancePointToSegment(p1, q1, q2),
        distancePointToSegment(p2, q1, q2),
        distancePointToSegment(q1, p1, p2),
        distancePointToSegment(q2, p1, p2),
      );
    }
  }
  return best;
}

/**
 * Clear distance (m) between two placed outlines: positive when apart, 0 or less when they touch
 * or overlap.
 *
 * @example
 * outlineGap(discOutline({ x: 0, y: 0 }, 0.5), placedOutline({ kind: 'box', width: 1, height: 1 }, { x: 2, y: 0, theta: 0 })); // 1
 */
export function outlineGap(a: PlacedOutline, b: PlacedOutline): number {
  return chainDistance(a, b) - a.radius - b.radius;
}

/** True when the whole outline lies within the bounds. */
export function outlineInsideBounds(outline: PlacedOutline, bounds: World['bounds']): boolean {
  const r = outline.radius;
  return outline.points.every(
    (p) => p.x - r >= bounds.min.x && p.x + r <= bounds.max.x && p.y - r >= bounds.min.y && p.y + r <= bounds.max.y,
  );
}
