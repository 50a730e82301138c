export type * from './world-types.js';
export { loadWorld, parseWorld, DEFAULT_ROBOT_CLEARANCE } from './load-world.js';
export type { LoadWorldOptions } from './load-world.js';
export type { KnownRobots } from './spawn-checks.js';
export { WorldErrorCode } from './world-errors.js';
export { worldsDir, listWorlds, resolveWorldFile } from './worlds-dir.js';
export { COLOR_TABLE, colorNames, colorByName, canonicalColorName, nearestColorName } from './color-table.js';
export type { WorldFile } from './world-schema.js';
export {
  worldFileSchema,
  WORLD_NAME_PATTERN,
  DEFAULT_WALL_THICKNESS,
  DEFAULT_OBJECT_MASS,
  DEFAULT_OBJECT_FRICTION,
  DEFAULT_DOCK_RADIUS,
} from './world-schema.js';
export { DEFAULT_FLOOR_COLOR, DEFAULT_SKY_COLOR, DEFAULT_ENTITY_COLOR } from './world-build.js';
export { orientation, segmentsIntersect, segmentIntersection } from './geometry/segment-intersection.js';
export {
  closestPointOnSegment,
  distancePointToSegment,
  distancePointToPolyline,
} from './geometry/point-segment-distance.js';
export { pointInPolygon } from './geometry/point-in-polygon.js';
export {
  polygonSignedArea,
  findPolygonProblem,
  counterClockwise,
  MIN_POLYGON_EDGE,
  MIN_POLYGON_AREA,
} from './geometry/polygon-validity.js';
export type { PolygonProblem } from './geometry/polygon-validity.js';
export { toLocalFrame, toWorldFrame, normalizeAngle, degreesToRadians } from './geometry/pose-transform.js';
export { shapeVertices, placedVertices, distancePointToShape } from './geometry/shape-distance.js';
export { insideBounds } from './world-checks.js';
