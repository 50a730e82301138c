import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeRequestsFromLaunch, type NodeRequest, type SourceLocation } from '@omnimind/core';
import type { Scenario } from './scenario-types.js';

type ParamLayer = NodeRequest['paramLayers'][number];

/** What one episode's system is made of besides the scenario's own nodes. */
export interface EpisodeRequestOptions {
  readonly seed: number;
  /** World file for the simulator (the scenario's, or its jittered copy). */
  readonly worldFile: string;
}

// This file's extension: `.ts` when running from sources (tests), `.js` from the build. The
// runner's own nodes are loaded by path from the same place, so sources go with sources.
const ownExtension = path.extname(fileURLToPath(import.meta.url));

/** Absolute path of a module of this package, given relative to this folder without extension. */
export function siblingModule(relative: string): string {
  return fileURLToPath(new URL(`${relative}${ownExtension}`, import.meta.url));
}

function layer(
  values: Record<string, unknown>,
  locations: Record<string, SourceLocation | undefined> = {},
): ParamLayer {
  return new Map(
    Object.entries(values).map(([name, value]) => {
      const location = locations[name];
      return [name, location ? { kind: 'launch', value, location } : { kind: 'launch', value }];
    }),
  );
}

const USE_SIM_TIME = layer({ use_sim_time: true });

/**
 * The node requests of one episode, in start order: the probe that watches it, the scenario's
 * inline nodes, the nodes of its launch file, then the simulator. Every node but the simulator runs
 * on simulated time; the simulator gets each robot's `start.<robot>.battery` as `battery_charge`. The simulator comes last so that every other node is active (timers set,
 * topics subscribed) before its first step: with that, an episode is a pure function of its seed.
 */
export async function episodeRequests(scenario: Scenario, options: EpisodeRequestOptions): Promise<NodeRequest[]> {
  const baseDir = path.dirname(scenario.file);
  const probe: NodeRequest = {
    pkg: siblingModule('./episode-probe-plugin'),
    plugin: 'episode-probe',
    name: 'scenario_probe',
    namespace: '/',
    remaps: [],
    baseDir,
    paramLayers: [USE_SIM_TIME],
  };
  const inline = scenario.nodes.map((node): NodeRequest => ({
    pkg: node.pkg,
    plugin: node.plugin,
    name: node.name,
    namespace: node.namespace,
    remaps: [],
    baseDir,
    paramLayers: [layer({ ...node.params }, node.paramLocations), USE_SIM_TIME],
    location: node.location,
  }));
  const launched = scenario.launch
    ? (await nodeRequestsFromLaunch(scenario.launch.file, { args: scenario.launch.args, cwd: baseDir })).requests.map(
        (request): NodeRequest => ({ ...request, paramLayers: [...request.paramLayers, USE_SIM_TIME] }),
      )
    : [];
  const batteryCharge = Object.fromEntries(
    Object.entries(scenario.start).flatMap(([robot, start]) =>
      start.battery === undefined ? [] : [[robot, start.battery]],
    ),
  );
  const simulator: NodeRequest = {
    pkg: siblingModule('../plugin/simulator-plugin'),
    plugin: 'simulator',
    name: 'simulator',
    namespace: '/',
    remaps: [],
    baseDir,
    paramLayers: [
      layer(
        {
          world: options.worldFile,
          seed: options.seed,
          real_time_factor: 0,
          spawns: [...scenario.robots],
          battery_charge: batteryCharge,
        },
        { world: scenario.worldLocation },
      ),
    ],
    location: scenario.worldLocation,
  };
  return [probe, ...inline, ...launched, simulator];
}
