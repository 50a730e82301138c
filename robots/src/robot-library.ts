import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserInputError, didYouMean, readLocatedYaml, type SourceLocation } from '@omnimind/core';
import type { RobotDescription } from './robot-description.js';
import { RobotErrorCode } from './robot-errors.js';
import { loadRobotDescription } from './robot-loader.js';

/** The file every robot folder holds. */
export const ROBOT_FILE = 'robot.yaml';

/** Robot type names are folder names: lower-case letters, digits, `_` and `-`. */
const ROBOT_TYPE = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * The folder of this package, which holds one folder per robot type (`diffbot/robot.yaml`, ...).
 * The same whether the package runs from its TypeScript sources or its build.
 */
export function robotsDir(): string {
  // Sources sit in src/ and the build in dist/, both one level under the package folder.
  return resolve(fileURLToPath(new URL('..', import.meta.url)));
}

/** The robot types in `dir`: its sub-folders that hold a `robot.yaml`, sorted. */
export function listRobotTypes(dir: string = robotsDir()): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    throw new UserInputError(
      RobotErrorCode.FileNotFound,
      `cannot read robot folder '${dir}': ${(error as Error).message}`,
      undefined,
      { cause: error },
    );
  }
  return entries
    .filter((entry) => ROBOT_TYPE.test(entry) && existsSync(join(dir, entry, ROBOT_FILE)))
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    .sort();
}

/** Loads one robot folder and checks that the robot is named after its folder. */
function loadTyped(dir: string, type: string): RobotDescription {
  const file = join(dir, type, ROBOT_FILE);
  const robot = loadRobotDescription(file);
  if (robot.name !== type) {
    const where = readLocatedYaml(file, { syntax: RobotErrorCode.Yaml, notFound: RobotErrorCode.FileNotFound });
    throw new UserInputError(
      RobotErrorCode.Value,
      `the robot in folder '${type}' is named '${robot.name}'; a robot's name must be its folder's name`,
      where.locate(['name']),
    );
  }
  return robot;
}

/**
 * Loads every `<dir>/*\/robot.yaml` into a map from robot type name to description.
 *
 * @example
 * const robots = loadRobotLibrary(); // the robots shipped with this package
 * robots.get('diffbot')?.sensors.lidar?.samples; // 360
 */
export function loadRobotLibrary(dir: string = robotsDir()): Map<string, RobotDescription> {
  return new Map(listRobotTypes(dir).map((type) => [type, loadTyped(dir, type)]));
}

/**
 * Loads the robot of type `name` from the first of `dirs` that has a `<name>/robot.yaml`.
 * An unknown name raises `OMNI_ERR_UNKNOWN_ROBOT`, placed at `at` (say, the `robot:` value of a
 * world file's spawn), suggesting the closest known type and listing all of them.
 */
export function findRobot(
  name: string,
  dirs: readonly string[] = [robotsDir()],
  at?: SourceLocation,
): RobotDescription {
  if (ROBOT_TYPE.test(name)) {
    for (const dir of dirs) if (existsSync(join(dir, name, ROBOT_FILE))) return loadTyped(dir, name);
  }
  const known = [...new Set(dirs.flatMap((dir) => (existsSync(dir) ? listRobotTypes(dir) : [])))].sort();
  const suggestion = didYouMean(name, known);
  throw new UserInputError(
    RobotErrorCode.UnknownRobot,
    `unknown robot '${name}'` +
      (suggestion ? `; did you mean '${suggestion}'?` : '') +
      (known.length > 0 ? ` (known robots: ${known.join(', ')})` : ' (no robots found)'),
    at,
    { details: { name, known, dirs: [...dirs] } },
  );
}
