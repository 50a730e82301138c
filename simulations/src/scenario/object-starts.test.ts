import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlineGap, placedOutline } from '../world/geometry/outline-gap.js';
import { loadWorld } from '../world/load-world.js';
import { episodeRequests } from './episode-requests.js';
import { runEpisode } from './episode-runner.js';
import { parseScenario, scenariosDir } from './load-scenario.js';
import { episodeWorld } from './start-jitter.js';

const robots = ['diffbot', 'mobile-manipulator'];
const file = path.join(scenariosDir(), 'inline.yaml');
const office = (objects: string, extra = '') =>
  `world: office\nrobots: [robot1]\n${extra}objects:\n${objects}\ngoal: {robot_at: {robot: robot1, place: kitchen}}\ntime_limit_s: 1\n`;

describe('randomised objects in scenarios', () => {
  it('moves each listed object within its jitter, the same way for the same seed, into the world copy', () => {
    const scenario = parseScenario(office('  red_box: {xy_m: 0.3, theta_deg: 90}'), file);
    const drawn = Array.from({ length: 30 }, (_, seed) => {
      const world = episodeWorld(scenario, seed, robots);
      const moved = loadWorld(world.file, { knownRobots: robots }).objects.find((o) => o.id === 'red_box');
      world.dispose();
      const pose = world.objectStarts['red_box'];
      if (!pose || !moved) throw new Error('no object start');
      expect(Math.abs(pose.x - 3.5)).toBeLessThanOrEqual(0.3);
      expect(Math.abs(pose.y - 1.2)).toBeLessThanOrEqual(0.3);
      expect(Math.abs(pose.theta)).toBeLessThanOrEqual(Math.PI / 2 + 1e-9);
      expect(moved.pose.x).toBeCloseTo(pose.x, 9);
      expect(moved.pose.y).toBeCloseTo(pose.y, 9);
      expect(moved.pose.theta).toBeCloseTo(pose.theta, 9);
      expect(Object.keys(world.objectStarts)).toEqual(['red_box']);
      return pose;
    });
    expect(new Set(drawn.map((p) => p.x)).size).toBe(30);
    const again = episodeWorld(scenario, 11, robots);
    again.dispose();
    expect(again.objectStarts['red_box']).toEqual(drawn[11]);
  });

  it('leaves the robots’ draws as they were when objects are added', () => {
    const start = 'start:\n  robot1: {xy_m: 0.3}\n';
    const without = parseScenario(
      `world: office\nrobots: [robot1]\n${start}goal: {robot_at: {robot: robot1, place: kitchen}}\ntime_limit_s: 1\n`,
      file,
    );
    const withObjects = parseScenario(office('  red_box: {xy_m: 0.2}', start), file);
    for (const seed of [1, 2, 3]) {
      const a = episodeWorld(without, seed, robots);
      const b = episodeWorld(withObjects, seed, robots);
      a.dispose();
      b.dispose();
      expect(b.starts).toEqual(a.starts);
    }
  });

  it('draws again where an object would overlap an obstacle, so every start is free', () => {
    // Beside the kitchen table (radius 0.5 at 2.0, 2.3): a third of the jitter square lies on it.
    const scenario = parseScenario(office('  red_box: {pose: [2.75, 2.3], xy_m: 0.4, theta_deg: 180}'), file);
    const table = scenario.world.obstacles.find((o) => o.id === 'kitchen_table');
    const box = scenario.world.objects.find((o) => o.id === 'red_box');
    if (!table || !box) throw new Error('office changed');
    let overlapping = 0;
    for (let i = 0; i < 400; i++) {
      const x = 2.35 + (0.8 * (i % 20)) / 19;
      const y = 1.9 + (0.8 * Math.floor(i / 20)) / 19;
      const gap = outlineGap(placedOutline(box.shape, { x, y, theta: 0 }), placedOutline(table.shape, table.pose));
      if (gap <= 0) overlapping++;
    }
    expect(overlapping).toBeGreaterThan(40);
    for (let seed = 0; seed < 30; seed++) {
      const world = episodeWorld(scenario, seed, robots);
      world.dispose();
      const pose = world.objectStarts['red_box'];
      if (!pose) throw new Error('no object start');
      expect(outlineGap(placedOutline(box.shape, pose), placedOutline(table.shape, table.pose))).toBeGreaterThan(0);
    }
  });

  it('gives up after 50 draws with an error at the objects section', () => {
    const scenario = parseScenario(office('  red_box: {xy_m: 0.01}'), file);
    const blocked = { ...scenario, objects: { red_box: { pose: { x: 2, y: 2.3, theta: 0 }, xy: 0.01, theta: 0 } } };
    expect(() => episodeWorld(blocked, 4, robots)).toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_SCENARIO_START_BLOCKED',
        message: expect.stringMatching(
          /inline\.yaml:4:3: seed 4: no free start pose for object red_box in 50 draws within the 'objects' jitter/,
        ),
      }),
    );
  });

  it('reports an unknown object id at its line with a did-you-mean, and a blocked pose at the pose', () => {
    expect(() => parseScenario(office('  red_bx: {xy_m: 0.1}'), file)).toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_SCENARIO_REFERENCE',
        message: expect.stringMatching(
          /inline\.yaml:4:3: world 'office' has no object 'red_bx'; did you mean 'red_box'\? \(world 'office' has: blue_ball, green_box, red_box, yellow_ball\)/,
        ),
      }),
    );
    expect(() => parseScenario(office('  red_box: {pose: [2.0, 2.3]}'), file)).toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_SCENARIO_START_BLOCKED',
        message: expect.stringMatching(
          /inline\.yaml:4:19: the start pose of object red_box is not free in world 'office': 'red_box' would overlap obstacle 'kitchen_table'/,
        ),
      }),
    );
    expect(() => parseScenario(office('  red_box: {pose: [3, 3], xy_m: -1}'), file)).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_SCENARIO_SCHEMA' }),
    );
  });

  it('records the drawn object poses in the episode result, deterministically', async () => {
    const text =
      'world: office\nrobots: [robot1]\nobjects:\n  red_box: {xy_m: 0.3, theta_deg: 45}\n' +
      'goal: {object_at: {object: red_box, pose: [3.5, 1.2], tolerance: 0.5}}\ntime_limit_s: 2\nmetrics: [success]\n';
    const scenario = parseScenario(text, file);
    const result = await runEpisode(scenario, 5);
    const world = episodeWorld(scenario, 5, robots);
    world.dispose();
    expect(result).toMatchObject({ success: true, objectStarts: world.objectStarts });
    expect(await runEpisode(scenario, 5)).toEqual(result);
  });
});

