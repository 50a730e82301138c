import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, scenariosDir } from './load-scenario.js';
import { episodeWorld } from './start-jitter.js';

const robots = ['diffbot', 'mobile-manipulator'];
const emptyRoom = loadScenario(path.join(scenariosDir(), 'empty-room-to-dock.yaml'));
const file = path.join(scenariosDir(), 'inline.yaml');

describe('episode worlds', () => {
  it('uses the world file as it is when nothing moves the starts', () => {
    const scenario = parseScenario(
      'world: empty-room\ngoal: {robot_at: {robot: robot1, place: centre}}\ntime_limit_s: 1\n',
      file,
    );
    const world = episodeWorld(scenario, 5, robots);
    expect(world.file).toBe(scenario.worldFile);
    expect(world.starts).toEqual({ robot1: { x: 0, y: 0, theta: 0 } });
  });

  it('moves each start within its jitter, the same way for the same seed, differently for others', () => {
    const starts = Array.from({ length: 20 }, (_, seed) => {
      const world = episodeWorld(emptyRoom, seed, robots);
      const text = readFileSync(world.file, 'utf8');
      world.dispose();
      expect(existsSync(world.file)).toBe(false);
      const start = world.starts['robot1'];
      if (!start) throw new Error('no start');
      expect(Math.abs(start.x)).toBeLessThanOrEqual(0.3);
      expect(Math.abs(start.y)).toBeLessThanOrEqual(0.3);
      expect(text).toContain(`pose: { x: ${start.x}, y: ${start.y}, theta_deg:`);
      expect(text).toContain('# a docked robot faces into the corner'); // the copy keeps the comments
      return start;
    });
    expect(new Set(starts.map((s) => s.x)).size).toBe(20);
    const again = episodeWorld(emptyRoom, 7, robots);
    again.dispose();
    expect(again.starts['robot1']).toEqual(starts[7]);
  });

  it('starts at the scenario pose, and says where a blocked one was written', () => {
    const at = (pose: string) =>
      `world: office\nrobots: [robot1]\nstart:\n  robot1: {pose: ${pose}}\ngoal: {robot_at: {robot: robot1, place: kitchen}}\ntime_limit_s: 1\n`;
    const scenario = parseScenario(at('[4, 3, 90]'), file);
    const world = episodeWorld(scenario, 1, robots);
    world.dispose();
    expect(world.starts['robot1']).toEqual({ x: 4, y: 3, theta: Math.PI / 2 });
    expect(() => parseScenario(at('[2.0, 2.3]'), file)).toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_SCENARIO_START_BLOCKED',
        message: expect.stringMatching(
          /inline\.yaml:4:18: the start pose of robot1 is not free in world 'office': .*kitchen_table/,
        ),
      }),
    );
  });

  it('gives up with a clear error when no draw is free', () => {
    const text =
      'world: office\nrobots: [robot1]\nstart:\n  robot1: {pose: [4, 3], xy_m: 0.01}\ngoal: {robot_at: {robot: robot1, place: kitchen}}\ntime_limit_s: 1\n';
    const scenario = parseScenario(text, file);
    // Inside the kitchen table, and every draw within 1 cm of it too.
    const blocked = { ...scenario, start: { robot1: { pose: { x: 2, y: 2.3, theta: 0 }, xy: 0.01, theta: 0 } } };
    expect(() => episodeWorld(blocked, 1, robots)).toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_SCENARIO_START_BLOCKED',
        message: expect.stringMatching(/inline\.yaml:4:3: seed 1: no free start pose for robot1/),
      }),
    );
  });
});
