import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OmniError, UserInputError } from '@omnimind/core';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { parseWorld } from '../world/load-world.js';
import type { Pose2D } from '../world/world-types.js';
import { normalizeAngle } from '../world/geometry/pose-transform.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import type { Scenario } from './scenario-types.js';
import { BLOCKED_START_CODES, asWritten, worldWithStarts } from './world-with-starts.js';

/** Draws before giving up on finding free start poses. */
const MAX_DRAWS = 50;

/** The world one episode runs in. */
export interface EpisodeWorld {
  /** World file to give the simulator: the scenario's, or a copy with the jittered spawns. */
  readonly file: string;
  /** Start pose of each scenario robot. */
  readonly starts: Readonly<Record<string, Pose2D>>;
  /** Removes the copy, if one was written. */
  dispose(): void;
}

/**
 * The world of the episode for `seed`. When the scenario sets start poses or jitters them, each
 * robot starts at its pose (the scenario's, else the spawn's) moved by a uniform draw within its
 * jitter (seeded: the same seed gives the same starts), and a copy of the world file with those
 * spawns is written to a temporary folder. A draw that puts a robot in a wall, an obstacle or
 * another robot is drawn again.
 */
export function episodeWorld(scenario: Scenario, seed: number, knownRobots: readonly string[]): EpisodeWorld {
  const spawnPose = (robot: string): Pose2D => {
    const spawn = scenario.world.spawns.find((s) => s.name === robot);
    return spawn ? spawn.pose : { x: 0, y: 0, theta: 0 };
  };
  const jittered = Object.keys(scenario.start);
  if (jittered.length === 0) {
    return {
      file: scenario.worldFile,
      starts: Object.fromEntries(scenario.robots.map((r) => [r, spawnPose(r)])),
      dispose: () => undefined,
    };
  }
  const text = readFileSync(scenario.worldFile, 'utf8');
  const rng = xoroshiro128plus(seed);
  // Small seeds (1, 2, 3...) give nearly equal first outputs; a jump mixes the state fully.
  rng.jump();
  const between = (limit: number): number => (2 * uniformFloat64(rng) - 1) * limit;
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const starts: Record<string, Pose2D> = {};
    for (const robot of scenario.robots) {
      const start = scenario.start[robot];
      const base = start?.pose ?? spawnPose(robot);
      starts[robot] = start
        ? asWritten({
            x: base.x + between(start.xy),
            y: base.y + between(start.xy),
            theta: normalizeAngle(base.theta + between(start.theta)),
          })
        : base;
    }
    const worldText = worldWithStarts(text, starts);
    try {
      parseWorld(worldText, scenario.worldFile, { knownRobots: [...knownRobots] });
    } catch (error) {
      if (error instanceof OmniError && BLOCKED_START_CODES.includes(error.code)) continue;
      throw error;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'omnimind-episode-'));
    const file = path.join(dir, path.basename(scenario.worldFile));
    writeFileSync(file, worldText);
    return { file, starts, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  }
  throw new UserInputError(
    ScenarioErrorCode.StartBlocked,
    `seed ${seed}: no free start pose for ${jittered.join(', ')} in ${MAX_DRAWS} draws within the 'start' jitter; make it smaller or move the start`,
    scenario.startLocation,
  );
}
