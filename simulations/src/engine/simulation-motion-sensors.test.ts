import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.js';
import type { Simulation } from './engine-types.js';
import { driveFor } from './testing/drive-for.js';
import { turtlebotLikeDescription } from './testing/test-robots.js';
import { spawnAt, testWorld } from './testing/test-worlds.js';
import type { ChargingDock } from '../world/world-types.js';

const robot = turtlebotLikeDescription();
const robots = new Map([[robot.name, robot]]);
let sim: Simulation | undefined;
afterEach(() => sim?.dispose());

async function open(options: { noise?: boolean; seed?: number; docks?: ChargingDock[] } = {}): Promise<Simulation> {
  sim = await createSimulation({
    world: testWorld({ spawns: [spawnAt('r', robot.name, { x: 1, y: 2, theta: 0.5 })], docks: options.docks ?? [] }),
    robots,
    seed: options.seed ?? 3,
    noise: options.noise ?? false,
  });
  return sim;
}

/** A path with straight runs, arcs and turns in place. */
function tour(s: Simulation): void {
  driveFor(s, 'r', { linear: 0.2, angular: 0 }, 3);
  driveFor(s, 'r', { linear: 0.15, angular: 0.8 }, 4);
  driveFor(s, 'r', { linear: 0, angular: -2 }, 2);
  driveFor(s, 'r', { linear: -0.1, angular: 0.3 }, 3);
}

describe('odometry', () => {
  it('equals ground truth within float error with noise off', async () => {
    const s = await open();
    tour(s);
    const truth = s.robot('r').groundTruth();
    const odom = s.robot('r').odometry();
    expect(Math.hypot(odom.pose.x - truth.pose.x, odom.pose.y - truth.pose.y)).toBeLessThan(1e-9);
    expect(Math.abs(odom.pose.theta - truth.pose.theta)).toBeLessThan(1e-9);
    expect(odom.twist.linear).toBeCloseTo(truth.twist.linear, 4);
    expect(odom.twist.angular).toBeCloseTo(truth.twist.angular, 4);
  });

  it('drifts from ground truth with slip and noise', async () => {
    const s = await open({ noise: true });
    driveFor(s, 'r', { linear: 0.2, angular: 0.1 }, 10);
    const truth = s.robot('r').groundTruth().pose;
    const odom = s.robot('r').odometry().pose;
    // 2 % slip over 2 m overestimates by about 4 cm; the noise adds a random walk.
    expect(Math.hypot(odom.x - truth.x, odom.y - truth.y)).toBeGreaterThan(0.02);
  });

  it('starts at the spawn pose', async () => {
    const s = await open({ noise: true });
    expect(s.robot('r').odometry()).toEqual({ pose: { x: 1, y: 2, theta: 0.5 }, twist: { linear: 0, angular: 0 } });
  });
});

describe('imu', () => {
  it('reads yaw, yaw rate and centripetal acceleration in a steady turn (noise off)', async () => {
    const s = await open();
    driveFor(s, 'r', { linear: 0.2, angular: 0.5 }, 2);
    const imu = s.robot('r').imu();
    const truth = s.robot('r').groundTruth();
    expect(imu.yaw).toBeCloseTo(truth.pose.theta, 9);
    expect(imu.angularVelocityZ).toBeCloseTo(0.5, 5);
    expect(imu.linearAccelerationY).toBeCloseTo(0.2 * 0.5, 3);
    expect(imu.linearAccelerationX).toBeCloseTo(0, 3);
  });

  it('reads the forward acceleration of the ramp', async () => {
    const s = await open();
    s.robot('r').command({ linear: 0.22, angular: 0 });
    s.step(3);
    expect(s.robot('r').imu().linearAccelerationX).toBeCloseTo(robot.limits.maxLinearAcceleration, 3);
    s.step(20);
    expect(s.robot('r').imu().linearAccelerationX).toBeCloseTo(0, 3);
  });

  it('adds noise when noise is on', async () => {
    const s = await open({ noise: true });
    s.step(10);
    const a = s.robot('r').imu();
    const b = s.robot('r').imu();
    expect(a.yaw).not.toBe(b.yaw);
    expect(Math.abs(a.yaw - 0.5)).toBeLessThan(0.05);
  });
});

