import { parseLocatedYaml, parseWithSchema, readLocatedYaml, type LocatedYaml } from '@omnimind/core';
import { checkRobotTypes, checkSpawnPlacement, type KnownRobots } from './spawn-checks.js';
import { buildWorld } from './world-build.js';
import { WorldErrorCode } from './world-errors.js';
import { worldFileSchema } from './world-schema.js';
import type { World } from './world-types.js';

/** Default clearance (m) a robot needs around its spawn: a little more than the diffbot's radius. */
export const DEFAULT_ROBOT_CLEARANCE = 0.15;

/** How to load a world. */
export interface LoadWorldOptions {
  /**
   * Robot types a spawn may name: the list (unknown types are reported with a did-you-mean and
   * the list), or a predicate.
   */
  readonly knownRobots: KnownRobots;
  /**
   * Radius (m) of the disc a robot needs at its spawn, free of walls, obstacles, objects and other
   * robots. Default {@link DEFAULT_ROBOT_CLEARANCE}.
   */
  readonly robotClearance?: number;
}

/**
 * Loads and checks a world file (see docs/reference/world-format.md).
 * Every problem raises a `UserInputError` (codes in {@link WorldErrorCode}) whose message starts
 * with the `file:line:col` of the value concerned and says what was expected.
 *
 * @example
 * const world = loadWorld(path.join(worldsDir(), 'office.yaml'), { knownRobots: ['diffbot', 'mobile-manipulator'] });
 * world.places['kitchen']; // { x: 3.8, y: 2.5, theta: 3.14159... }
 */
export function loadWorld(file: string, options: LoadWorldOptions): World {
  return checkedWorld(
    readLocatedYaml(file, { syntax: WorldErrorCode.Yaml, notFound: WorldErrorCode.NotFound }),
    options,
  );
}

/** Like {@link loadWorld}, from YAML text; `file` names it in messages and in `World.file`. */
export function parseWorld(text: string, file: string, options: LoadWorldOptions): World {
  return checkedWorld(parseLocatedYaml(text, file, WorldErrorCode.Yaml), options);
}

function checkedWorld(source: LocatedYaml, options: LoadWorldOptions): World {
  const clearance = options.robotClearance ?? DEFAULT_ROBOT_CLEARANCE;
  if (!(Number.isFinite(clearance) && clearance >= 0))
    throw new RangeError(`robotClearance must be a finite number >= 0, got ${clearance}`);
  const world = buildWorld(source, parseWithSchema(source, worldFileSchema, WorldErrorCode.Schema));
  checkRobotTypes(source, world, options.knownRobots);
  checkSpawnPlacement(source, world, clearance);
  return world;
}
