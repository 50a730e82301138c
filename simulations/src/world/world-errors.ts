/**
 * Codes of the errors raised while loading a world file. Each is a `UserInputError` whose message
 * starts with the `file:line:col` of the value concerned; docs/reference/errors.md lists cause and fix.
 */
export const WorldErrorCode = Object.freeze({
  /** The world file cannot be read. */
  NotFound: 'OMNI_ERR_WORLD_NOT_FOUND',
  /** The file is not well-formed YAML. */
  Yaml: 'OMNI_ERR_WORLD_YAML',
  /** A key or value does not fit the world format (unknown key, wrong type, size or mass not > 0...). */
  Schema: 'OMNI_ERR_WORLD_SCHEMA',
  /** A colour name that is not in the colour table. */
  Color: 'OMNI_ERR_WORLD_COLOR',
  /** A polygon that is not simple, or a wall with a zero-length segment. */
  Geometry: 'OMNI_ERR_WORLD_GEOMETRY',
  /** Two walls, obstacles, objects or docks share an id, or two spawns share a name. */
  Duplicate: 'OMNI_ERR_WORLD_DUPLICATE',
  /** A spawn, dock, place or object lies outside the world's bounds. */
  OutOfBounds: 'OMNI_ERR_WORLD_OUT_OF_BOUNDS',
  /** A spawn overlaps a wall, an obstacle or an object. */
  SpawnBlocked: 'OMNI_ERR_WORLD_SPAWN_BLOCKED',
  /** Two spawns are so close that the robots would overlap. */
  SpawnsTooClose: 'OMNI_ERR_WORLD_SPAWNS_TOO_CLOSE',
  /** A spawn names a robot type that is not known. */
  UnknownRobot: 'OMNI_ERR_WORLD_UNKNOWN_ROBOT',
} as const);

/** One of the {@link WorldErrorCode} values. */
export type WorldErrorCode = (typeof WorldErrorCode)[keyof typeof WorldErrorCode];
