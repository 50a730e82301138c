import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.js';
import type { Simulation } from './engine-types.js';
import { turtlebotLikeDescription } from './testing/test-robots.js';
import { spawnAt, testWorld } from './testing/test-worlds.js';
import type { Pose2D } from '../world/world-types.js';

const robot = turtlebotLikeDescription();
const robots = new Map([[robot.name, robot]]);
let sim: Simulation | undefined;

afterEach(() => sim?.dispose());

async function emptyWorldSim(start: Pose2D = { x: 0, y: 0, theta: 0 }, physicsHz?: number): Promise<Simulation> {
  sim = await createSimulation({
    world: testWorld({ spawns: [spawnAt('r', robot.name, start)] }),
    robots,
    seed: 7,
    noise: false,
    ...(physicsHz === undefined ? {} : { physicsHz }),
  });
  return sim;
}

/** Drives with a constant command, renewing it before the watchdog fires, for `seconds`. */
function drive(s: Simulation, linear: number, angular: number, seconds: number): void {
  const steps = Math.round((seconds * 1000) / s.stepMs);
  for (let i = 0; i < steps; i++) {
    if (i % 10 === 0) s.robot('r').command({ linear, angular });
    s.step();
  }
}

/** Closed-form pose after driving a constant twist for `t` seconds from `p`. */
function arc(p: Pose2D, v: number, w: number, t: number): Pose2D {
  if (w === 0) return { x: p.x + v * t * Math.cos(p.theta), y: p.y + v * t * Math.sin(p.theta), theta: p.theta };
  const r = v / w;
  const theta = p.theta + w * t;
  return {
    x: p.x + r * (Math.sin(theta) - Math.sin(p.theta)),
    y: p.y - r * (Math.cos(theta) - Math.cos(p.theta)),
    theta,
  };
}

function angleError(a: number, b: number): number {
  return Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));
}

describe('differential drive kinematics', () => {
  it.each([
    [0.2, 0.5],
    [0.22, -1.2],
    [0.1, 2.0],
    [-0.15, 0.4],
  ])('follows the circle of radius v/ω for v=%s, ω=%s within 0.1 mm per metre travelled', async (v, w) => {
    const s = await emptyWorldSim({ x: 1, y: -2, theta: 0.3 });
    // Start from rest: ramp up (≤ 0.7 s at the limits), then compare against the closed form from there.
    drive(s, v, w, 1);
    const start = s.robot('r').groundTruth();
    expect(start.twist.linear).toBeCloseTo(v, 6);
    expect(start.twist.angular).toBeCloseTo(w, 6);
    const seconds = 20;
    drive(s, v, w, seconds);
    const expected = arc(start.pose, v, w, seconds);
    const actual = s.robot('r').groundTruth().pose;
    const travelled = Math.abs(v) * seconds;
    expect(Math.hypot(actual.x - expected.x, actual.y - expected.y)).toBeLessThan(1e-4 * travelled);
    expect(angleError(actual.theta, expected.theta)).toBeLessThan(2e-5 * Math.abs(w) * seconds);
  });

  it('reaches the command after the acceleration ramp, at the acceleration limits', async () => {
    const s = await emptyWorldSim();
    s.robot('r').command({ linear: 0.2, angular: 1.6 });
    s.step(4); // 40 ms: 2.5 m/s² and 3.2 rad/s² give at most 0.1 m/s and 0.128 rad/s
    const early = s.robot('r').groundTruth().twist;
    expect(early.linear).toBeCloseTo(0.1, 6);
    expect(early.angular).toBeCloseTo(0.128, 6);
    s.step(46);
    expect(s.robot('r').groundTruth().twist.linear).toBeCloseTo(0.2, 6);
    expect(s.robot('r').groundTruth().twist.angular).toBeCloseTo(1.6, 6);
  });

  it('clamps commands to the velocity limits', async () => {
    const s = await emptyWorldSim();
    drive(s, 5, -40, 2);
    const twist = s.robot('r').groundTruth().twist;
    expect(twist.linear).toBeCloseTo(robot.limits.maxLinearVelocity, 6);
    expect(twist.angular).toBeCloseTo(-robot.limits.maxAngularVelocity, 6);
  });

  it('treats a non-finite command as a stop', async () => {
    const s = await emptyWorldSim();
    drive(s, 0.2, 0, 1);
    s.robot('r').command({ linear: Number.NaN, angular: Number.POSITIVE_INFINITY });
    s.step(50);
    expect(s.robot('r').groundTruth().twist).toEqual({ linear: 0, angular: 0 });
  });

  it('stops by the watchdog when no command came for commandTimeout of simulated time', async () => {
    const s = await emptyWorldSim();
    s.robot('r').command({ linear: 0.2, angular: 0 });
    s.step(49); // 0.49 s < 0.5 s timeout: still driving
    expect(s.robot('r').groundTruth().twist.linear).toBeCloseTo(0.2, 6);
    s.step(1); // the step starting at 0.49 s still drives
    expect(s.robot('r').groundTruth().twist.linear).toBeCloseTo(0.2, 6);
    s.step(1); // the step starting at 0.5 s decelerates
    expect(s.robot('r').groundTruth().twist.linear).toBeLessThan(0.2);
    s.step(10);
    expect(s.robot('r').groundTruth().twist.linear).toBe(0);
    const stopped = s.robot('r').groundTruth().pose;
    s.step(100);
    expect(s.robot('r').groundTruth().pose).toEqual(stopped);
  });

  it('keeps driving while commands keep coming', async () => {
    const s = await emptyWorldSim();
    drive(s, 0.2, 0, 5);
    expect(s.robot('r').groundTruth().twist.linear).toBeCloseTo(0.2, 6);
    expect(s.robot('r').groundTruth().pose.x).toBeGreaterThan(0.9);
  });

  it('counts time in exact steps at any physics rate', async () => {
    const s = await emptyWorldSim(undefined, 60);
    s.step(90);
    expect(s.stepMs).toBeCloseTo(1000 / 60, 12);
    expect(s.timeMs).toBe(90 * (1000 / 60));
    drive(s, 0.2, 0.5, 3);
    expect(s.robot('r').groundTruth().twist.angular).toBeCloseTo(0.5, 6);
  });
});
