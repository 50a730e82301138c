import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario, runEpisode, scenariosDir } from '@omnimind/simulator';

// The full batch (30 seeds: `omnimind sim run warehouse-fetch-red-box --seeds 1..30`) takes minutes;
// here two seeds show that the scenario runs the whole stack to the goal, deterministically placed.
describe('the warehouse-fetch-red-box scenario', () => {
  const scenario = loadScenario(join(scenariosDir(), 'warehouse-fetch-red-box.yaml'));

  it('meets its goal without a collision, with the red box placed differently per seed', async () => {
    const results = [await runEpisode(scenario, 3), await runEpisode(scenario, 11)];
    for (const result of results) {
      expect(result.success, `seed ${result.seed}: ${result.reason}`).toBe(true);
      expect(result.metrics['collisions']).toBe(0);
    }
    const [a, b] = results.map((r) => r.objectStarts['red_box_1']);
    expect(a).toBeDefined();
    expect(a).not.toEqual(b);
  }, 120_000);
});
