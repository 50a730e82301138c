import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEpisode } from './episode-runner.js';
import { loadScenario, scenariosDir } from './load-scenario.js';

const emptyRoom = loadScenario(path.join(scenariosDir(), 'empty-room-to-dock.yaml'));

describe('the episode runner', () => {
  it('drives robot1 to the dock in the empty room, the same way every time for a seed', async () => {
    const first = await runEpisode(emptyRoom, 3);
    expect(first).toMatchObject({ seed: 3, success: true, reason: 'goal_reached', collisions: [] });
    expect(first.endTimeS).toBeLessThan(emptyRoom.timeLimitS);
    expect(first.metrics).toEqual({
      seed: 3,
      success: true,
      time_s: first.endTimeS,
      collisions: 0,
      path_length_m: expect.any(Number),
      energy_wh: expect.any(Number),
    });

    // It ends inside the dock's radius, having driven at least the straight distance there.
    const start = first.starts['robot1'];
    const path1 = first.trajectories['robot1'] ?? [];
    const end = path1[path1.length - 1];
    if (!start || !end) throw new Error('no start or trajectory');
    expect(path1[0]?.x).toBeCloseTo(start.x, 2);
    expect(Math.hypot(end.x - 2.6, end.y - 2.6)).toBeLessThanOrEqual(0.3);
    expect(first.metrics.path_length_m).toBeGreaterThanOrEqual(Math.hypot(2.6 - start.x, 2.6 - start.y) - 0.3);
    // 10 Hz of simulated time.
    expect(path1.length).toBeGreaterThan(first.endTimeS * 10 - 2);
    expect(path1.length).toBeLessThan(first.endTimeS * 10 + 3);
    // The electronics alone draw 0.6 A at 11.1 V: 6.66 W.
    expect(first.metrics.energy_wh).toBeGreaterThan((6.66 * first.endTimeS) / 3600 - 0.02);

    expect(await runEpisode(emptyRoom, 3)).toEqual(first);
    const other = await runEpisode(emptyRoom, 4);
    expect(other.success).toBe(true);
    expect(other.starts).not.toEqual(first.starts);
  });

  it('starts the nodes of a launch file, on simulated time, with its arguments', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'omnimind-launch-scenario-'));
    writeFileSync(
      path.join(dir, 'drive.launch.yaml'),
      [
        'launch:',
        '  - arg: {name: x, default: "0"}',
        '  - node:',
        "      pkg: '@omnimind/simulator'",
        '      plugin: goal-driver',
        '      name: driver',
        '      param:',
        '        - {name: robot, value: robot1}',
        '        - {name: pose, value: [$(var x), 1.5]}',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'scenario.yaml'),
      'world: empty-room\nlaunch: drive.launch.yaml\nlaunch_args: {x: -1.5}\ngoal: {robot_at: {robot: robot1, pose: [-1.5, 1.5]}}\ntime_limit_s: 30\n',
    );
    const result = await runEpisode(loadScenario(path.join(dir, 'scenario.yaml')), 1);
    expect(result).toMatchObject({ success: true, reason: 'goal_reached' });
  });

  it('fails at the time limit, in simulated time', async () => {
    const result = await runEpisode({ ...emptyRoom, timeLimitS: 2 }, 1);
    expect(result).toMatchObject({ success: false, reason: 'time_limit', endTimeS: 2 });
  });

  it('records collisions and failures in the office, where goal-driver runs into the kitchen table', async () => {
    const office = loadScenario(path.join(scenariosDir(), 'office-kitchen-table.yaml'));
    const results = [];
    for (let seed = 1; seed <= 8; seed++) results.push(await runEpisode(office, seed));
    const failed = results.filter((r) => !r.success);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(results.length);
    for (const r of failed) expect(r.collisions.map((c) => c.with).flat()).toContain('kitchen_table');
    expect(results.some((r) => r.success && r.metrics.collisions === 0)).toBe(true);
  });
});
