import { describe, expect, it } from 'vitest';
import { clearanceAt, reachableTargets } from './fixtures/free-space.js';
import { DEFAULT_ROBOT_CLEARANCE, loadWorld } from './load-world.js';
import type { Vec2, World } from './world-types.js';
import { listWorlds, resolveWorldFile } from './worlds-dir.js';

const knownRobots = ['diffbot', 'mobile-manipulator'];
const load = (name: string): World => loadWorld(resolveWorldFile(name), { knownRobots });
/** A robot a little wider than the diffbot (0.105 m), so that a mobile manipulator gets through too. */
const ROBOT_RADIUS = 0.2;

/** Every place, dock approach and spawn can be driven to from the first spawn. */
function expectAllReachable(world: World): void {
  const targets: [string, Vec2][] = [
    ...Object.entries(world.places),
    ...world.spawns.map((s): [string, Vec2] => [`spawn ${s.name}`, s.pose]),
  ];
  const start = world.spawns[0]?.pose as Vec2;
  const reached = reachableTargets(
    world,
    start,
    targets.map(([, p]) => p),
    ROBOT_RADIUS,
  );
  expect(targets.filter((_, i) => !reached[i]).map(([name]) => name)).toEqual([]);
}

/** Every spawn and place leaves a robot room around it. */
function expectFree(world: World): void {
  for (const spawn of world.spawns) expect(clearanceAt(world, spawn.pose), spawn.name).toBeGreaterThanOrEqual(0.3);
  for (const [name, place] of Object.entries(world.places))
    expect(clearanceAt(world, place), name).toBeGreaterThanOrEqual(DEFAULT_ROBOT_CLEARANCE);
}

describe('shipped worlds', () => {
  it('all load', () => {
    for (const name of listWorlds()) expect(load(name).name).toBe(name);
  });

  describe('empty-room', () => {
    const world = load('empty-room');

    it('is a 6 x 6 m room with one diffbot in the middle and a dock in a corner', () => {
      const [walls] = world.walls;
      const xs = walls?.points.map((p) => p.x) ?? [];
      const ys = walls?.points.map((p) => p.y) ?? [];
      expect(Math.max(...xs) - Math.min(...xs)).toBe(6);
      expect(Math.max(...ys) - Math.min(...ys)).toBe(6);
      expect(world.obstacles).toEqual([]);
      expect(world.spawns).toEqual([{ name: 'robot1', robot: 'diffbot', pose: { x: 0, y: 0, theta: 0 } }]);
      expect(world.docks).toHaveLength(1);
      expect(Math.abs(world.docks[0]?.pose.x ?? 0)).toBeGreaterThan(2);
      expect(Math.abs(world.docks[0]?.pose.y ?? 0)).toBeGreaterThan(2);
    });

    it('leaves every spawn and place free and reachable', () => {
      expectFree(world);
      expectAllReachable(world);
    });
  });

  describe('office', () => {
    const world = load('office');

    it('has rooms, furniture, places, a dock, objects and two robots', () => {
      expect(world.bounds.max.x - world.bounds.min.x).toBeCloseTo(17);
      expect(world.bounds.max.y - world.bounds.min.y).toBeCloseTo(11);
      expect(world.walls).toHaveLength(13);
      expect(world.obstacles).toHaveLength(16);
      expect(world.obstacles.map((o) => o.shape.kind)).toEqual(expect.arrayContaining(['box', 'circle', 'polygon']));
      expect(Object.keys(world.places)).toEqual(
        expect.arrayContaining(['kitchen', 'meeting_room', 'office_1', 'corridor', 'dock_approach']),
      );
      expect(world.places['kitchen']).toEqual({ x: 3.8, y: 2.2, theta: Math.PI });
      expect(world.docks).toEqual([{ id: 'dock', pose: { x: 15.5, y: 9.5, theta: Math.PI / 4 }, radius: 0.3 }]);
      expect(world.objects.map((o) => `${o.colorName} ${o.label}`)).toEqual([
        'red box',
        'blue ball',
        'green box',
        'yellow ball',
      ]);
      expect(world.spawns.map((s) => [s.name, s.robot])).toEqual([
        ['robot1', 'diffbot'],
        ['robot2', 'mobile-manipulator'],
      ]);
    });

    it('has doors a robot fits through: every room is reachable from the corridor', () => {
      expectFree(world);
      expectAllReachable(world);
    });
  });

  describe('warehouse', () => {
    const world = load('warehouse');

    it('has shelf rows, coloured things to fetch, stations, a dock and ten robots', () => {
      expect(world.bounds.max.x - world.bounds.min.x).toBeCloseTo(21);
      expect(world.bounds.max.y - world.bounds.min.y).toBeCloseTo(15);
      expect(world.obstacles.filter((o) => o.label === 'shelf')).toHaveLength(8);
      expect(new Set(world.objects.map((o) => o.label))).toEqual(new Set(['box', 'crate', 'ball']));
      expect(new Set(world.objects.map((o) => o.colorName))).toEqual(new Set(['red', 'green', 'blue', 'yellow']));
      const graspable = world.objects.filter((o) => o.graspable);
      expect(graspable.length).toBeGreaterThan(world.objects.length / 2);
      for (const o of graspable) expect(o.mass).toBeLessThanOrEqual(0.4);
      expect(world.docks).toHaveLength(1);
      expect(Object.keys(world.places)).toEqual(
        expect.arrayContaining(['pick_up', 'drop_off', 'dock_approach', 'aisle_1_west', 'aisle_3_east']),
      );
      expect(world.spawns.map((s) => s.name)).toEqual(Array.from({ length: 10 }, (_, i) => `robot${i + 1}`));
      expect(new Set(world.spawns.map((s) => s.robot))).toEqual(new Set(knownRobots));
      expect(world.spawns[0]?.pose).toEqual({ x: 6, y: 1.3, theta: 0 });
    });

    it('keeps aisles between shelf rows at least 1.2 m wide', () => {
      const shelves = world.obstacles
        .filter((o) => o.label === 'shelf')
        .map((o) => {
          if (o.shape.kind !== 'box' || o.pose.theta !== 0) throw new Error('shelves are axis-aligned boxes');
          const w = o.shape.width / 2;
          const h = o.shape.height / 2;
          return { minX: o.pose.x - w, maxX: o.pose.x + w, minY: o.pose.y - h, maxY: o.pose.y + h };
        });
      for (const a of shelves)
        for (const b of shelves) {
          if (a === b) continue;
          const gapX = Math.max(b.minX - a.maxX, a.minX - b.maxX);
          const gapY = Math.max(b.minY - a.maxY, a.minY - b.maxY);
          expect(Math.max(gapX, gapY)).toBeGreaterThanOrEqual(1.2);
        }
    });

    it('spawns robots far apart, on free floor, each able to reach every station', () => {
      for (const a of world.spawns)
        for (const b of world.spawns)
          if (a !== b) expect(Math.hypot(a.pose.x - b.pose.x, a.pose.y - b.pose.y)).toBeGreaterThanOrEqual(1.5);
      expectFree(world);
      expectAllReachable(world);
    });
  });
});
