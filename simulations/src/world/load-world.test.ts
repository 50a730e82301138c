import { describe, expect, it } from 'vitest';
import { COLOR_TABLE } from './color-table.js';
import { parseWorld } from './load-world.js';
import { WorldErrorCode } from './world-errors.js';

const knownRobots = ['diffbot', 'mobile-manipulator'];
const parse = (text: string, options: Partial<Parameters<typeof parseWorld>[2]> = {}) =>
  parseWorld(text, 'worlds/test-room.yaml', { knownRobots, ...options });
const BOUNDS = 'bounds: {min: [0, 0], max: [10, 10]}\n';

describe('loading a world', () => {
  it('fills defaults for everything but the bounds', () => {
    const world = parse(BOUNDS);
    expect(world).toEqual({
      name: 'test-room',
      description: '',
      file: 'worlds/test-room.yaml',
      bounds: { min: { x: 0, y: 0 }, max: { x: 10, y: 10 } },
      floorColor: COLOR_TABLE['light_grey'],
      skyColor: COLOR_TABLE['sky'],
      walls: [],
      obstacles: [],
      objects: [],
      docks: [],
      places: {},
      spawns: [],
    });
  });

  it('accepts list keys left empty', () => {
    expect(parse(`${BOUNDS}walls:\nobstacles:\nplaces:\nspawns: []\n`).walls).toEqual([]);
  });

  it('turns degrees into radians in (-π, π], from either pose form', () => {
    const world = parse(
      `${BOUNDS}places:\n  a: [1, 2, 90]\n  b: {x: 3, y: 4, theta_deg: 270}\n  c: [5, 6]\n  d: {x: 7, y: 8}\n  e: [1, 1, -180]\n`,
    );
    expect(world.places['a']).toEqual({ x: 1, y: 2, theta: Math.PI / 2 });
    expect(world.places['b']?.theta).toBeCloseTo(-Math.PI / 2);
    expect(world.places['c']).toEqual({ x: 5, y: 6, theta: 0 });
    expect(world.places['d']).toEqual({ x: 7, y: 8, theta: 0 });
    expect(world.places['e']?.theta).toBe(Math.PI);
  });

  it('resolves colour names and RGB values, and names RGB objects by the nearest colour', () => {
    const world = parse(
      `${BOUNDS}floor_color: [10, 20, 30]\nsky_color: White\nobjects:\n` +
        '  - {shape: box, width: 0.2, height: 0.2, pose: [1, 1], color: [210, 30, 35]}\n' +
        '  - {shape: circle, radius: 0.1, pose: [2, 2], color: gray}\n',
    );
    expect(world.floorColor).toEqual([10, 20, 30]);
    expect(world.skyColor).toEqual(COLOR_TABLE['white']);
    expect(world.objects.map((o) => [o.colorName, o.color])).toEqual([
      ['red', [210, 30, 35]],
      ['grey', COLOR_TABLE['grey']],
    ]);
  });

  it('gives objects their defaults and generated ids that avoid the written ones', () => {
    const world = parse(
      `${BOUNDS}walls:\n  - {points: [[0, 0], [10, 0]]}\n  - {id: wall_1, points: [[0, 10], [10, 10]], thickness: 0.3}\n` +
        'obstacles:\n  - {shape: circle, radius: 0.2, pose: [5, 5], label: Potted Plant}\n' +
        'objects:\n  - {shape: box, width: 0.2, height: 0.2, pose: [1, 1], color: red}\n' +
        '  - {shape: circle, radius: 0.1, pose: [2, 2], color: red}\n  - {shape: circle, radius: 0.1, pose: [3, 3], color: red}\n' +
        'docks:\n  - pose: [9, 9]\n',
    );
    expect(world.walls.map((w) => [w.id, w.thickness, w.color])).toEqual([
      ['wall_2', 0.1, COLOR_TABLE['grey']],
      ['wall_1', 0.3, COLOR_TABLE['grey']],
    ]);
    expect(world.obstacles[0]).toMatchObject({
      id: 'potted_plant_1',
      label: 'Potted Plant',
      shape: { kind: 'circle', radius: 0.2 },
    });
    expect(world.objects.map((o) => o.id)).toEqual(['red_box_1', 'red_ball_1', 'red_ball_2']);
    expect(world.objects[0]).toMatchObject({ label: 'box', mass: 0.2, friction: 0.5, graspable: true });
    expect(world.docks).toEqual([{ id: 'dock_1', pose: { x: 9, y: 9, theta: 0 }, radius: 0.3 }]);
  });

  it('keeps polygons counter-clockwise, dropping a repeated first point', () => {
    const world = parse(
      `${BOUNDS}obstacles:\n  - {shape: polygon, points: [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]], pose: [5, 5]}\n`,
    );
    expect(world.obstacles[0]?.shape).toEqual({
      kind: 'polygon',
      points: [
        { x: 1, y: 0 },
        { x: 1, y: 1 },
        { x: 0, y: 1 },
        { x: 0, y: 0 },
      ],
    });
  });

  it('rejects a polygon whose points lie on one line', () => {
    expect(() =>
      parse(`${BOUNDS}obstacles:\n  - {shape: polygon, points: [[0, 0], [1, 1], [2, 2]], pose: [5, 5]}\n`),
    ).toThrow(/^worlds\/test-room\.yaml:3:30: the polygon encloses no area \(its points lie on one line\)/);
  });

  it('suggests the key meant, at the top level and inside a pose', () => {
    expect(() => parse(`${BOUNDS}spawn: []\n`)).toThrow(/:2:1: unknown key 'spawn'; did you mean 'spawns'\?/);
    expect(() => parse(`${BOUNDS}places:\n  a: {x: 1, y: 1, theta: 90}\n`)).toThrow(
      /:3:19: places\.a: unknown key 'theta'; did you mean 'theta_deg'\?/,
    );
  });

  it('wants robot and place names usable as ROS names', () => {
    expect(() => parse(`${BOUNDS}spawns:\n  - {name: robot-1, robot: diffbot, pose: [5, 5]}\n`)).toThrow(
      expect.objectContaining({
        code: WorldErrorCode.Schema,
        message: expect.stringMatching(/expected a robot name of letters, digits and '_'/),
      }),
    );
    expect(() => parse(`${BOUNDS}places:\n  2nd_floor: [1, 1]\n`)).toThrow(/expected a place name of letters/);
  });

  it('lists several schema problems at once, in file order', () => {
    expect(() => parse(`${BOUNDS}objects:\n  - {shape: box, width: -1, height: 0, pose: [1, 1], mass: 0}\n`)).toThrow(
      /3 problems:\n.*width.*\n.*height.*\n.*mass: expected a mass > 0 kg, got 0/,
    );
  });

  it('takes a predicate for robot types, and then lists none', () => {
    const text = `${BOUNDS}spawns:\n  - {name: r1, robot: rover, pose: [5, 5]}\n`;
    expect(parse(text, { knownRobots: (name) => name === 'rover' }).spawns[0]?.robot).toBe('rover');
    expect(() => parse(text, { knownRobots: () => false })).toThrow(/:3:23: unknown robot type 'rover'$/);
    expect(() => parse(text, { knownRobots: [] })).toThrow(
      /unknown robot type 'rover' \(expected one of: none known\)/,
    );
  });

  it('measures spawn clearance with the robot clearance asked for', () => {
    const nearWall = `${BOUNDS}walls:\n  - {points: [[0, 5], [10, 5]], thickness: 0.2}\nspawns:\n  - {name: r1, robot: diffbot, pose: [5, 5.22]}\n`;
    expect(() => parse(nearWall)).toThrow(expect.objectContaining({ code: WorldErrorCode.SpawnBlocked }));
    expect(parse(nearWall, { robotClearance: 0.1 }).spawns).toHaveLength(1);
    const pair = `${BOUNDS}spawns:\n  - {name: r1, robot: diffbot, pose: [5, 5]}\n  - {name: r2, robot: diffbot, pose: [5, 5.5]}\n`;
    expect(parse(pair).spawns).toHaveLength(2);
    expect(() => parse(pair, { robotClearance: 0.3 })).toThrow(
      expect.objectContaining({ code: WorldErrorCode.SpawnsTooClose }),
    );
    expect(() => parse(BOUNDS, { robotClearance: -1 })).toThrow(RangeError);
  });

  it('lets spawns stand on docks and places, which are not solid', () => {
    const world = parse(
      `${BOUNDS}docks:\n  - pose: [5, 5]\nplaces:\n  p: [5, 5]\nspawns:\n  - {name: r1, robot: diffbot, pose: [5, 5]}\n`,
    );
    expect(world.spawns[0]?.pose).toEqual({ x: 5, y: 5, theta: 0 });
  });

  it('keeps a spawn name apart from the ids of things it could bump into', () => {
    expect(() =>
      parse(
        `${BOUNDS}obstacles:\n  - {id: r1, shape: circle, radius: 0.1, pose: [1, 1]}\nspawns:\n  - {name: r1, robot: diffbot, pose: [5, 5]}\n`,
      ),
    ).toThrow(expect.objectContaining({ code: WorldErrorCode.Duplicate }));
  });

  it('wants objects inside the bounds', () => {
    expect(() => parse(`${BOUNDS}objects:\n  - {shape: circle, radius: 0.1, pose: [12, 1]}\n`)).toThrow(
      /object 'grey_ball_1' at \(12, 1\) is outside the bounds/,
    );
  });
});
