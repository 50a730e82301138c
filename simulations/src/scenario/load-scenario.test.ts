import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserInputError } from '@omnimind/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { worldsDir } from '../world/worlds-dir.js';
import { loadScenario, parseScenario, scenariosDir } from './load-scenario.js';

const dir = mkdtempSync(path.join(tmpdir(), 'omnimind-scenario-'));
const file = path.join(dir, 's.yaml');
const parse = (text: string) => parseScenario(text, file);

const minimal = (goal: string, extra = '') =>
  `world: office\nrobots: [robot1]\ngoal:\n${goal}\ntime_limit_s: 30\n${extra}`;

/** Expects `text` to fail with `code` at `line:col` of the file, with a message matching `message`. */
function expectProblem(text: string, code: string, line: number, col: number, message: RegExp): void {
  try {
    parse(text);
    expect.unreachable(`expected ${code}`);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).code).toBe(code);
    expect((error as Error).message.startsWith(`${file}:${line}:${col}: `), (error as Error).message).toBe(true);
    expect((error as Error).message).toMatch(message);
  }
}

describe('scenario files', () => {
  it('loads the shipped empty-room scenario', () => {
    const scenario = loadScenario(path.join(scenariosDir(), 'empty-room-to-dock.yaml'));
    expect(scenario).toMatchObject({
      name: 'empty-room-to-dock',
      worldFile: path.join(worldsDir(), 'empty-room.yaml'),
      robots: ['robot1'],
      start: { robot1: { xy: 0.3, theta: Math.PI } },
      launch: undefined,
      goal: { kind: 'robot_at', robot: 'robot1', target: { position: { x: 2.6, y: 2.6 } }, tolerance: 0.3 },
      timeLimitS: 60,
      metrics: ['success', 'time_s', 'collisions', 'path_length_m', 'energy_wh'],
    });
    expect(scenario.world.name).toBe('empty-room');
    expect(scenario.nodes).toEqual([
      expect.objectContaining({ pkg: '@omnimind/simulator', plugin: 'goal-driver', namespace: '/robot1' }),
    ]);
    expect(scenario.nodes[0]?.paramLocations['dock']).toMatchObject({ line: 17, col: 13 });
  });

  it('resolves every kind of goal, with defaults, and keeps metrics in their canonical order', () => {
    const scenario = parse(
      [
        'world: office',
        'goal:',
        '  all:',
        '    - robot_at: {robot: robot2, place: lobby}',
        '    - object_at: {object: red_box, pose: [1, 2], tolerance: 0.5}',
        '    - all: [{robot_at: {robot: robot1, dock: dock, tolerance: 1}}]',
        'time_limit_s: 5',
        'metrics: [energy_wh, success]',
      ].join('\n'),
    );
    expect(scenario.name).toBe('s');
    expect(scenario.robots).toEqual(['robot1', 'robot2']);
    expect(scenario.metrics).toEqual(['success', 'energy_wh']);
    expect(scenario.goal).toEqual({
      kind: 'all',
      goals: [
        {
          kind: 'robot_at',
          robot: 'robot2',
          target: { position: { x: 14.5, y: 7.2 }, label: 'place lobby' },
          tolerance: 0.25,
        },
        {
          kind: 'object_at',
          object: 'red_box',
          target: { position: { x: 1, y: 2 }, label: 'pose [1, 2]' },
          tolerance: 0.5,
        },
        {
          kind: 'all',
          goals: [
            {
              kind: 'robot_at',
              robot: 'robot1',
              target: { position: { x: 15.5, y: 9.5 }, label: 'dock dock' },
              tolerance: 1,
            },
          ],
        },
      ],
    });
  });

  it('resolves a world path and a launch file from the scenario folder', () => {
    copyFileSync(path.join(worldsDir(), 'empty-room.yaml'), path.join(dir, 'room.yaml'));
    writeFileSync(path.join(dir, 'drive.launch.yaml'), 'launch: []\n');
    const scenario = parse(
      'world: ./room.yaml\nlaunch: drive.launch.yaml\nlaunch_args: {speed: 0.2}\ngoal: {robot_at: {robot: robot1, place: centre}}\ntime_limit_s: 1\n',
    );
    expect(scenario.worldFile).toBe(path.join(dir, 'room.yaml'));
    expect(scenario.launch).toEqual({ file: path.join(dir, 'drive.launch.yaml'), args: { speed: '0.2' } });
  });

  it('reports each problem at its file:line:col', () => {
    const robotAt = '  robot_at: {robot: robot1, place: kitchen}';
    expectProblem('world: [office\n', 'OMNI_ERR_SCENARIO_YAML', 2, 1, /malformed YAML/);
    expectProblem(
      minimal(robotAt, 'time_limit: 3\n'),
      'OMNI_ERR_SCENARIO_SCHEMA',
      6,
      1,
      /unknown key 'time_limit'; did you mean 'time_limit_s'\?/,
    );
    expectProblem(
      'world: office\ngoal: {robot_at: {robot: robot1, place: kitchen}}\n',
      'OMNI_ERR_SCENARIO_SCHEMA',
      1,
      1,
      /time_limit_s: required; expected number/,
    );
    expectProblem(
      minimal(robotAt).replace('30', '-1'),
      'OMNI_ERR_SCENARIO_SCHEMA',
      5,
      15,
      /expected a time limit \(s\) > 0, got -1/,
    );
    expectProblem(
      minimal('  robot_at: {robot: robot1}'),
      'OMNI_ERR_SCENARIO_SCHEMA',
      4,
      13,
      /expected a target: one of 'place', 'dock' or 'pose: \[x, y\]'/,
    );
    expectProblem(
      minimal('  robot_at: {robot: robot1, place: kitchen, pose: [1, 2]}'),
      'OMNI_ERR_SCENARIO_SCHEMA',
      4,
      51,
      /not both 'place' and 'pose'/,
    );
    expectProblem(
      minimal('  robot_at: {robot: robot1, place: kitchen, tolerance: 0}'),
      'OMNI_ERR_SCENARIO_SCHEMA',
      4,
      56,
      /expected a tolerance \(m\) > 0/,
    );
    expectProblem(
      minimal(`${robotAt}\n  object_at: {object: red_box, dock: dock}`),
      'OMNI_ERR_SCENARIO_SCHEMA',
      5,
      14,
      /not both 'robot_at' and 'object_at'/,
    );
    expectProblem(minimal('  all: []'), 'OMNI_ERR_SCENARIO_SCHEMA', 4, 8, /'all' needs at least one goal/);
    expectProblem(minimal(robotAt, 'metrics: [success, speed]\n'), 'OMNI_ERR_SCENARIO_SCHEMA', 6, 20, /metrics\[1\]/);
    expectProblem(
      minimal(robotAt, 'metrics: [success, success]\n'),
      'OMNI_ERR_SCENARIO_SCHEMA',
      6,
      10,
      /each metric may be listed once/,
    );
    expectProblem(
      minimal(robotAt, 'launch_args: {a: 1}\n'),
      'OMNI_ERR_SCENARIO_SCHEMA',
      6,
      14,
      /'launch_args' needs 'launch'/,
    );
    expectProblem(
      minimal(robotAt, 'nodes:\n  - {pkg: x, plugin: y}\n'),
      'OMNI_ERR_SCENARIO_SCHEMA',
      7,
      5,
      /nodes\[0\]\.name: required/,
    );
  });

  it('reports names that are not in the world, with a did-you-mean', () => {
    expectProblem(
      minimal('  robot_at: {robot: robot1, place: kitchn}'),
      'OMNI_ERR_SCENARIO_REFERENCE',
      4,
      36,
      /world 'office' has no place 'kitchn'; did you mean 'kitchen'\?/,
    );
    expectProblem(
      minimal('  robot_at: {robot: robot2, place: kitchen}'),
      'OMNI_ERR_SCENARIO_REFERENCE',
      4,
      21,
      /this scenario has no robot 'robot2'.*\(this scenario has: robot1\)/,
    );
    expectProblem(
      minimal('  robot_at: {robot: robot1, dock: dok}'),
      'OMNI_ERR_SCENARIO_REFERENCE',
      4,
      35,
      /no dock 'dok'; did you mean 'dock'\?/,
    );
    expectProblem(
      minimal('  object_at: {object: red_bx, place: kitchen}'),
      'OMNI_ERR_SCENARIO_REFERENCE',
      4,
      23,
      /no movable object 'red_bx'; did you mean 'red_box'\?/,
    );
    expectProblem(
      minimal(
        '  all:\n    - robot_at: {robot: robot1, place: kitchen}\n    - robot_at: {robot: robot1, place: nowhere}',
      ),
      'OMNI_ERR_SCENARIO_REFERENCE',
      6,
      40,
      /no place 'nowhere'/,
    );
    expectProblem(
      minimal('  robot_at: {robot: robot1, place: kitchen}').replace('[robot1]', '[robot1, robot9]'),
      'OMNI_ERR_SCENARIO_REFERENCE',
      2,
      18,
      /world 'office' has no spawn 'robot9'; did you mean 'robot1'\?/,
    );
    expectProblem(
      minimal('  robot_at: {robot: robot1, place: kitchen}').replace('office', 'ofice'),
      'OMNI_ERR_SCENARIO_REFERENCE',
      1,
      8,
      /world 'ofice' not found/,
    );
    expectProblem(
      minimal('  robot_at: {robot: robot1, place: kitchen}', 'launch: missing.launch.yaml\n'),
      'OMNI_ERR_SCENARIO_REFERENCE',
      6,
      9,
      /launch file 'missing.launch.yaml' not found/,
    );
    expectProblem(
      minimal('  robot_at: {robot: robot1, place: kitchen}', 'start:\n  robot2: {xy_m: 1}\n'),
      'OMNI_ERR_SCENARIO_REFERENCE',
      7,
      3,
      /'start' names 'robot2', which is not a robot of this scenario/,
    );
  });

  it('says when the file is missing', () => {
    expect(() => loadScenario(path.join(dir, 'nope.yaml'))).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_SCENARIO_NOT_FOUND' }),
    );
  });

  it('never throws anything but a UserInputError on arbitrary input (property)', () => {
    const keys = fc.constantFrom(
      'world',
      'goal',
      'robots',
      'time_limit_s',
      'robot_at',
      'all',
      'place',
      'nodes',
      'start',
    );
    const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant('office'), fc.constant('robot1'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(keys, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(keys, value, { maxKeys: 5 }), fc.string({ maxLength: 40 }), (data, text) => {
        for (const input of [JSON.stringify(data), text]) {
          try {
            parse(input);
          } catch (error) {
            expect(error).toBeInstanceOf(UserInputError);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
