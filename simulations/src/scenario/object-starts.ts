import { readFileSync } from 'node:fs';
import { OmniError, UserInputError, didYouMean, type LocatedYaml } from '@omnimind/core';
import { parseWorld } from '../world/load-world.js';
import { placedOutline } from '../world/geometry/outline-gap.js';
import { placementProblem, staticNeighbours } from '../world/object-placement.js';
import type { Pose2D, World } from '../world/world-types.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import type { ScenarioFile } from './scenario-schema.js';
import type { ObjectStart, RobotStart } from './scenario-types.js';
import { BLOCKED_START_CODES, worldWithStarts } from './world-with-starts.js';

/**
 * Why the objects of `world` at the indices in `moved` are not free, or `undefined`: each must lie
 * within the bounds and clear of walls, obstacles and the other objects (robots are the world's
 * spawn checks' concern).
 */
export function movedObjectProblem(world: World, moved: Iterable<number>): string | undefined {
  const statics = staticNeighbours(world);
  for (const index of moved) {
    const object = world.objects[index];
    if (object === undefined) continue;
    const others = world.objects
      .filter((_, i) => i !== index)
      .map((o) => ({ kind: 'object', id: o.id, outline: placedOutline(o.shape, o.pose) }));
    const problem = placementProblem(world, object, object.pose, [...statics, ...others]);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * The `objects` section, checked: every key is a movable object of the world (reported at the key
 * with a did-you-mean), and a pose given in the file is free of walls, obstacles, other objects
 * and the robots' starts (reported at the pose).
 */
export function objectStarts(
  source: LocatedYaml,
  written: NonNullable<ScenarioFile['objects']>,
  context: {
    world: World;
    worldFile: string;
    knownRobots: readonly string[];
    robotStarts: Readonly<Record<string, RobotStart>>;
  },
): Record<string, ObjectStart> {
  const ids = context.world.objects.map((o) => o.id);
  const result: Record<string, ObjectStart> = {};
  for (const [id, start] of Object.entries(written)) {
    if (!ids.includes(id)) {
      const suggestion = didYouMean(id, ids);
      throw new UserInputError(
        ScenarioErrorCode.Reference,
        `world '${context.world.name}' has no object '${id}'` +
          (suggestion ? `; did you mean '${suggestion}'?` : '') +
          ` (world '${context.world.name}' has: ${[...ids].sort().join(', ') || 'none'})`,
        source.locateKey(['objects'], id),
      );
    }
    const pose = start.pose && { x: start.pose[0], y: start.pose[1], theta: ((start.pose[2] ?? 0) * Math.PI) / 180 };
    result[id] = { pose, xy: start.xy_m, theta: (start.theta_deg * Math.PI) / 180 };
  }
  for (const [id, start] of Object.entries(result)) {
    if (start.pose === undefined) continue;
    const problem = givenPoseProblem(context, id, start.pose);
    if (problem !== undefined)
      throw new UserInputError(
        ScenarioErrorCode.StartBlocked,
        `the start pose of object ${id} is not free in world '${context.world.name}': ${problem}`,
        source.locate(['objects', id, 'pose']),
      );
  }
  return result;
}

function givenPoseProblem(context: Parameters<typeof objectStarts>[2], id: string, pose: Pose2D): string | undefined {
  const index = context.world.objects.findIndex((o) => o.id === id);
  const robots = Object.entries(context.robotStarts).filter(([, s]) => s.pose !== undefined);
  const text = worldWithStarts(
    readFileSync(context.worldFile, 'utf8'),
    Object.fromEntries(robots.map(([robot, s]) => [robot, s.pose as Pose2D])),
    new Map([[index, pose]]),
  );
  try {
    const world = parseWorld(text, context.worldFile, { knownRobots: [...context.knownRobots] });
    return movedObjectProblem(world, [index]);
  } catch (error) {
    if (!(error instanceof OmniError && BLOCKED_START_CODES.includes(error.code))) throw error;
    return error.message.replace(/^.*?:\d+:\d+: /, '');
  }
}
