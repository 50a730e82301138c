import type { DataPath, LocatedYaml } from '@omnimind/core';
import { didYouMean } from '@omnimind/core';
import type { Rgb } from '@omnimind/robots';
import { COLOR_TABLE, canonicalColorName, colorNames, nearestColorName } from './color-table.js';
import { findPolygonProblem, counterClockwise, type PolygonProblem } from './geometry/polygon-validity.js';
import { degreesToRadians, normalizeAngle } from './geometry/pose-transform.js';
import { WorldErrorCode } from './world-errors.js';
import { formatMetres, formatPoint, raiseAt } from './world-problem.js';
import type { ColorInFile, PoseInFile } from './world-schema.js';
import type { Pose2D, Shape, Vec2 } from './world-types.js';

/** Converts a pose as written (degrees) into a {@link Pose2D} (radians in (-π, π]). */
export function toPose(pose: PoseInFile): Pose2D {
  const [x, y, thetaDeg] = Array.isArray(pose) ? pose : [pose.x, pose.y, pose.theta_deg];
  return { x, y, theta: normalizeAngle(degreesToRadians(thetaDeg ?? 0)) };
}

/** Converts `[x, y]` into a {@link Vec2}. */
export function toVec2(point: readonly [number, number]): Vec2 {
  return { x: point[0], y: point[1] };
}

/** A colour resolved to RGB, with the name people would call it by. */
export interface ResolvedColor {
  /** The colour's value, channels 0–255. */
  readonly rgb: Rgb;
  /** The colour table's name for it: the name written, or the nearest to the RGB written. */
  readonly name: string;
}

/** Resolves a colour as written; an unknown name raises `OMNI_ERR_WORLD_COLOR` at `path`. */
export function toColor(
  source: LocatedYaml,
  color: ColorInFile | undefined,
  fallback: string,
  path: DataPath,
): ResolvedColor {
  const written = color ?? fallback;
  if (typeof written !== 'string')
    return { rgb: [written[0], written[1], written[2]], name: nearestColorName(written) };
  const name = canonicalColorName(written);
  if (name === undefined) {
    const names = colorNames();
    const suggestion = didYouMean(written.toLowerCase(), names);
    raiseAt(
      source,
      WorldErrorCode.Color,
      path,
      `unknown colour '${written}'${suggestion ? `; did you mean '${suggestion}'?` : ''} (expected [r, g, b] or one of: ${names.join(', ')})`,
    );
  }
  return { rgb: COLOR_TABLE[name] as Rgb, name };
}

/** The size keys a shape was written with (after the schema checked that the right ones are there). */
export interface ShapeInFile {
  /** Which shape. */
  readonly shape: 'box' | 'circle' | 'polygon';
  /** A box's size along its x axis, m. */
  readonly width?: number | undefined;
  /** A box's size along its y axis, m. */
  readonly height?: number | undefined;
  /** A circle's radius, m. */
  readonly radius?: number | undefined;
  /** A polygon's corners `[x, y]`, relative to its pose, m. */
  readonly points?: readonly (readonly [number, number])[] | undefined;
}

/** Converts a shape as written; a polygon that is not simple raises `OMNI_ERR_WORLD_GEOMETRY` at `path`. */
export function toShape(source: LocatedYaml, written: ShapeInFile, path: DataPath): Shape {
  switch (written.shape) {
    case 'box':
      return { kind: 'box', width: written.width ?? 0, height: written.height ?? 0 };
    case 'circle':
      return { kind: 'circle', radius: written.radius ?? 0 };
    case 'polygon':
      return { kind: 'polygon', points: toPolygon(source, written.points ?? [], [...path, 'points']) };
  }
}

const samePoint = (a: Vec2, b: Vec2): boolean => Math.abs(a.x - b.x) <= 1e-9 && Math.abs(a.y - b.y) <= 1e-9;

/**
 * A polygon's points, checked to be simple, counter-clockwise. Polygons close themselves; a last
 * point that repeats the first exactly is accepted and dropped.
 */
function toPolygon(
  source: LocatedYaml,
  written: readonly (readonly [number, number])[],
  path: DataPath,
): readonly Vec2[] {
  let points = written.map(toVec2);
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && samePoint(first, last)) points = points.slice(0, -1);
  const problem = findPolygonProblem(points);
  if (problem)
    raiseAt(source, WorldErrorCode.Geometry, problemPath(problem, path, points.length), describe(problem, points));
  return counterClockwise(points);
}

function problemPath(problem: PolygonProblem, path: DataPath, count: number): DataPath {
  switch (problem.kind) {
    case 'too-few-points':
    case 'no-area':
      return path;
    case 'short-edge':
      return [...path, problem.to === 0 ? count - 1 : problem.to];
    case 'self-intersection':
      return [...path, problem.edgeB];
  }
}

/** A point as the file wrote it, every digit kept: rounding would hide a sub-millimetre gap. */
const written = (p: Vec2): string => `[${p.x}, ${p.y}]`;

function describe(problem: PolygonProblem, points: readonly Vec2[]): string {
  const n = points.length;
  const edge = (i: number): string => `points[${i}]→points[${(i + 1) % n}]`;
  switch (problem.kind) {
    case 'too-few-points':
      return `a polygon needs at least 3 distinct corners [[x, y], ...], got ${problem.count}`;
    case 'no-area':
      return 'the polygon encloses no area (its points lie on one line); expected at least 3 corners not in a line';
    case 'short-edge':
      if (problem.to === 0)
        return (
          `the last point ${written(points[n - 1] as Vec2)} almost repeats the first ${written(points[0] as Vec2)} ` +
          `(${formatMetres(problem.length * 1000)} mm apart): a polygon closes itself, so repeat the first point exactly or leave it out`
        );
      return (
        `points[${problem.from}] and points[${problem.to}] are only ${formatMetres(problem.length * 1000)} mm apart; ` +
        'expected distinct corners at least 1 mm apart'
      );
    case 'self-intersection':
      return (
        `the polygon crosses itself: edge ${edge(problem.edgeA)} meets edge ${edge(problem.edgeB)} at ${formatPoint(problem.at)}; ` +
        'expected a simple polygon, its corners listed in order around it'
      );
  }
}
