import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserInputError, parseLocatedYaml, parseWithSchema, readLocatedYaml, type LocatedYaml } from '@omnimind/core';
import { loadRobotLibrary } from '@omnimind/robots';
import { loadWorld } from '../world/load-world.js';
import { resolveWorldFile } from '../world/worlds-dir.js';
import { checkName, resolveGoal } from './resolve-goal.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import { scenarioFileSchema, type ScenarioFile } from './scenario-schema.js';
import { METRIC_NAMES, type Scenario, type ScenarioNode } from './scenario-types.js';
import { robotStarts } from './scenario-starts.js';
import { objectStarts } from './object-starts.js';

/** The folder of the scenarios shipped with the simulator (`scenarios/` in the package). */
export function scenariosDir(): string {
  // Two levels below the package root, both as source (src/scenario) and built (dist/scenario).
  return path.resolve(fileURLToPath(new URL('../../scenarios', import.meta.url)));
}

/** The world file a scenario's `world` names: a bare name is a shipped world, anything else a path from the scenario's folder. */
export function scenarioWorldFile(world: string, scenarioFile: string): string {
  return resolveWorldFile(world, path.dirname(scenarioFile));
}

/**
 * Loads and checks a scenario file (see docs/reference/scenario-format.md): the schema, then every
 * name against the world (robots, places, docks, objects) and the files it refers to. Problems
 * raise `UserInputError`s ({@link ScenarioErrorCode}, or the world's own codes for a bad world)
 * whose message starts with `file:line:col`.
 *
 * @example
 * const scenario = loadScenario(path.join(scenariosDir(), 'empty-room-to-dock.yaml'));
 * scenario.goal; // { kind: 'robot_at', robot: 'robot1', target: { position: { x: 2.6, y: 2.6 }, ... }, ... }
 */
export function loadScenario(file: string): Scenario {
  const absolute = path.resolve(file);
  return checkedScenario(
    readLocatedYaml(absolute, { syntax: ScenarioErrorCode.Yaml, notFound: ScenarioErrorCode.NotFound }),
  );
}

/** Like {@link loadScenario}, from YAML text; relative paths in it resolve from `file`'s folder. */
export function parseScenario(text: string, file: string): Scenario {
  return checkedScenario(parseLocatedYaml(text, path.resolve(file), ScenarioErrorCode.Yaml));
}

function checkedScenario(source: LocatedYaml): Scenario {
  const written = parseWithSchema(source, scenarioFileSchema, ScenarioErrorCode.Schema);
  const file = source.file;
  const worldFile = scenarioWorldFile(written.world, file);
  const worldLocation = source.locate(['world']);
  if (!existsSync(worldFile)) {
    throw new UserInputError(
      ScenarioErrorCode.Reference,
      `world '${written.world}' not found (looked for ${worldFile}); give a shipped world name or a path from this file's folder`,
      worldLocation,
    );
  }
  const knownRobots = [...loadRobotLibrary().keys()];
  const world = loadWorld(worldFile, { knownRobots });
  const spawnNames = world.spawns.map((s) => s.name);
  const robots = written.robots ?? spawnNames;
  robots.forEach((robot, i) => checkName(source, ['robots', i], 'spawn', robot, spawnNames, `world '${world.name}'`));
  const start = robotStarts(source, written.start ?? {}, { robots, world, worldFile, knownRobots });
  return {
    name: written.name ?? path.basename(file).replace(/\.ya?ml$/i, ''),
    description: written.description,
    file,
    worldFile,
    world,
    robots,
    start,
    objects: objectStarts(source, written.objects ?? {}, { world, worldFile, knownRobots, robotStarts: start }),
    launch: launchOf(source, written),
    nodes: written.nodes.map((node, i) => ({
      ...node,
      paramLocations: Object.fromEntries(
        Object.keys(node.params).map((key) => [key, source.locate(['nodes', i, 'params', key])]),
      ),
      location: source.locate(['nodes', i]),
    })) satisfies ScenarioNode[],
    goal: resolveGoal(source, ['goal'], written.goal, world, robots),
    timeLimitS: written.time_limit_s,
    metrics: METRIC_NAMES.filter((name) => (written.metrics ?? METRIC_NAMES).includes(name)),
    worldLocation,
    startLocation: source.locate(['start']),
    objectsLocation: source.locate(['objects']),
  };
}

function launchOf(source: LocatedYaml, written: ScenarioFile): Scenario['launch'] {
  if (written.launch === undefined) return undefined;
  const file = path.resolve(path.dirname(source.file), written.launch);
  if (!existsSync(file)) {
    throw new UserInputError(
      ScenarioErrorCode.Reference,
      `launch file '${written.launch}' not found (looked for ${file}); paths are relative to the scenario file`,
      source.locate(['launch']),
    );
  }
  const args = Object.fromEntries(Object.entries(written.launch_args ?? {}).map(([k, v]) => [k, String(v)]));
  return { file, args };
}
