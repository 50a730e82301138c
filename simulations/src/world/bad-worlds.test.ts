import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserInputError } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { loadWorld, parseWorld } from './load-world.js';
import { WorldErrorCode } from './world-errors.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const knownRobots = ['diffbot', 'mobile-manipulator'];

/** Each bad world, the code it raises, where, and what the message says was expected. */
const cases: readonly [file: string, code: string, at: string, says: RegExp][] = [
  ['duplicate-place.yaml', WorldErrorCode.Yaml, '5:3', /Map keys must be unique/],
  ['missing-bounds.yaml', WorldErrorCode.Schema, '1:1', /bounds: required; expected object/],
  [
    'unknown-key.yaml',
    WorldErrorCode.Schema,
    '7:5',
    /obstacles\[0\]: unknown key 'colour'; did you mean 'color'\? \(expected one of: color, height, id, label, points, pose, radius, shape, width\)/,
  ],
  ['zero-mass.yaml', WorldErrorCode.Schema, '8:11', /objects\[0\]\.mass: expected a mass > 0 kg, got 0$/],
  ['negative-mass.yaml', WorldErrorCode.Schema, '7:11', /objects\[0\]\.mass: expected a mass > 0 kg, got -0\.5$/],
  ['zero-size.yaml', WorldErrorCode.Schema, '5:12', /obstacles\[0\]\.width: expected a width > 0 m, got 0$/],
  [
    'negative-thickness.yaml',
    WorldErrorCode.Schema,
    '5:16',
    /walls\[0\]\.thickness: expected a thickness > 0 m, got -0\.1$/,
  ],
  [
    'shape-fields-mismatch.yaml',
    WorldErrorCode.Schema,
    '4:12',
    /a circle needs 'radius'[^]*5:12: .*'width' does not apply to a circle/,
  ],
  [
    'bad-pose.yaml',
    WorldErrorCode.Schema,
    '4:11',
    /docks\[0\]\.pose: expected a pose \[x, y, theta_deg\] or \{x, y, theta_deg\}/,
  ],
  [
    'bad-bounds.yaml',
    WorldErrorCode.Schema,
    '4:8',
    /bounds\.max: expected max \[x, y\] greater than min \[0, 0\] on both axes, got \[10, -1\]/,
  ],
  [
    'bad-color-channel.yaml',
    WorldErrorCode.Schema,
    '3:15',
    /floor_color\[0\]: expected a colour channel, a whole number 0-255, got 300/,
  ],
  [
    'unknown-color.yaml',
    WorldErrorCode.Color,
    '4:65',
    /unknown colour 'yelow'; did you mean 'yellow'\? \(expected \[r, g, b\] or one of: .*red/,
  ],
  [
    'polygon-too-few-points.yaml',
    WorldErrorCode.Geometry,
    '5:13',
    /a polygon needs at least 3 distinct corners .*got 2/,
  ],
  [
    'polygon-not-closed.yaml',
    WorldErrorCode.Geometry,
    '11:9',
    /the last point \[0\.0003, 0\.0002\] almost repeats the first \[0, 0\] \(0\.361 mm apart\): .*repeat the first point exactly or leave it out/,
  ],
  [
    'polygon-self-intersecting.yaml',
    WorldErrorCode.Geometry,
    '9:9',
    /the polygon crosses itself: edge points\[0\]→points\[1\] meets edge points\[2\]→points\[3\] at \(1, 1\); expected a simple polygon/,
  ],
  ['wall-zero-segment.yaml', WorldErrorCode.Geometry, '4:30', /wall segment points\[1\]→points\[2\] has no length/],
  [
    'duplicate-id.yaml',
    WorldErrorCode.Duplicate,
    '6:11',
    /duplicate id 'desk': already used on line 4, column 11; expected unique names/,
  ],
  [
    'duplicate-spawn-name.yaml',
    WorldErrorCode.Duplicate,
    '5:13',
    /duplicate robot name 'robot1': already used on line 4/,
  ],
  [
    'dock-outside-bounds.yaml',
    WorldErrorCode.OutOfBounds,
    '4:11',
    /dock 'dock_1' at \(11, 5\) is outside the bounds \[0, 0\]\.\.\[10, 10\]/,
  ],
  [
    'place-outside-bounds.yaml',
    WorldErrorCode.OutOfBounds,
    '5:11',
    /place 'garden' at \(-1, 5\) is outside the bounds/,
  ],
  [
    'spawn-outside-bounds.yaml',
    WorldErrorCode.OutOfBounds,
    '6:11',
    /spawn 'robot1' at \(9\.9, 5\) is outside the bounds \[0, 0\]\.\.\[10, 10\]; expected a position at least 0\.15 m inside them/,
  ],
  [
    'spawn-in-obstacle.yaml',
    WorldErrorCode.SpawnBlocked,
    '8:11',
    /spawn 'robot1' at \(5\.5, 5\.2\) is inside obstacle 'desk'; expected at least 0\.15 m/,
  ],
  ['spawn-near-obstacle.yaml', WorldErrorCode.SpawnBlocked, '8:11', /is only 0\.1 m from obstacle 'pillar'/],
  [
    'spawn-in-wall.yaml',
    WorldErrorCode.SpawnBlocked,
    '8:11',
    /spawn 'robot1' at \(3, 5\.2\) is only 0\.1 m from wall 'north'/,
  ],
  ['spawn-on-object.yaml', WorldErrorCode.SpawnBlocked, '8:11', /is only 0\.041 m from object 'ball'/],
  [
    'spawns-too-close.yaml',
    WorldErrorCode.SpawnsTooClose,
    '5:43',
    /spawns 'robot1' and 'robot2' are 0\.2 m apart; expected at least 0\.3 m/,
  ],
  [
    'unknown-robot.yaml',
    WorldErrorCode.UnknownRobot,
    '5:12',
    /unknown robot type 'difbot'; did you mean 'diffbot'\? \(expected one of: diffbot, mobile-manipulator\)/,
  ],
];

describe('bad world files', () => {
  it.each(cases)('%s raises %s at its line and column', (name, code, at, says) => {
    const file = path.join(fixtures, name);
    let raised: unknown;
    try {
      loadWorld(file, { knownRobots });
    } catch (error) {
      raised = error;
    }
    expect(raised).toBeInstanceOf(UserInputError);
    const error = raised as UserInputError;
    expect(error.code).toBe(code);
    expect(error.message.startsWith(`${file}:${at}: `)).toBe(true);
    expect(error.message).toMatch(says);
    expect(error.location).toEqual({ file, line: Number(at.split(':')[0]), col: Number(at.split(':')[1]) });
  });

  it('has a case for every fixture', async () => {
    const { readdirSync } = await import('node:fs');
    const yamlFixtures = readdirSync(fixtures).filter((n) => n.endsWith('.yaml'));
    expect(yamlFixtures.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it('covers every world error code but the missing file one (tested below)', () => {
    const used = new Set(cases.map(([, code]) => code));
    expect(Object.values(WorldErrorCode).filter((code) => !used.has(code))).toEqual([WorldErrorCode.NotFound]);
  });

  it('says where YAML is malformed', () => {
    expect(() =>
      parseWorld('name: bad\nbounds: {min: [0, 0], max: [10, 10]\nspawns: []\n', 'w.yaml', { knownRobots }),
    ).toThrow(
      expect.objectContaining({
        code: WorldErrorCode.Yaml,
        message: expect.stringMatching(/^w\.yaml:3:1: malformed YAML/),
      }),
    );
  });

  it('says which file is missing', () => {
    const file = path.join(fixtures, 'no-such-world.yaml');
    expect(() => loadWorld(file, { knownRobots })).toThrow(
      expect.objectContaining({
        code: WorldErrorCode.NotFound,
        message: expect.stringContaining('no-such-world.yaml'),
      }),
    );
  });
});
