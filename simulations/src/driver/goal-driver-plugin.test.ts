import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { startNodes, timeFromMs, type geometry_msgs, type nav_msgs, type NodeRequest } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { driverTarget, poseFromOdometry } from './goal-driver-plugin.js';
import { goalDriverParams } from './goal-driver-params.js';

const pluginFile = fileURLToPath(new URL('./goal-driver-plugin.ts', import.meta.url));
const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

function request(params: Record<string, unknown>): NodeRequest {
  return {
    pkg: pluginFile,
    plugin: 'goal-driver',
    name: 'driver',
    namespace: '/',
    remaps: [],
    baseDir: process.cwd(),
    paramLayers: [
      new Map(Object.entries({ use_sim_time: true, ...params }).map(([k, value]) => [k, { kind: 'launch', value }])),
    ],
  };
}

function odometry(x: number, y: number, yaw: number): nav_msgs.Odometry {
  const pose = {
    position: { x, y, z: 0 },
    orientation: { x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) },
  };
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'map' },
    child_frame_id: 'base_link',
    pose: { pose, covariance: new Float64Array(36) },
    twist: {
      twist: { linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } },
      covariance: new Float64Array(36),
    },
  };
}

describe('the goal-driver plugin', () => {
  it('reads the yaw from an odometry quaternion', () => {
    expect(poseFromOdometry(odometry(1, 2, 2.5))).toEqual({ x: 1, y: 2, theta: expect.closeTo(2.5, 12) });
    expect(poseFromOdometry(odometry(0, 0, -3)).theta).toBeCloseTo(-3, 12);
  });

  it('needs exactly one target', () => {
    expect(goalDriverParams.safeParse({ pose: [1, 2] }).success).toBe(true);
    expect(goalDriverParams.safeParse({}).success).toBe(false);
    expect(goalDriverParams.safeParse({ pose: [1, 2], place: 'dock', world: 'empty-room' }).success).toBe(false);
    expect(goalDriverParams.safeParse({ place: 'dock' }).success).toBe(false);
    expect(goalDriverParams.safeParse({ dock: 'dock', world: 'empty-room' }).success).toBe(true);
    expect(goalDriverParams.safeParse({ dock: 'dock', place: 'x', world: 'empty-room' }).success).toBe(false);
  });

  it('finds a place in a shipped world, and names the places when it is not there', () => {
    const params = goalDriverParams.parse({ world: 'empty-room', place: 'dock_approach' });
    expect(driverTarget(params)).toEqual({ x: 2, y: 2 });
    expect(() => driverTarget({ ...params, place: 'kitchen' })).toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_GOAL_DRIVER_TARGET',
        message: expect.stringContaining("no place 'kitchen'; its places: centre, dock_approach"),
      }),
    );
    const docked = goalDriverParams.parse({ world: 'empty-room', dock: 'dock' });
    expect(driverTarget(docked)).toEqual({ x: 2.6, y: 2.6 });
    expect(() => driverTarget({ ...docked, dock: 'dok' })).toThrow("no dock 'dok'; its docks: dock");
  });

  it('publishes cmd_vel at its rate on simulated time, turns, drives, and stops at the goal', async () => {
    const system = await startNodes([request({ robot: 'robot1', pose: [0, 1] })], {
      logDestination: silent,
    });
    try {
      const node = system.bus.forNode({ name: 'test_robot' });
      const clock = node.topic('/clock', 'rosgraph_msgs/msg/Clock');
      const truth = node.topic<nav_msgs.Odometry>('/robot1/ground_truth', 'nav_msgs/msg/Odometry');
      const commands: { t: number; twist: geometry_msgs.Twist }[] = [];
      let nowMs = 0;
      node
        .topic<geometry_msgs.Twist>('/robot1/cmd_vel', 'geometry_msgs/msg/Twist')
        .subscribe((event) => void commands.push({ t: nowMs, twist: event.message }));
      const runFor = (ms: number): void => {
        for (const end = nowMs + ms; nowMs < end;) {
          nowMs += 10;
          clock.publish({ clock: timeFromMs(nowMs) });
        }
      };

      runFor(500);
      expect(commands).toEqual([]); // no pose yet: nothing to do

      truth.publish(odometry(0, 0, 0));
      runFor(1000);
      expect(commands.length).toBe(20);
      expect(commands[0]?.twist.linear.x).toBe(0);
      expect(commands[0]?.twist.angular.z).toBeCloseTo(1.5, 12); // target 90° to the left: full turn rate

      truth.publish(odometry(0, 0, Math.PI / 2));
      runFor(100);
      expect(commands.at(-1)?.twist.linear.x).toBeCloseTo(0.2, 12);

      truth.publish(odometry(0.01, 0.95, Math.PI / 2));
      runFor(100);
      expect(commands.at(-1)?.twist).toEqual({ linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } });
    } finally {
      await system.shutdown();
    }
  });
});
