import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.js';
import type { Simulation } from './engine-types.js';
import { frameOffset } from './geometry/frame-offsets.js';
import { lidarAngleIncrement } from './sensors/lidar-sensor.js';
import { turtlebotLikeDescription } from './testing/test-robots.js';
import { spawnAt, squareRoomWorld, testObject } from './testing/test-worlds.js';
import type { Pose2D, SpawnPoint, World } from '../world/world-types.js';

const robot = turtlebotLikeDescription();
const lidar = robot.sensors.lidar!;
const robots = new Map([[robot.name, robot]]);
let sim: Simulation | undefined;
afterEach(() => sim?.dispose());

async function simulate(world: World, noise = false, seed = 1): Promise<Simulation> {
  sim = await createSimulation({ world, robots, seed, noise });
  sim.step();
  return sim;
}

function room(halfSize: number, spawns: SpawnPoint[]): World {
  return squareRoomWorld({ halfSize, thickness: 0.1, spawns });
}

/** Distance from (ox, oy) along angle a to the inside of the square with inner faces at ±inner. */
function toSquare(ox: number, oy: number, a: number, inner: number): number {
  const c = Math.cos(a);
  const s = Math.sin(a);
  const tx = c > 0 ? (inner - ox) / c : c < 0 ? (-inner - ox) / c : Infinity;
  const ty = s > 0 ? (inner - oy) / s : s < 0 ? (-inner - oy) / s : Infinity;
  return Math.min(tx, ty);
}

function lidarOrigin(pose: Pose2D): { x: number; y: number } {
  const m = frameOffset(robot, lidar.frame);
  return {
    x: pose.x + Math.cos(pose.theta) * m.x - Math.sin(pose.theta) * m.y,
    y: pose.y + Math.sin(pose.theta) * m.x + Math.cos(pose.theta) * m.y,
  };
}

describe('lidar', () => {
  it('measures the analytic distance to the walls of a square room within 1e-5 m (noise off)', async () => {
    const s = await simulate(room(1.5, [spawnAt('r', robot.name, { x: 0.31, y: -0.22, theta: 0.4 })]));
    const pose = s.robot('r').groundTruth().pose;
    const o = lidarOrigin(pose);
    const ranges = s.robot('r').scan();
    expect(ranges).toHaveLength(360);
    const increment = lidarAngleIncrement(lidar);
    expect(increment).toBeCloseTo(Math.PI / 180, 12);
    for (let i = 0; i < ranges.length; i++) {
      const expected = toSquare(o.x, o.y, pose.theta + lidar.angleMin + i * increment, 1.5 - 0.05);
      expect(Math.abs(ranges[i]! - expected)).toBeLessThan(1e-5);
    }
  });

  it('reads Infinity beyond rangeMax and -Infinity below rangeMin (REP-117)', async () => {
    // A 10 m room, the robot's back 4 cm from the west wall: the lidar (3.2 cm behind the centre)
    // is 0.113 m from that wall, closer than rangeMin; the other walls are beyond rangeMax.
    const inner = 5 - 0.05;
    const s = await simulate(room(5, [spawnAt('r', robot.name, { x: -inner + 0.145, y: 0, theta: 0 })]));
    const ranges = s.robot('r').scan();
    const gap = 0.145 - 0.032;
    expect(ranges[180]).toBe(-Infinity);
    expect(ranges[170]).toBe(-Infinity);
    expect(ranges[0]).toBe(Infinity);
    expect(ranges[90]).toBe(Infinity);
    expect(ranges[150]!).toBeCloseTo(gap / Math.cos(Math.PI / 6), 5);
    expect(ranges.filter(Number.isFinite).length).toBeGreaterThan(50);
  });

  it('sees objects and other robots, never its own body', async () => {
    const world = room(1.5, [
      spawnAt('a', robot.name, { x: 0, y: 0, theta: 0 }),
      spawnAt('b', robot.name, { x: 0, y: 1, theta: 0 }),
    ]);
    const s = await simulate({ ...world, objects: [testObject('box', { x: 1, y: 0, theta: 0 })] });
    const ranges = s.robot('a').scan();
    const ox = lidarOrigin({ x: 0, y: 0, theta: 0 }).x;
    // Straight ahead: the box's near face at x = 0.95.
    expect(ranges[0]!).toBeCloseTo(0.95 - ox, 5);
    // Ray 90 points at robot b (radius 0.105, centre 1 m away).
    expect(ranges[90]!).toBeCloseTo(Math.hypot(ox, 1) - 0.105, 2);
    // Nothing reads as close as the own body (the lidar sits inside it).
    for (const r of ranges) expect(r).toBeGreaterThan(0.2);
  });

  it('adds Gaussian range noise with the configured deviation', async () => {
    const world = room(1.5, [spawnAt('r', robot.name, { x: 0, y: 0, theta: 0 })]);
    const exact = (await simulate(world, false)).robot('r').scan();
    sim?.dispose();
    const noisy = (await simulate(world, true, 99)).robot('r').scan();
    let sumSquares = 0;
    for (let i = 0; i < exact.length; i++) sumSquares += (noisy[i]! - exact[i]!) ** 2;
    const std = Math.sqrt(sumSquares / exact.length);
    expect(std).toBeGreaterThan(lidar.rangeNoiseStd * 0.8);
    expect(std).toBeLessThan(lidar.rangeNoiseStd * 1.2);
  });
});
