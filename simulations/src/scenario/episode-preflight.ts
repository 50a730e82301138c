import { ManualClock, createInProcessHost } from '@omnimind/core';
import { episodeRequests } from './episode-requests.js';
import type { Scenario } from './scenario-types.js';

/**
 * Checks, without starting anything, what every episode of `scenario` would start: each plugin is
 * found, its parameters fit, what it refers to exists (a plugin's `validate`), node names are unique
 * and dependencies are provided. Throws the first problem (a `UserInputError` pointing into the
 * scenario or launch file), so that a batch with a bad configuration stops before its first episode.
 */
export async function checkScenarioNodes(scenario: Scenario): Promise<void> {
  const requests = await episodeRequests(scenario, { seed: 0, worldFile: scenario.worldFile });
  const { host, dispose } = createInProcessHost({ clock: new ManualClock() });
  try {
    await host.load(requests);
  } finally {
    await dispose();
  }
}
