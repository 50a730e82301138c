import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.js';
import { manipulatorLikeDescription, turtlebotLikeDescription } from './testing/test-robots.js';
import { officeWorld, spawnAt } from './testing/test-worlds.js';

const tb = turtlebotLikeDescription();
const arm = manipulatorLikeDescription();
const robots = new Map([
  [tb.name, tb],
  [arm.name, arm],
]);

interface Digest {
  /** Everything: ground truth, odometry, IMU, scans, images, battery, contacts, objects, grasps. */
  readonly all: string;
  /** Ground truth only (physics). */
  readonly truth: string;
  /** Noisy sensor outputs only. */
  readonly sensors: string;
}

/** Runs a fixed command sequence in the office with two robots and hashes every output. */
async function run(seed: number, noise = true): Promise<Digest> {
  const world = officeWorld(tb.name);
  const sim = await createSimulation({
    world,
    robots,
    seed,
    noise,
    spawns: [...world.spawns, spawnAt('helper', arm.name, { x: 2.75, y: 1.75, theta: 0.6 })],
  });
  const all = createHash('sha256');
  const truth = createHash('sha256');
  const sensors = createHash('sha256');
  const numbers = (hash: ReturnType<typeof createHash>, ...values: number[]): void =>
    void hash.update(new Float64Array(values));
  try {
    for (let step = 0; step < 1500; step++) {
      const t = step / 100;
      if (step % 10 === 0) {
        sim.robot('robot1').command({ linear: 0.2, angular: 0.6 * Math.sin(t / 2) });
        sim.robot('helper').command({ linear: step < 700 ? 0.1 : -0.1, angular: step < 300 ? 0.2 : 0 });
      }
      if (step === 100) {
        const grasp = sim.robot('helper').gripper!.grasp();
        expect(grasp.success).toBe(true);
        all.update(JSON.stringify(grasp));
      }
      if (step === 900) all.update(JSON.stringify(sim.robot('helper').gripper!.release()));
      sim.step();
      for (const robot of sim.robots) {
        const gt = robot.groundTruth();
        numbers(truth, gt.pose.x, gt.pose.y, gt.pose.theta, gt.twist.linear, gt.twist.angular);
        if (step % 2 === 0) {
          const odom = robot.odometry();
          numbers(sensors, odom.pose.x, odom.pose.y, odom.pose.theta, odom.twist.linear, odom.twist.angular);
          const imu = robot.imu();
          numbers(sensors, imu.yaw, imu.angularVelocityZ, imu.linearAccelerationX, imu.linearAccelerationY);
          const wheels = robot.wheelPositions();
          numbers(all, wheels.left, wheels.right);
        }
        if (step % 10 === 0) {
          sensors.update(robot.scan());
          sensors.update(robot.renderCamera());
          const battery = robot.battery();
          numbers(all, battery.charge, battery.voltage, battery.current);
          all.update(JSON.stringify(robot.contacts()));
        }
      }
      if (step % 50 === 0) all.update(JSON.stringify(sim.objects()));
    }
  } finally {
    sim.dispose();
  }
  const t = truth.digest('hex');
  const s = sensors.digest('hex');
  all.update(t).update(s);
  return { all: all.digest('hex'), truth: t, sensors: s };
}

describe('determinism', () => {
  it('gives bit-identical poses, odometry, IMU, scans, images and the rest for the same seed and commands', async () => {
    const first = await run(11);
    const second = await run(11);
    expect(second).toEqual(first);
  });

  it('changes every noisy output with the seed, but not the physics', async () => {
    const a = await run(11);
    const b = await run(12);
    expect(b.sensors).not.toBe(a.sensors);
    expect(b.truth).toBe(a.truth);
  });

  it('draws no noise at all when noise is off, whatever the seed', async () => {
    const a = await run(11, false);
    const b = await run(99, false);
    expect(b).toEqual(a);
    expect(a.truth).toBe((await run(11)).truth);
  });
});
