import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OmniError, UserInputError } from '@omnimind/core';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { parseWorld } from '../world/load-world.js';
import type { Pose2D } from '../world/world-types.js';
import { normalizeAngle } from '../world/geometry/pose-transform.js';
import { movedObjectProblem } from './object-starts.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import type { Scenario } from './scenario-types.js';
import { BLOCKED_START_CODES, asWritten, worldWithStarts } from './world-with-starts.js';

/** Draws before giving up on finding free start poses. */
const MAX_DRAWS = 50;

/** The world one episode runs in. */
export interface EpisodeWorld {
  /** World file to give the simulator: the scenario's, or a copy with the jittered spawns and objects. */
  readonly file: string;
  /** Start pose of each scenario robot. */
  readonly starts: Readonly<Record<string, Pose2D>>;
  /** Start pose of each object the scenario's `objects` section places, by id. */
  readonly objectStarts: Readonly<Record<string, Pose2D>>;
  /** Removes the copy, if one was written. */
  dispose(): void;
}

/**
 * The world of the episode for `seed`. When the scenario sets start poses or jitters them, each
 * robot starts at its pose (the scenario's, else the spawn's) moved by a uniform draw within its
 * jitter, and each object of the scenario's `objects` likewise from its pose (the scenario's, else
 * the world's); the draws are seeded (the same seed gives the same starts; robots are drawn before
 * objects, so adding objects leaves the robots' draws as they were). A copy of the world file with
 * those poses is written to a temporary folder. A draw that puts a robot in a wall, an obstacle, an
 * object or another robot, or an object outside the bounds or on a wall, obstacle or other object,
 * is drawn again, up to 50 times.
 */
export function episodeWorld(scenario: Scenario, seed: number, knownRobots: readonly string[]): EpisodeWorld {
  const spawnPose = (robot: string): Pose2D => {
    const spawn = scenario.world.spawns.find((s) => s.name === robot);
    return spawn ? spawn.pose : { x: 0, y: 0, theta: 0 };
  };
  const jittered = Object.keys(scenario.start);
  const objects = Object.entries(scenario.objects).map(([id, start]) => {
    const index = scenario.world.objects.findIndex((o) => o.id === id);
    return { id, index, start, base: start.pose ?? (scenario.world.objects[index]?.pose as Pose2D) };
  });
  if (jittered.length === 0 && objects.length === 0) {
    return {
      file: scenario.worldFile,
      starts: Object.fromEntries(scenario.robots.map((r) => [r, spawnPose(r)])),
      objectStarts: {},
      dispose: () => undefined,
    };
  }
  const text = readFileSync(scenario.worldFile, 'utf8');
  const rng = xoroshiro128plus(seed);
  // Small seeds (1, 2, 3...) give nearly equal first outputs; a jump mixes the state fully.
  rng.jump();
  const between = (limit: number): number => (2 * uniformFloat64(rng) - 1) * limit;
  const moved = (base: Pose2D, xy: number, theta: number): Pose2D =>
    asWritten({
      x: base.x + between(xy),
      y: base.y + between(xy),
      theta: normalizeAngle(base.theta + between(theta)),
    });
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const starts: Record<string, Pose2D> = {};
    for (const robot of scenario.robots) {
      const start = scenario.start[robot];
      const base = start?.pose ?? spawnPose(robot);
      starts[robot] = start ? moved(base, start.xy, start.theta) : base;
    }
    const objectStarts: Record<string, Pose2D> = {};
    const byIndex = new Map<number, Pose2D>();
    for (const { id, index, start, base } of objects) {
      const pose = moved(base, start.xy, start.theta);
      objectStarts[id] = pose;
      byIndex.set(index, pose);
    }
    const worldText = worldWithStarts(text, starts, byIndex);
    try {
      const world = parseWorld(worldText, scenario.worldFile, { knownRobots: [...knownRobots] });
      if (movedObjectProblem(world, byIndex.keys()) !== undefined) continue;
    } catch (error) {
      if (error instanceof OmniError && BLOCKED_START_CODES.includes(error.code)) continue;
      throw error;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'omnimind-episode-'));
    const file = path.join(dir, path.basename(scenario.worldFile));
    writeFileSync(file, worldText);
    return { file, starts, objectStarts, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const what = [...jittered, ...objects.map((o) => `object ${o.id}`)].join(', ');
  const sections = [jittered.length > 0 ? "'start'" : '', objects.length > 0 ? "'objects'" : '']
    .filter(Boolean)
    .join(' and ');
  throw new UserInputError(
    ScenarioErrorCode.StartBlocked,
    `seed ${seed}: no free start pose for ${what} in ${MAX_DRAWS} draws within the ${sections} jitter; make it smaller or move the start`,
    jittered.length > 0 ? scenario.startLocation : scenario.objectsLocation,
  );
}
