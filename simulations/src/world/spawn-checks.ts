import { didYouMean, type LocatedYaml } from '@omnimind/core';
import { distancePointToPolyline } from './geometry/point-segment-distance.js';
import { distancePointToShape } from './geometry/shape-distance.js';
import { formatBounds, insideBounds } from './world-checks.js';
import { WorldErrorCode } from './world-errors.js';
import { formatMetres, formatPoint, raiseAt } from './world-problem.js';
import type { SpawnPoint, World } from './world-types.js';

/** Robot types a world may spawn: a list of names, or a predicate when the list is not at hand. */
export type KnownRobots = readonly string[] | ((name: string) => boolean);

/** Every spawn names a known robot type; an unknown one is reported with the known ones and a did-you-mean. */
export function checkRobotTypes(source: LocatedYaml, world: World, knownRobots: KnownRobots): void {
  world.spawns.forEach((spawn, i) => {
    const known = typeof knownRobots === 'function' ? knownRobots(spawn.robot) : knownRobots.includes(spawn.robot);
    if (known) return;
    let message = `unknown robot type '${spawn.robot}'`;
    if (typeof knownRobots !== 'function') {
      const suggestion = didYouMean(spawn.robot, knownRobots);
      if (suggestion) message += `; did you mean '${suggestion}'?`;
      message += ` (expected one of: ${knownRobots.length > 0 ? knownRobots.join(', ') : 'none known'})`;
    }
    raiseAt(source, WorldErrorCode.UnknownRobot, ['spawns', i, 'robot'], message);
  });
}

/**
 * A robot of radius `clearance` (m) placed at each spawn fits: inside the bounds, clear of every
 * wall (its centre farther than half the wall's thickness plus `clearance`), obstacle and movable
 * object, and clear of every other spawn (centres at least `2 × clearance` apart).
 */
export function checkSpawnPlacement(source: LocatedYaml, world: World, clearance: number): void {
  world.spawns.forEach((spawn, i) => {
    const at = ['spawns', i, 'pose'];
    const blocked = (what: string, gap: number): never =>
      raiseAt(
        source,
        WorldErrorCode.SpawnBlocked,
        at,
        `spawn '${spawn.name}' at ${formatPoint(spawn.pose)} ${gap <= 0 ? 'is inside' : `is only ${formatMetres(gap)} m from`} ${what}; ` +
          `expected at least ${formatMetres(clearance)} m of clearance around a robot`,
      );
    if (!insideBounds(spawn.pose, world.bounds, clearance))
      raiseAt(
        source,
        WorldErrorCode.OutOfBounds,
        at,
        `spawn '${spawn.name}' at ${formatPoint(spawn.pose)} is outside the bounds ${formatBounds(world.bounds)}; ` +
          `expected a position at least ${formatMetres(clearance)} m inside them`,
      );
    for (const wall of world.walls) {
      const gap = distancePointToPolyline(spawn.pose, wall.points) - wall.thickness / 2;
      if (gap < clearance) blocked(`wall '${wall.id}'`, gap);
    }
    for (const obstacle of world.obstacles) {
      const gap = distancePointToShape(spawn.pose, obstacle.shape, obstacle.pose);
      if (gap < clearance) blocked(`obstacle '${obstacle.id}'`, gap);
    }
    for (const object of world.objects) {
      const gap = distancePointToShape(spawn.pose, object.shape, object.pose);
      if (gap < clearance) blocked(`object '${object.id}'`, gap);
    }
    world.spawns.slice(0, i).forEach((other: SpawnPoint) => {
      const distance = Math.hypot(spawn.pose.x - other.pose.x, spawn.pose.y - other.pose.y);
      if (distance < 2 * clearance)
        raiseAt(
          source,
          WorldErrorCode.SpawnsTooClose,
          at,
          `spawns '${other.name}' and '${spawn.name}' are ${formatMetres(distance)} m apart; ` +
            `expected at least ${formatMetres(2 * clearance)} m (two robots of ${formatMetres(clearance)} m clearance)`,
        );
    });
  });
}
