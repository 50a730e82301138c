import type { Pose2D, Shape, Vec2, Wall } from '../../world/world-types.js';
import { SimulationError, SimulationErrorCode } from '../simulation-error.js';

/** A rectangle standing for one wall segment: centre, heading of its long side, half sizes. */
export interface WallBlock {
  readonly x: number;
  readonly y: number;
  readonly angle: number;
  readonly halfLength: number;
  readonly halfThickness: number;
}

/**
 * The blocks of a wall polyline. Each segment becomes a rectangle `thickness` wide, lengthened by
 * half the thickness at both ends so that the corners of a polyline are closed.
 */
export function wallBlocks(wall: Wall): WallBlock[] {
  const blocks: WallBlock[] = [];
  for (let i = 0; i + 1 < wall.points.length; i++) {
    const a = wall.points[i]!;
    const b = wall.points[i + 1]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length === 0) continue;
    blocks.push({
      x: (a.x + b.x) / 2,
      y: (a.y + b.y) / 2,
      angle: Math.atan2(b.y - a.y, b.x - a.x),
      halfLength: length / 2 + wall.thickness / 2,
      halfThickness: wall.thickness / 2,
    });
  }
  return blocks;
}

/** The corners of a wall block, counter-clockwise, in the world frame. */
export function wallBlockCorners(block: WallBlock): Vec2[] {
  return transformPoints(boxCorners(2 * block.halfLength, 2 * block.halfThickness), {
    x: block.x,
    y: block.y,
    theta: block.angle,
  });
}

/** Corners of a `width` (along x) × `height` (along y) box centred on the origin, counter-clockwise. */
export function boxCorners(width: number, height: number): Vec2[] {
  const hx = width / 2;
  const hy = height / 2;
  return [
    { x: -hx, y: -hy },
    { x: hx, y: -hy },
    { x: hx, y: hy },
    { x: -hx, y: hy },
  ];
}

/** The outline of a box or polygon in its own frame (counter-clockwise); undefined for a circle. */
export function shapeOutline(shape: Shape): Vec2[] | undefined {
  switch (shape.kind) {
    case 'box':
      return boxCorners(shape.width, shape.height);
    case 'circle':
      return undefined;
    case 'polygon':
      return signedArea(shape.points) < 0 ? [...shape.points].reverse() : [...shape.points];
  }
}

/** Area of a shape, square metres. */
export function shapeArea(shape: Shape): number {
  switch (shape.kind) {
    case 'box':
      return shape.width * shape.height;
    case 'circle':
      return Math.PI * shape.radius * shape.radius;
    case 'polygon':
      return Math.abs(signedArea(shape.points));
  }
}

/** Distance from the shape's origin to its farthest point. */
export function boundingRadius(shape: Shape): number {
  if (shape.kind === 'circle') return shape.radius;
  let radius = 0;
  for (const p of shapeOutline(shape)!) radius = Math.max(radius, Math.hypot(p.x, p.y));
  return radius;
}

/** Width and depth of the shape's axis-aligned bounding box in its own frame. */
export function shapeExtent(shape: Shape): { readonly width: number; readonly depth: number } {
  if (shape.kind === 'circle') return { width: 2 * shape.radius, depth: 2 * shape.radius };
  const outline = shapeOutline(shape)!;
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  return { width: Math.max(...xs) - Math.min(...xs), depth: Math.max(...ys) - Math.min(...ys) };
}

/** Shoelace area: positive for counter-clockwise points. */
export function signedArea(points: readonly Vec2[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

/** True when no vertex of the (simple) polygon turns against the others (collinear points allowed). */
export function isConvex(points: readonly Vec2[]): boolean {
  let sign = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    const c = points[(i + 2) % points.length]!;
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (Math.abs(cross) < 1e-12) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}

/** `points` moved from a frame at `pose` into the frame the pose is given in. */
export function transformPoints(points: readonly Vec2[], pose: Pose2D): Vec2[] {
  const c = Math.cos(pose.theta);
  const s = Math.sin(pose.theta);
  return points.map((p) => ({ x: pose.x + c * p.x - s * p.y, y: pose.y + s * p.x + c * p.y }));
}

/**
 * Distance from `point` (world frame) to the nearest point of the shape placed at `pose`;
 * 0 when the point is inside.
 */
export function distanceToShape(shape: Shape, pose: Pose2D, point: Vec2): number {
  const c = Math.cos(pose.theta);
  const s = Math.sin(pose.theta);
  const dx = point.x - pose.x;
  const dy = point.y - pose.y;
  const px = c * dx + s * dy;
  const py = -s * dx + c * dy;
  if (shape.kind === 'circle') return Math.max(0, Math.hypot(px, py) - shape.radius);
  const outline = shapeOutline(shape)!;
  if (containsPoint(outline, px, py)) return 0;
  let best = Infinity;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    best = Math.min(best, pointSegmentDistance(px, py, a, b));
  }
  return best;
}

function containsPoint(polygon: readonly Vec2[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

function pointSegmentDistance(px: number, py: number, a: Vec2, b: Vec2): number {
  const ex = b.x - a.x;
  const ey = b.y - a.y;
  const lengthSquared = ex * ex + ey * ey;
  const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((px - a.x) * ex + (py - a.y) * ey) / lengthSquared));
  return Math.hypot(px - (a.x + t * ex), py - (a.y + t * ey));
}

/** Throws {@link SimulationErrorCode.InvalidGeometry} unless the shape can become a physics shape. */
export function checkShape(shape: Shape, owner: string): void {
  const fail = (why: string): never => {
    throw new SimulationError(SimulationErrorCode.InvalidGeometry, `${owner}: ${why}`, { owner, shape });
  };
  switch (shape.kind) {
    case 'box':
      if (!(shape.width > 0 && shape.height > 0 && Number.isFinite(shape.width + shape.height)))
        fail(`a box needs a positive finite width and height, got ${shape.width} × ${shape.height}`);
      return;
    case 'circle':
      if (!(shape.radius > 0 && Number.isFinite(shape.radius)))
        fail(`a circle needs a positive finite radius, got ${shape.radius}`);
      return;
    case 'polygon': {
      const points = shape.points;
      if (points.length < 3) fail(`a polygon needs at least 3 points, got ${points.length}`);
      if (!points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) fail('a polygon point is not finite');
      if (Math.abs(signedArea(points)) < 1e-9) fail('the polygon has no area');
      if (selfIntersects(points)) fail('the polygon crosses itself');
      return;
    }
  }
}

function selfIntersects(points: readonly Vec2[]): boolean {
  const n = points.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a vertex; only edges with no common vertex can cross.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsCross(points[i]!, points[(i + 1) % n]!, points[j]!, points[(j + 1) % n]!)) return true;
    }
  }
  return false;
}

function segmentsCross(a: Vec2, b: Vec2, c: Vec2, d: Vec2): boolean {
  const orient = (p: Vec2, q: Vec2, r: Vec2): number =>
    Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  const onSegment = (p: Vec2, q: Vec2, r: Vec2): boolean =>
    Math.min(p.x, q.x) <= r.x && r.x <= Math.max(p.x, q.x) && Math.min(p.y, q.y) <= r.y && r.y <= Math.max(p.y, q.y);
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}
