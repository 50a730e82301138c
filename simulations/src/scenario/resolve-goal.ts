import { UserInputError, didYouMean, type DataPath, type LocatedYaml } from '@omnimind/core';
import type { World } from '../world/world-types.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import { DEFAULT_GOAL_TOLERANCE, type GoalInFile } from './scenario-schema.js';
import type { Goal, GoalTarget } from './scenario-types.js';

/** A name that must be one of `known`, reported at `path` with a did-you-mean and the list. */
export function checkName(
  source: LocatedYaml,
  path: DataPath,
  what: string,
  name: string,
  known: readonly string[],
  where: string,
): void {
  if (known.includes(name)) return;
  const suggestion = didYouMean(name, known);
  throw new UserInputError(
    ScenarioErrorCode.Reference,
    `${where} has no ${what} '${name}'` +
      (suggestion ? `; did you mean '${suggestion}'?` : '') +
      ` (${where} has: ${[...known].sort().join(', ') || 'none'})`,
    source.locate(path),
  );
}

interface TargetInFile {
  readonly place?: string | undefined;
  readonly dock?: string | undefined;
  readonly pose?: readonly [number, number] | undefined;
  readonly tolerance?: number | undefined;
}

function resolveTarget(
  source: LocatedYaml,
  path: DataPath,
  world: World,
  written: TargetInFile,
): { target: GoalTarget; tolerance: number } {
  const worldName = `world '${world.name}'`;
  if (written.place !== undefined) {
    checkName(source, [...path, 'place'], 'place', written.place, Object.keys(world.places), worldName);
    const place = world.places[written.place] as { x: number; y: number };
    return {
      target: { position: { x: place.x, y: place.y }, label: `place ${written.place}` },
      tolerance: written.tolerance ?? DEFAULT_GOAL_TOLERANCE,
    };
  }
  if (written.dock !== undefined) {
    const ids = world.docks.map((d) => d.id);
    checkName(source, [...path, 'dock'], 'dock', written.dock, ids, worldName);
    const dock = world.docks.find((d) => d.id === written.dock);
    return {
      target: { position: { x: dock?.pose.x ?? 0, y: dock?.pose.y ?? 0 }, label: `dock ${written.dock}` },
      tolerance: written.tolerance ?? dock?.radius ?? DEFAULT_GOAL_TOLERANCE,
    };
  }
  const [x, y] = written.pose ?? [0, 0];
  return {
    target: { position: { x, y }, label: `pose [${x}, ${y}]` },
    tolerance: written.tolerance ?? DEFAULT_GOAL_TOLERANCE,
  };
}

/**
 * Resolves a goal as written against the world and the scenario's robots: names become positions,
 * and every name that does not exist is reported where it was written.
 */
export function resolveGoal(
  source: LocatedYaml,
  path: DataPath,
  written: GoalInFile,
  world: World,
  robots: readonly string[],
): Goal {
  if (written.robot_at) {
    const at = written.robot_at;
    checkName(source, [...path, 'robot_at', 'robot'], 'robot', at.robot, robots, 'this scenario');
    return { kind: 'robot_at', robot: at.robot, ...resolveTarget(source, [...path, 'robot_at'], world, at) };
  }
  if (written.object_at) {
    const at = written.object_at;
    const ids = world.objects.map((o) => o.id);
    checkName(source, [...path, 'object_at', 'object'], 'movable object', at.object, ids, `world '${world.name}'`);
    return { kind: 'object_at', object: at.object, ...resolveTarget(source, [...path, 'object_at'], world, at) };
  }
  const all = written.all ?? [];
  return { kind: 'all', goals: all.map((g, i) => resolveGoal(source, [...path, 'all', i], g, world, robots)) };
}

/** A one-line description of a goal for logs and reports. */
export function describeGoal(goal: Goal): string {
  switch (goal.kind) {
    case 'robot_at':
      return `${goal.robot} within ${goal.tolerance} m of ${goal.target.label}`;
    case 'object_at':
      return `${goal.object} within ${goal.tolerance} m of ${goal.target.label}`;
    case 'all':
      return goal.goals.map(describeGoal).join(' and ');
  }
}