describe('start battery', () => {
  const emptyRoom = readFileSync(path.join(scenariosDir(), 'empty-room-to-dock.yaml'), 'utf8');
  const withBattery = (charge: string) =>
    parseScenario(
      emptyRoom.replace('robot1: { xy_m: 0.3, theta_deg: 180 }', `robot1: { battery: ${charge} }`),
      path.join(scenariosDir(), 'battery.yaml'),
    );

  it('is read from start.<robot>.battery and given to the simulator as battery_charge', async () => {
    const scenario = withBattery('0.25');
    expect(scenario.start['robot1']).toMatchObject({ battery: 0.25 });
    const requests = await episodeRequests(scenario, { seed: 1, worldFile: scenario.worldFile });
    const simulator = requests.find((r) => r.plugin === 'simulator');
    expect(simulator?.paramLayers[0]?.get('battery_charge')?.value).toEqual({ robot1: 0.25 });
    expect(() => withBattery('1.5')).toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_SCENARIO_SCHEMA',
        message: expect.stringContaining('expected a battery charge from 0 to 1'),
      }),
    );
  });

  it('starts the robot with that charge: an empty battery never reaches the dock', async () => {
    const flat = await runEpisode({ ...withBattery('0'), timeLimitS: 5 }, 1);
    expect(flat).toMatchObject({ success: false, reason: 'time_limit' });
    expect(flat.metrics.path_length_m).toBe(0);
    expect(flat.metrics.energy_wh).toBe(0);
    const charged = await runEpisode({ ...withBattery('0.5'), timeLimitS: 5 }, 1);
    expect(charged.metrics.path_length_m).toBeGreaterThan(0.3);
  });
});
