import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorld } from '../world/load-world.js';
import { worldsDir } from '../world/worlds-dir.js';
import { summarizeBatch } from './batch-summary.js';
import type { EpisodeResult } from './episode-result.js';
import { reportHtml, seedList } from './report-html.js';
import type { Goal, Scenario } from './scenario-types.js';

const world = loadWorld(path.join(worldsDir(), 'office.yaml'), { knownRobots: () => true });
const goal: Goal = {
  kind: 'robot_at',
  robot: 'robot1',
  target: { position: { x: 3.8, y: 2.2 }, label: 'place kitchen' },
  tolerance: 0.25,
};
const scenario = {
  name: 'office <kitchen>',
  description: 'to the kitchen & back',
  file: '/scenarios/office.yaml',
  world,
  robots: ['robot1'],
  goal,
  timeLimitS: 60,
  metrics: ['success', 'time_s', 'collisions', 'path_length_m', 'energy_wh'],
} as unknown as Scenario;

const episode = (seed: number, success: boolean): EpisodeResult => ({
  seed,
  success,
  reason: success ? 'goal_reached' : 'time_limit',
  endTimeS: success ? 20 : 60,
  metrics: {
    seed,
    success,
    time_s: success ? 20 : 60,
    collisions: success ? 0 : 1,
    path_length_m: 4.2,
    energy_wh: 0.05,
  },
  starts: { robot1: { x: 1, y: 5, theta: 0 } },
  objectStarts: { red_box: { x: 3 + seed / 10, y: 1.2, theta: 0 } },
  trajectories: {
    robot1: [
      { t: 0, x: 1, y: 5, theta: 0 },
      { t: 10, x: 2.5, y: 4, theta: -1 },
      { t: 20, x: success ? 3.8 : 2.0, y: success ? 2.2 : 2.9, theta: -1 },
    ],
  },
  collisions: success ? [] : [{ t: 15, robot: 'robot1', with: ['kitchen_table'] }],
});

describe('the HTML report', () => {
  const summary = summarizeBatch(scenario, [episode(1, true), episode(2, false)], [], {
    seeds: [1, 2],
    workers: 2,
    wallS: 3.2,
    createdAt: new Date('2025-01-01T00:00:00Z'),
  });
  const html = reportHtml(summary, world, goal);

  it('is one self-contained page: no script, nothing fetched', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html).not.toMatch(/href="http/);
  });

  it('draws the map from the world, with y pointing up', () => {
    expect(html.match(/<polyline class="wall"/g)).toHaveLength(world.walls.length);
    expect(html.match(/class="obstacle"/g)).toHaveLength(world.obstacles.length);
    expect(html).toContain('<title>dock dock</title>');
    // red_box is randomised: drawn once per episode at its drawn pose; the other objects at their world poses.
    expect(html.match(/class="object"/g)).toHaveLength(world.objects.length - 1 + 2);
    expect(html).toContain('red_box (red box, where it starts in seed 2)');
    expect(html).toContain('blue_ball (blue ball, where it starts)');
    expect(html).toContain('<circle class="goal" cx="3.8" cy="-2.2" r="0.25"');
    expect(html).toContain('viewBox="-0.5 -10.5 17 11"');
  });

  it('draws every trajectory, green for success and red for failure, with collisions', () => {
    expect(html).toMatch(
      /<polyline class="trajectory success" data-seed="1" points="1,-5 2.5,-4 3.8,-2.2" [^>]*stroke="#2ea043"/,
    );
    expect(html).toMatch(/<polyline class="trajectory failure" data-seed="2" [^>]*stroke="#d1242f"/);
    expect(html).toContain('seed 2: robot1 hit kitchen_table at 15 s');
  });

  it('has a histogram per metric, the aggregates and a row per episode, all escaped', () => {
    expect(html.match(/<svg[^>]*class="histogram"/g)).toHaveLength(5);
    expect(html).toContain('success rate 50%');
    expect(html).toContain('<td>Time (s)</td><td>2</td><td>40</td><td>40</td><td>56</td><td>20</td><td>60</td>');
    expect(html).toContain('<td class="fail">failure</td><td>time limit</td>');
    expect(html).toContain('<h1>office &lt;kitchen&gt;</h1>');
    expect(html).toContain('to the kitchen &amp; back');
  });

  it('writes seeds as ranges', () => {
    expect(seedList([5, 1, 2, 3, 9, 10])).toBe('1..3, 5, 9..10');
    expect(seedList([])).toBe('');
  });
});
