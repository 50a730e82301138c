import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.js';
import type { Simulation } from './engine-types.js';
import { driveFor } from './testing/drive-for.js';
import { turtlebotLikeDescription } from './testing/test-robots.js';
import { spawnAt, testObject, testWorld } from './testing/test-worlds.js';

const robot = turtlebotLikeDescription();
const robots = new Map([[robot.name, robot]]);
let sim: Simulation | undefined;
afterEach(() => sim?.dispose());

async function open(): Promise<Simulation> {
  sim = await createSimulation({
    world: testWorld({
      objects: [testObject('box', { x: 0, y: 2, theta: 0 }, { shape: { kind: 'box', width: 0.4, height: 0.4 } })],
      spawns: [spawnAt('r', robot.name, { x: 0, y: 0, theta: 0 })],
    }),
    robots,
    seed: 1,
    noise: false,
  });
  sim.step();
  return sim;
}

/** The lidar range straight ahead (the test robot's first sample looks along +x). */
function rangeAhead(s: Simulation): number {
  return s.robot('r').scan()[0] ?? Number.NaN;
}

describe('test hooks of the engine', () => {
  it('teleports an object at rest, and the lidar sees it there at once', async () => {
    const s = await open();
    expect(rangeAhead(s)).toBe(Infinity);
    expect(s.setObjectPose('box', { x: 1, y: 0, theta: 0.3 })).toMatchObject({ success: true });
    const range = rangeAhead(s);
    expect(range).toBeGreaterThan(0.75);
    expect(range).toBeLessThan(0.85);
    s.step(100);
    const box = s.objects().find((o) => o.id === 'box');
    expect(box?.pose.x).toBeCloseTo(1, 5);
    expect(box?.pose.theta).toBeCloseTo(0.3, 5);
  });

  it('refuses a pose on the robot and leaves the object where it was', async () => {
    const s = await open();
    expect(s.setObjectPose('box', { x: 0.2, y: 0, theta: 0 })).toEqual({
      success: false,
      message: "cannot move to (0.2, 0): 'box' would overlap robot 'r'",
    });
    expect(s.objects()[0]?.pose).toMatchObject({ x: 0, y: 2 });
  });

  it('sets the battery charge; an empty battery stops the robot', async () => {
    const s = await open();
    const r = s.robot('r');
    r.setBatteryCharge(0);
    expect(r.battery().charge).toBe(0);
    driveFor(s, 'r', { linear: 0.2, angular: 0 }, 1);
    expect(r.groundTruth().pose.x).toBeCloseTo(0, 9);
    r.setBatteryCharge(0.5);
    driveFor(s, 'r', { linear: 0.2, angular: 0 }, 1);
    expect(r.groundTruth().pose.x).toBeGreaterThan(0.05);
    expect(() => r.setBatteryCharge(1.2)).toThrow(expect.objectContaining({ code: 'OMNI_ERR_SIM_INVALID_OPTIONS' }));
  });
});
