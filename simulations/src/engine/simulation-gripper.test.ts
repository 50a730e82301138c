import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.js';
import type { SimulatedGripper, Simulation } from './engine-types.js';
import { GRIPPER_OPEN_WIDTH } from './robot/simulated-gripper.js';
import { driveFor } from './testing/drive-for.js';
import { manipulatorLikeDescription, turtlebotLikeDescription } from './testing/test-robots.js';
import { boxWall, spawnAt, testObject, testWorld } from './testing/test-worlds.js';
import type { MovableObject } from '../world/world-types.js';

const arm = manipulatorLikeDescription();
const plain = turtlebotLikeDescription();
const robots = new Map([
  [arm.name, arm],
  [plain.name, plain],
]);
let sim: Simulation | undefined;
afterEach(() => sim?.dispose());

/** The manipulator at the origin looking along +x (gripper frame at x = 0.2, reach 0.1). */
async function open(
  objects: MovableObject[],
  parts: Parameters<typeof testWorld>[0] = {},
): Promise<{ s: Simulation; gripper: SimulatedGripper }> {
  sim = await createSimulation({
    world: testWorld({ objects, spawns: [spawnAt('r', arm.name, { x: 0, y: 0, theta: 0 })], ...parts }),
    robots,
    seed: 1,
    noise: false,
  });
  sim.step();
  return { s: sim, gripper: sim.robot('r').gripper! };
}

const small = { shape: { kind: 'box' as const, width: 0.06, height: 0.06 } };

describe('gripper', () => {
  it('grasps the nearest graspable object in reach', async () => {
    const { s, gripper } = await open([
      testObject('far', { x: 0.33, y: 0, theta: 0 }, small),
      testObject('near', { x: 0.27, y: 0.02, theta: 0 }, small),
    ]);
    expect(gripper.holding()).toBeUndefined();
    expect(gripper.fingerPosition()).toBe(GRIPPER_OPEN_WIDTH);
    expect(gripper.grasp()).toEqual({ success: true, objectId: 'near', message: "grasped 'near'" });
    expect(gripper.holding()).toBe('near');
    expect(gripper.fingerPosition()).toBeCloseTo(0.06, 12);
    expect(s.objects().find((o) => o.id === 'near')!.heldBy).toBe('r');
    expect(s.objects().find((o) => o.id === 'far')!.heldBy).toBeUndefined();
  });

  it('fails with a reason when nothing is in reach, the object is too heavy or not graspable', async () => {
    const out = await open([testObject('away', { x: 0.5, y: 0, theta: 0 }, small)]);
    const miss = out.gripper.grasp();
    expect(miss.success).toBe(false);
    expect(miss.objectId).toBeUndefined();
    expect(miss.message).toMatch(/nothing graspable within reach \(0\.1 m\): the nearest is 'away' at 0\.270 m/);
    expect(out.s.objects()[0]!.heldBy).toBeUndefined();

    const heavy = await open([testObject('anvil', { x: 0.27, y: 0, theta: 0 }, { ...small, mass: 2 })]);
    expect(heavy.gripper.grasp()).toEqual({
      success: false,
      objectId: 'anvil',
      message: "'anvil' is too heavy: 2 kg, the payload is 0.5 kg",
    });
    expect(heavy.gripper.holding()).toBeUndefined();

    const fixed = await open([testObject('bolted', { x: 0.27, y: 0, theta: 0 }, { ...small, graspable: false })]);
    expect(fixed.gripper.grasp()).toMatchObject({
      success: false,
      objectId: 'bolted',
      message: "'bolted' is not graspable",
    });
  });

  it('carries the held object with the robot, hidden from its own lidar', async () => {
    const { s, gripper } = await open([testObject('cup', { x: 0.27, y: 0, theta: 0 }, small)]);
    const seenBefore = s.robot('r').scan()[0]!;
    expect(seenBefore).toBeCloseTo(0.24 + 0.032, 4);
    gripper.grasp();
    driveFor(s, 'r', { linear: 0.2, angular: 0.3 }, 4);
    const robotPose = s.robot('r').groundTruth().pose;
    const cup = s.objects()[0]!.pose;
    // Still 0.27 m ahead of the robot centre, whatever the robot did.
    expect(cup.x).toBeCloseTo(robotPose.x + 0.27 * Math.cos(robotPose.theta), 6);
    expect(cup.y).toBeCloseTo(robotPose.y + 0.27 * Math.sin(robotPose.theta), 6);
    expect(cup.theta).toBeCloseTo(robotPose.theta, 6);
    expect(robotPose.x).toBeGreaterThan(0.5);
    expect(s.robot('r').scan()[0]).toBe(Infinity);
  });

  it('releases the object where it is, at rest, and then reports nothing held', async () => {
    const { s, gripper } = await open([testObject('cup', { x: 0.27, y: 0, theta: 0 }, small)]);
    expect(gripper.release()).toEqual({ success: false, objectId: undefined, message: 'not holding anything' });
    gripper.grasp();
    expect(gripper.grasp()).toEqual({ success: false, objectId: 'cup', message: "already holding 'cup'" });
    driveFor(s, 'r', { linear: 0.2, angular: 0 }, 2);
    s.robot('r').command({ linear: 0, angular: 0 });
    s.step(50);
    const dropped = s.objects()[0]!.pose;
    expect(gripper.release()).toEqual({ success: true, objectId: 'cup', message: "released 'cup'" });
    expect(gripper.holding()).toBeUndefined();
    s.step(200);
    const after = s.objects()[0]!;
    expect(after.heldBy).toBeUndefined();
    expect(after.pose.x).toBeCloseTo(dropped.x, 5);
    expect(after.pose.y).toBeCloseTo(dropped.y, 5);
    expect(after.pose.theta).toBeCloseTo(dropped.theta, 5);
    // Backing away leaves it there.
    driveFor(s, 'r', { linear: -0.2, angular: 0 }, 1);
    expect(s.objects()[0]!.pose.x).toBeCloseTo(dropped.x, 5);
  });

  it('stops a held object at walls: it does not pass through', async () => {
    const { s, gripper } = await open([testObject('cup', { x: 0.27, y: 0, theta: 0 }, small)], {
      walls: [boxWall('room', { x: -1, y: -1 }, { x: 1, y: 1 }, 0.1)],
    });
    gripper.grasp();
    driveFor(s, 'r', { linear: 0.2, angular: 0 }, 6);
    expect(s.objects()[0]!.pose.x + 0.03).toBeLessThan(0.95 + 0.003);
    expect(s.robot('r').groundTruth().pose.x).toBeCloseTo(0.95 - 0.03 - 0.27, 2);
  });

  it('is absent on robots without one', async () => {
    sim = await createSimulation({
      world: testWorld({ spawns: [spawnAt('p', plain.name, { x: 0, y: 0, theta: 0 })] }),
      robots,
      seed: 1,
    });
    expect(sim.robot('p').gripper).toBeUndefined();
  });
});
