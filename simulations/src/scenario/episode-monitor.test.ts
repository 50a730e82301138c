import { describe, expect, it } from 'vitest';
import { EpisodeMonitor } from './episode-monitor.js';
import type { Goal } from './scenario-types.js';

const goal: Goal = {
  kind: 'robot_at',
  robot: 'robot1',
  target: { position: { x: 1, y: 0 }, label: 'pose [1, 0]' },
  tolerance: 0.1,
};

const monitor = (timeLimitS = 10) =>
  new EpisodeMonitor({
    seed: 7,
    goal,
    robots: ['robot1'],
    timeLimitS,
    metrics: ['success', 'time_s', 'collisions', 'path_length_m', 'energy_wh'],
    starts: { robot1: { x: 0, y: 0, theta: 0 } },
    initialCharges: { robot1: 1 },
  });

/** Drives robot1 along x at 0.5 m/s on a 100 Hz clock, with a bump at 0.5 s and battery each second. */
function feed(m: EpisodeMonitor, seconds: number): void {
  for (let step = 1; step <= seconds * 100 && !m.done; step++) {
    const t = step / 100;
    m.onClock(t);
    if (step % 2 === 0) m.onGroundTruth('robot1', { x: 0.5 * t, y: 0, theta: 0 });
    if (step === 50) m.onBumper('robot1', true, ['wall_1']);
    if (step === 60) m.onBumper('robot1', false, []);
    if (step % 100 === 0) m.onBattery('robot1', 1 - 0.001 * t, 1.8, 11.1);
  }
}

describe('episode monitor', () => {
  it('ends with success at the first tick where the goal holds, with the metrics at that tick', async () => {
    const m = monitor();
    feed(m, 10);
    const result = await m.result;
    expect(result).toMatchObject({ seed: 7, success: true, reason: 'goal_reached', endTimeS: 1.81 });
    expect(result.metrics).toEqual({
      seed: 7,
      success: true,
      time_s: 1.81,
      collisions: 1,
      path_length_m: 0.89, // from x 0.01 (t 0.02) to x 0.9 (t 1.8)
      energy_wh: expect.closeTo(1.8 * 0.001 * 11.1, 9),
    });
    expect(result.collisions).toEqual([{ t: 0.5, robot: 'robot1', with: ['wall_1'] }]);
    const trajectory = result.trajectories['robot1'] ?? [];
    expect(trajectory.slice(0, 3)).toEqual([
      { t: 0.02, x: 0.01, y: 0, theta: 0 },
      { t: 0.12, x: 0.06, y: 0, theta: 0 },
      { t: 0.22, x: 0.11, y: 0, theta: 0 },
    ]);
    expect(trajectory.at(-1)).toEqual({ t: 1.8, x: 0.9, y: 0, theta: 0 });
  });

  it('ends with failure at the time limit and ignores what comes after', async () => {
    const m = monitor(1);
    feed(m, 3);
    m.onGroundTruth('robot1', { x: 1, y: 0, theta: 0 });
    m.onClock(1.5);
    const result = await m.result;
    expect(result).toMatchObject({ success: false, reason: 'time_limit', endTimeS: 1 });
    expect(result.metrics.path_length_m).toBe(0.48); // from x 0.01 (t 0.02) to x 0.49 (t 0.98)
  });

  it('counts an object for object_at only once it is put down, not while a robot holds it there', async () => {
    const m = new EpisodeMonitor({
      seed: 1,
      goal: {
        kind: 'object_at',
        object: 'box',
        target: { position: { x: 1, y: 0 }, label: 'pose [1, 0]' },
        tolerance: 0.2,
      },
      robots: ['robot1'],
      timeLimitS: 10,
      metrics: ['success'],
      starts: { robot1: { x: 0, y: 0, theta: 0 } },
      initialCharges: { robot1: 1 },
    });
    m.onObjects([{ id: 'box', x: 1, y: 0, held: true }]);
    m.onClock(1);
    expect(m.done).toBe(false);
    m.onObjects([{ id: 'box', x: 1.1, y: 0 }]);
    m.onClock(2);
    expect(await m.result).toMatchObject({ success: true, endTimeS: 2 });
  });

  it('keeps only the metrics asked for, and always the seed', async () => {
    const m = new EpisodeMonitor({
      seed: 3,
      goal,
      robots: ['robot1'],
      timeLimitS: 0.05,
      metrics: ['collisions'],
      starts: {},
    });
    feed(m, 1);
    expect((await m.result).metrics).toEqual({ seed: 3, collisions: 0 });
  });
});
