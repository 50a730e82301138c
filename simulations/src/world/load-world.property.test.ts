import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserInputError } from '@omnimind/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distancePointToPolyline } from './geometry/point-segment-distance.js';
import { distancePointToShape } from './geometry/shape-distance.js';
import { DEFAULT_ROBOT_CLEARANCE, parseWorld } from './load-world.js';
import type { World } from './world-types.js';
import { worldsDir } from './worlds-dir.js';

const options = { knownRobots: ['diffbot', 'mobile-manipulator'] };

/** Parses `text`; anything thrown must be a UserInputError. Returns the world, if any. */
function parseOrUserError(text: string): World | undefined {
  try {
    return parseWorld(text, 'fuzz.yaml', options);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    expect(error.message).toMatch(/^fuzz\.yaml:\d+:\d+: /);
    return undefined;
  }
}

/** Mostly `good`, sometimes `bad`: enough valid worlds get past the schema to reach the later checks. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 40 }, { arbitrary: bad, weight: 1 });

const coordinate = mostly(fc.double({ min: 0.5, max: 9.5, noNaN: true }), fc.constantFrom(-1, 10.5, 1e-300));
const point = fc.tuple(coordinate, coordinate);
const size = mostly(fc.double({ min: 0.01, max: 2, noNaN: true }), fc.constantFrom(0, -0.5, 'big'));
const pose = mostly(
  fc.oneof(
    fc.tuple(coordinate, coordinate),
    fc.tuple(coordinate, coordinate, fc.integer({ min: -720, max: 720 })),
    fc.record(
      { x: coordinate, y: coordinate, theta_deg: fc.integer({ min: -360, max: 360 }) },
      { requiredKeys: ['x', 'y'] },
    ),
  ),
  fc.constantFrom([1], [1, 2, 3, 4], { x: 1 }, { x: 1, y: 1, theta: 3 }, 'here'),
);
const color = mostly(
  fc.oneof(fc.constantFrom('red', 'green', 'blue', 'grey', 'Gray'), fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255))),
  fc.constantFrom('redd', '', [300, 0, 0], [1, 2]),
);
const id = mostly(fc.constantFrom('a', 'b', 'c', 'wall_1', 'box_1', 'robot1'), fc.constantFrom('1x', 'a b'));
const label = mostly(fc.constantFrom('box', 'desk', 'Big Shelf'), fc.constant(''));
const polygon = mostly(
  fc.constantFrom(
    [
      [0, 0],
      [1, 0],
      [1, 1],
    ],
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0.5],
      [0, 0],
    ],
  ),
  fc.array(point, { maxLength: 6 }),
);
const box = fc.record({ shape: fc.constant('box'), width: size, height: size });
const circle = fc.record({ shape: fc.constant('circle'), radius: size });
const badShape = fc.oneof(
  fc.record({ shape: fc.constant('circle'), width: size }),
  fc.record({ shape: fc.constant('star') }),
);
const obstacleShape = mostly(
  fc.oneof(box, circle, fc.record({ shape: fc.constant('polygon'), points: polygon })),
  badShape,
);
const objectShape = mostly(fc.oneof(box, circle), badShape);
const worldStructure = fc.record(
  {
    name: mostly(fc.constantFrom('w', 'office'), fc.constant('')),
    bounds: mostly(fc.constant({ min: [0, 0], max: [10, 10] }), fc.record({ min: point, max: point })),
    floor_color: color,
    walls: fc.array(
      fc.record(
        {
          id,
          points: mostly(fc.array(point, { minLength: 2, maxLength: 4 }), fc.array(point, { maxLength: 1 })),
          thickness: size,
          color,
        },
        { requiredKeys: ['points'] },
      ),
      { maxLength: 3 },
    ),
    obstacles: fc.array(fc.tuple(obstacleShape, fc.record({ id, pose, color, label }, { requiredKeys: ['pose'] })), {
      maxLength: 4,
    }),
    objects: fc.array(
      fc.tuple(
        objectShape,
        fc.record(
          { id, pose, mass: size, friction: size, graspable: fc.boolean(), color, label },
          { requiredKeys: ['pose'] },
        ),
      ),
      { maxLength: 4 },
    ),
    docks: fc.array(fc.record({ id, pose, radius: size }, { requiredKeys: ['pose'] }), { maxLength: 2 }),
    places: fc.dictionary(
      mostly(fc.constantFrom('kitchen', 'dock_approach', 'x'), fc.constantFrom('9lives', '__proto__')),
      pose,
      {
        maxKeys: 3,
      },
    ),
    spawns: fc.array(
      fc.record({
        name: mostly(fc.constantFrom('robot1', 'robot2', 'robot3', 'a'), fc.constant('bad-name')),
        robot: mostly(fc.constantFrom('diffbot', 'mobile-manipulator'), fc.constant('difbot')),
        pose,
      }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['bounds'] },
);

/** What a loaded world promises, whatever the file was. */
function expectSound(world: World): void {
  const inside = (p: { x: number; y: number }, margin = 0) =>
    p.x - margin >= world.bounds.min.x &&
    p.x + margin <= world.bounds.max.x &&
    p.y - margin >= world.bounds.min.y &&
    p.y + margin <= world.bounds.max.y;
  const ids = [...world.walls, ...world.obstacles, ...world.objects, ...world.docks].map((e) => e.id);
  expect(new Set([...ids, ...world.spawns.map((s) => s.name)]).size).toBe(ids.length + world.spawns.length);
  for (const dock of world.docks) expect(inside(dock.pose)).toBe(true);
  for (const place of Object.values(world.places)) expect(inside(place)).toBe(true);
  for (const spawn of world.spawns) {
    expect(inside(spawn.pose, DEFAULT_ROBOT_CLEARANCE)).toBe(true);
    for (const wall of world.walls)
      expect(distancePointToPolyline(spawn.pose, wall.points) - wall.thickness / 2).toBeGreaterThanOrEqual(
        DEFAULT_ROBOT_CLEARANCE,
      );
    for (const thing of [...world.obstacles, ...world.objects])
      expect(distancePointToShape(spawn.pose, thing.shape, thing.pose)).toBeGreaterThanOrEqual(DEFAULT_ROBOT_CLEARANCE);
  }
  for (const thing of [...world.obstacles, ...world.objects]) {
    if (thing.shape.kind === 'box') expect(thing.shape.width > 0 && thing.shape.height > 0).toBe(true);
    if (thing.shape.kind === 'circle') expect(thing.shape.radius).toBeGreaterThan(0);
    expect(thing.pose.theta).toBeGreaterThan(-Math.PI - 1e-12);
    expect(thing.pose.theta).toBeLessThanOrEqual(Math.PI);
  }
}

