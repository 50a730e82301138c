import { readFileSync } from 'node:fs';
import { OmniError, UserInputError, type LocatedYaml } from '@omnimind/core';
import { parseWorld } from '../world/load-world.js';
import type { World } from '../world/world-types.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import type { ScenarioFile } from './scenario-schema.js';
import type { RobotStart } from './scenario-types.js';
import { BLOCKED_START_CODES, worldWithStarts } from './world-with-starts.js';

/**
 * The `start` section, checked: every key is a robot of the scenario, and a start pose given in
 * the file leaves the robot clear of walls, obstacles, objects and other robots (the world's own
 * spawn checks, reported at the pose).
 */
export function robotStarts(
  source: LocatedYaml,
  written: NonNullable<ScenarioFile['start']>,
  context: { robots: readonly string[]; world: World; worldFile: string; knownRobots: readonly string[] },
): Record<string, RobotStart> {
  const result: Record<string, RobotStart> = {};
  for (const [robot, start] of Object.entries(written)) {
    if (!context.robots.includes(robot)) {
      throw new UserInputError(
        ScenarioErrorCode.Reference,
        `'start' names '${robot}', which is not a robot of this scenario (robots: ${context.robots.join(', ')})`,
        source.locateKey(['start'], robot),
      );
    }
    const pose = start.pose && { x: start.pose[0], y: start.pose[1], theta: ((start.pose[2] ?? 0) * Math.PI) / 180 };
    result[robot] = { pose, xy: start.xy_m, theta: (start.theta_deg * Math.PI) / 180, battery: start.battery };
  }
  const given = Object.entries(result).filter(([, start]) => start.pose !== undefined);
  if (given.length === 0) return result;
  const text = worldWithStarts(
    readFileSync(context.worldFile, 'utf8'),
    Object.fromEntries(given.map(([robot, start]) => [robot, start.pose as NonNullable<RobotStart['pose']>])),
  );
  try {
    parseWorld(text, context.worldFile, { knownRobots: [...context.knownRobots] });
  } catch (error) {
    if (!(error instanceof OmniError && BLOCKED_START_CODES.includes(error.code))) throw error;
    const robot = given.find(([name]) => error.message.includes(`'${name}'`))?.[0] ?? (given[0]?.[0] as string);
    const reason = error.message.replace(/^.*?:\d+:\d+: /, '');
    throw new UserInputError(
      ScenarioErrorCode.StartBlocked,
      `the start pose of ${robot} is not free in world '${context.world.name}': ${reason}`,
      source.locate(['start', robot, 'pose']),
    );
  }
  return result;
}
