import { OmniError, SystemClock, startNodes, type RunningSystem } from '@omnimind/core';
import { loadRobotLibrary } from '@omnimind/robots';
import { EpisodeMonitor } from './episode-monitor.js';
import { EPISODE_MONITOR } from './episode-probe-plugin.js';
import { episodeRequests } from './episode-requests.js';
import type { EpisodeResult } from './episode-result.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import type { Scenario } from './scenario-types.js';
import { episodeWorld } from './start-jitter.js';

/** How to run one episode. */
export interface EpisodeOptions {
  /** Rate of the recorded trajectories, per simulated second (default 10). */
  readonly trajectoryHz?: number;
  /** Log level of the episode's nodes (default `warn`: a batch would drown in start-up lines). */
  readonly logLevel?: string;
  /** Where the nodes' logs go (default stderr). */
  readonly logDestination?: NodeJS.WritableStream;
  /** Wall-clock milliseconds without simulated progress after which the episode fails (default 30 000). */
  readonly stallTimeoutMs?: number;
}

/**
 * Runs one episode of `scenario` with `seed`: starts the simulator (as fast as it can go), the
 * scenario's nodes and a probe, watches until the goal holds or the time limit passes in simulated
 * time, then shuts everything down. The result depends only on the scenario and the seed.
 * Fails with `OMNI_ERR_SCENARIO_EPISODE` when the system stops or stalls before the end.
 *
 * @example
 * const result = await runEpisode(loadScenario('simulations/scenarios/empty-room-to-dock.yaml'), 1);
 * result.success; // true
 */
export async function runEpisode(
  scenario: Scenario,
  seed: number,
  options: EpisodeOptions = {},
): Promise<EpisodeResult> {
  const library = loadRobotLibrary();
  const world = episodeWorld(scenario, seed, [...library.keys()]);
  const initialCharges: Record<string, number> = {};
  for (const robot of scenario.robots) {
    const type = scenario.world.spawns.find((s) => s.name === robot)?.robot;
    const description = type === undefined ? undefined : library.get(type);
    const battery = scenario.start[robot]?.battery ?? description?.battery.initialCharge;
    if (battery !== undefined) initialCharges[robot] = battery;
  }
  const monitor = new EpisodeMonitor({
    seed,
    goal: scenario.goal,
    robots: scenario.robots,
    timeLimitS: scenario.timeLimitS,
    metrics: scenario.metrics,
    starts: world.starts,
    objectStarts: world.objectStarts,
    initialCharges,
    ...(options.trajectoryHz !== undefined ? { trajectoryHz: options.trajectoryHz } : {}),
  });
  let system: RunningSystem | undefined;
  try {
    const requests = await episodeRequests(scenario, { seed, worldFile: world.file });
    system = await startNodes(requests, {
      services: [{ token: EPISODE_MONITOR, value: monitor }],
      logLevel: options.logLevel ?? 'warn',
      ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    });
    return await untilEnd(monitor, system, seed, options.stallTimeoutMs ?? 30_000);
  } finally {
    await system?.shutdown();
    world.dispose();
  }
}

/** The monitor's result, or an error when the system stops or simulated time stops moving first. */
function untilEnd(
  monitor: EpisodeMonitor,
  system: RunningSystem,
  seed: number,
  stallMs: number,
): Promise<EpisodeResult> {
  const wall = new SystemClock();
  return new Promise((resolve, reject) => {
    let lastTime = -1;
    const watchdog = wall.createTimer(stallMs, () => {
      if (monitor.simulatedTime !== lastTime) {
        lastTime = monitor.simulatedTime;
        return;
      }
      watchdog.cancel();
      reject(
        new OmniError(
          ScenarioErrorCode.Episode,
          `seed ${seed}: simulated time stopped at ${monitor.simulatedTime} s for ${stallMs / 1000} s of wall time (did the simulator fail? run with a lower log level to see)`,
        ),
      );
    });
    monitor.result.then((result) => {
      watchdog.cancel();
      resolve(result);
    }, reject);
    void system.done.then(() => {
      watchdog.cancel();
      reject(new OmniError(ScenarioErrorCode.Episode, `seed ${seed}: the system shut down before the episode ended`));
    });
  });
}
