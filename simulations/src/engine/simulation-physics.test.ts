import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.js';
import type { Simulation } from './engine-types.js';
import { driveFor } from './testing/drive-for.js';
import { turtlebotLikeDescription } from './testing/test-robots.js';
import { TEST_COLORS, spawnAt, squareRoomWorld, testObject, testWorld } from './testing/test-worlds.js';
import type { World } from '../world/world-types.js';

const robot = turtlebotLikeDescription();
const robots = new Map([[robot.name, robot]]);
const radius = 0.105;
let sim: Simulation | undefined;
afterEach(() => sim?.dispose());

async function open(world: World): Promise<Simulation> {
  sim = await createSimulation({ world, robots, seed: 1, noise: false });
  return sim;
}

describe('physics', () => {
  it('stops a robot at a wall and reports the contact', async () => {
    const s = await open(
      squareRoomWorld({ halfSize: 1, thickness: 0.1, spawns: [spawnAt('r', robot.name, { x: 0, y: 0, theta: 0 })] }),
    );
    expect(s.robot('r').contacts()).toEqual({ bumped: false, with: [] });
    driveFor(s, 'r', { linear: 0.22, angular: 0 }, 10);
    const x = s.robot('r').groundTruth().pose.x;
    expect(x).toBeLessThan(0.95 - radius + 0.002);
    expect(x).toBeGreaterThan(0.95 - radius - 0.002);
    expect(s.robot('r').contacts()).toEqual({ bumped: true, with: ['room'] });
    // Backing off ends the contact.
    driveFor(s, 'r', { linear: -0.1, angular: 0 }, 1);
    expect(s.robot('r').contacts().bumped).toBe(false);
  });

  it('pushes a movable object, which stops soon after the robot does', async () => {
    const s = await open(
      testWorld({
        objects: [testObject('box', { x: 0.5, y: 0, theta: 0 }, { mass: 2 })],
        spawns: [spawnAt('r', robot.name, { x: 0, y: 0, theta: 0 })],
      }),
    );
    driveFor(s, 'r', { linear: 0.2, angular: 0 }, 5);
    const box = s.objects()[0]!;
    const robotX = s.robot('r').groundTruth().pose.x;
    // The robot drove ~1 m; the box ahead of it moved with it and stays in contact.
    expect(robotX).toBeGreaterThan(0.9);
    expect(box.pose.x).toBeGreaterThan(robotX + radius + 0.04);
    expect(box.pose.x).toBeLessThan(robotX + radius + 0.06);
    expect(s.robot('r').contacts().with).toContain('box');
    s.robot('r').command({ linear: 0, angular: 0 });
    s.step(200);
    const resting = s.objects()[0]!.pose;
    expect(resting.x - box.pose.x).toBeLessThan(0.1);
    s.step(100);
    expect(s.objects()[0]!.pose.x).toBeCloseTo(resting.x, 4);
  });

  it('blocks robots with static obstacles of every shape, a concave polygon included', async () => {
    // An L opening towards -x: the robot drives into its inner corner.
    const l = {
      kind: 'polygon' as const,
      points: [
        { x: 0, y: -0.5 },
        { x: 0.2, y: -0.5 },
        { x: 0.2, y: 0.5 },
        { x: 0, y: 0.5 },
        { x: 0, y: 0.3 },
        { x: 0.1, y: 0.3 },
        { x: 0.1, y: -0.3 },
        { x: 0, y: -0.3 },
      ],
    };
    const s = await open(
      testWorld({
        obstacles: [
          { id: 'bracket', shape: l, pose: { x: 1, y: 0, theta: 0 }, color: TEST_COLORS.green, label: 'bracket' },
          {
            id: 'pillar',
            shape: { kind: 'circle', radius: 0.2 },
            pose: { x: 0, y: 1, theta: 0 },
            color: TEST_COLORS.red,
            label: 'pillar',
          },
        ],
        spawns: [
          spawnAt('a', robot.name, { x: 0, y: 0, theta: 0 }),
          spawnAt('b', robot.name, { x: 0, y: 2, theta: -Math.PI / 2 }),
        ],
      }),
    );
    driveFor(s, ['a', 'b'], { linear: 0.2, angular: 0 }, 8);
    // Inside the L, its back at x = 1.1.
    expect(s.robot('a').groundTruth().pose.x).toBeCloseTo(1.1 - radius, 2);
    expect(s.robot('a').contacts().with).toEqual(['bracket']);
    expect(s.robot('b').groundTruth().pose.y).toBeCloseTo(1.2 + radius, 2);
    expect(s.robot('b').contacts().with).toEqual(['pillar']);
  });

  it('keeps a separate state per robot and lets robots shove each other', async () => {
    const s = await open(
      testWorld({
        spawns: [
          spawnAt('a', robot.name, { x: 0, y: 0, theta: 0 }),
          spawnAt('b', robot.name, { x: 0.5, y: 0, theta: Math.PI / 2 }),
        ],
      }),
    );
    expect(s.robots.map((r) => r.name)).toEqual(['a', 'b']);
    driveFor(s, 'b', { linear: 0, angular: 1 }, 1);
    expect(s.robot('a').groundTruth().pose).toEqual({ x: 0, y: 0, theta: 0 });
    expect(s.robot('a').wheelPositions()).toEqual({ left: 0, right: 0 });
    expect(s.robot('b').groundTruth().pose.theta).toBeGreaterThan(Math.PI / 2 + 0.5);
    // a drives into b: both report the contact, and b is pushed although its motors hold it still.
    const bBefore = s.robot('b').groundTruth().pose.x;
    driveFor(s, 'a', { linear: 0.2, angular: 0 }, 3);
    expect(s.robot('a').contacts().with).toEqual(['b']);
    expect(s.robot('b').contacts().with).toEqual(['a']);
    expect(s.robot('b').groundTruth().pose.x).toBeGreaterThan(bBefore + 0.1);
  });

  it('lists objects with their poses', async () => {
    const s = await open(
      testWorld({
        objects: [testObject('one', { x: 1, y: 2, theta: 0.5 }), testObject('two', { x: -1, y: 0, theta: 0 })],
      }),
    );
    s.step(10);
    const objects = s.objects();
    expect(objects.map((o) => o.id)).toEqual(['one', 'two']);
    expect(objects[0]!.pose.x).toBeCloseTo(1, 6);
    expect(objects[0]!.pose.theta).toBeCloseTo(0.5, 6);
    expect(objects[0]!.heldBy).toBeUndefined();
  });
});