describe('wheel positions', () => {
  it('integrate the true motion: equal forward, opposite in a turn on the spot', async () => {
    const s = await open();
    driveFor(s, 'r', { linear: 0.2, angular: 0 }, 3);
    s.step(50);
    const travelled = Math.hypot(s.robot('r').groundTruth().pose.x - 1, s.robot('r').groundTruth().pose.y - 2);
    const straight = s.robot('r').wheelPositions();
    expect(straight.left).toBeCloseTo(travelled / robot.base.wheelRadius, 3);
    expect(straight.right).toBeCloseTo(straight.left, 3);
    const before = s.robot('r').groundTruth().pose.theta;
    driveFor(s, 'r', { linear: 0, angular: 1 }, 1);
    s.step(50);
    const turned = s.robot('r').groundTruth().pose.theta - before;
    const after = s.robot('r').wheelPositions();
    const arc = (turned * robot.base.wheelSeparation) / 2 / robot.base.wheelRadius;
    expect(after.right - straight.right).toBeCloseTo(arc, 3);
    expect(after.left - straight.left).toBeCloseTo(-arc, 3);
  });
});

describe('battery', () => {
  it('drains by the idle current at rest and faster while driving', async () => {
    const s = await open();
    const capacityAs = robot.battery.capacityAh * 3600;
    s.step(6000);
    const idle = s.robot('r').battery();
    expect(idle.charge).toBeCloseTo(1 - (robot.battery.idleCurrent * 60) / capacityAs, 9);
    expect(idle.current).toBeCloseTo(-robot.battery.idleCurrent, 12);
    expect(idle.charging).toBe(false);
    driveFor(s, 'r', { linear: 0.2, angular: 0 }, 10);
    const driving = s.robot('r').battery();
    expect(driving.current).toBeCloseTo(-(robot.battery.idleCurrent + robot.battery.currentPerLinearSpeed * 0.2), 6);
    expect(idle.charge - driving.charge).toBeGreaterThan((robot.battery.idleCurrent * 10) / capacityAs);
    expect(driving.voltage).toBeCloseTo(robot.battery.nominalVoltage * (0.85 + 0.2 * driving.charge), 9);
  });

  it('charges when stopped within a dock radius, not outside it', async () => {
    const docks = [{ id: 'dock', pose: { x: 1.1, y: 2, theta: 0 }, radius: 0.2 }];
    sim = await createSimulation({
      world: testWorld({ docks, spawns: [spawnAt('r', robot.name, { x: 1, y: 2, theta: 0 })] }),
      robots: new Map([[robot.name, turtlebotLikeDescription({ battery: { ...robot.battery, initialCharge: 0.5 } })]]),
      seed: 1,
      noise: false,
    });
    sim.step(6000);
    const docked = sim.robot('r').battery();
    expect(docked.charging).toBe(true);
    expect(docked.current).toBe(robot.battery.chargeCurrent);
    expect(docked.charge).toBeCloseTo(0.5 + (robot.battery.chargeCurrent * 60) / (robot.battery.capacityAh * 3600), 9);
    driveFor(sim, 'r', { linear: 0.2, angular: 0 }, 3);
    sim.step(100);
    expect(sim.robot('r').battery().charging).toBe(false);
    expect(sim.robot('r').battery().charge).toBeLessThan(docked.charge);
  });

  it('cuts the motors when empty', async () => {
    sim = await createSimulation({
      world: testWorld({ spawns: [spawnAt('r', robot.name, { x: 0, y: 0, theta: 0 })] }),
      robots: new Map([[robot.name, turtlebotLikeDescription({ battery: { ...robot.battery, initialCharge: 1e-5 } })]]),
      seed: 1,
      noise: false,
    });
    driveFor(sim, 'r', { linear: 0.2, angular: 0 }, 1);
    expect(sim.robot('r').battery().charge).toBe(0);
    const stopped = sim.robot('r').groundTruth().pose;
    driveFor(sim, 'r', { linear: 0.2, angular: 0 }, 1);
    expect(sim.robot('r').groundTruth().pose).toEqual(stopped);
    expect(sim.robot('r').groundTruth().twist.linear).toBe(0);
  });
});