describe('world files of any content', () => {
  it('raise nothing but UserInputErrors for arbitrary text (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: fc.constantFrom(...'{}[]:,- \n#&*!|>\'"abxy019.'), maxLength: 200 }),
        ),
        (text) => {
          parseOrUserError(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('raise nothing but UserInputErrors for arbitrary data (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (data) => {
        parseOrUserError(JSON.stringify(data) ?? 'null');
      }),
      { numRuns: 500 },
    );
  });

  it('load near-valid worlds soundly or say where they are wrong (property)', () => {
    let loaded = 0;
    fc.assert(
      fc.property(worldStructure, (structure) => {
        const flattened = {
          ...structure,
          obstacles: structure.obstacles?.map(([s, rest]) => ({ ...s, ...rest })),
          objects: structure.objects?.map(([s, rest]) => ({ ...s, ...rest })),
        };
        const world = parseOrUserError(JSON.stringify(flattened));
        if (world) {
          loaded += 1;
          expectSound(world);
        }
      }),
      { numRuns: 800 },
    );
    // The generator must reach the checks past the schema, not only fail at it.
    expect(loaded).toBeGreaterThan(20);
  });

  it('survive any one line of a shipped world deleted or garbled (property)', () => {
    const lines = readFileSync(path.join(worldsDir(), 'office.yaml'), 'utf8').split('\n');
    fc.assert(
      fc.property(
        fc.nat({ max: lines.length - 1 }),
        fc.string({ maxLength: 12 }),
        fc.boolean(),
        (index, noise, drop) => {
          const changed = [...lines];
          if (drop) changed.splice(index, 1);
          else changed[index] = `${(changed[index] ?? '').slice(0, noise.length)}${noise}`;
          const world = parseOrUserError(changed.join('\n'));
          if (world) expectSound(world);
        },
      ),
      { numRuns: 200 },
    );
  });
});
