import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ManualClock,
  createInProcessHost,
  nav2_msgs,
  type Bus,
  type MessageBus,
  type NodeRequest,
  type ParamValueSource,
  type PluginHost,
  type nav_msgs,
} from '@omnimind/core';

import { plansMade } from './fixtures/counting-planner-plugin.js';

const here = dirname(fileURLToPath(import.meta.url));
const CODES = nav2_msgs.NavigateToPose_Result;

function node(
  pkg: string,
  plugin: string,
  name: string,
  namespace: string,
  params: Record<string, unknown>,
): NodeRequest {
  return {
    pkg,
    plugin,
    name,
    namespace,
    remaps: [],
    baseDir: here,
    paramLayers: [
      new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
    ],
  };
}

/** The empty room (6 × 6 m, 0.1 m walls on x, y = ±3) as an occupancy grid at 5 cm. */
function emptyRoomMap(): nav_msgs.OccupancyGrid {
  const resolution = 0.05;
  const size = 140;
  const origin = -3.5;
  const data = new Int8Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = origin + (col + 0.5) * resolution;
      const y = origin + (row + 0.5) * resolution;
      const onWall = (v: number) => Math.abs(Math.abs(v) - 3) <= 0.05;
      const inside = Math.abs(x) <= 3.05 && Math.abs(y) <= 3.05;
      if (inside && (onWall(x) || onWall(y))) data[row * size + col] = 100;
    }
  }
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'map' },
    info: {
      map_load_time: { sec: 0, nanosec: 0 },
      resolution,
      width: size,
      height: size,
      origin: { position: { x: origin, y: origin, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
    },
    data,
  };
}

function goalAt(x: number, y: number, theta = 0): nav2_msgs.NavigateToPose_Goal {
  return {
    pose: {
      header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'map' },
      pose: { position: { x, y, z: 0 }, orientation: { x: 0, y: 0, z: Math.sin(theta / 2), w: Math.cos(theta / 2) } },
    },
    behavior_tree: '',
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the navigator plugin in the simulator', () => {
  let clock: ManualClock;
  let host: PluginHost;
  let bus: MessageBus;
  let probe: Bus;
  let dispose: () => Promise<void>;
  let pose = { x: 0, y: 0 };
  let lastCmd = { linear: Number.NaN, angular: Number.NaN };

  beforeEach(async () => {
    clock = new ManualClock();
    ({ host, bus, dispose } = createInProcessHost({ clock }));
    probe = bus.forNode({ name: 'probe' });
    probe.topic('/robot1/map', 'nav_msgs/msg/OccupancyGrid', { qos: 'latched' }).publish(emptyRoomMap());
    await host.load([
      node('@omnimind/simulator', 'simulator', 'sim', '/', { world: 'empty-room', real_time_factor: 1, noise: false }),
      node('./navigator-plugin.ts', 'navigator', 'navigator', '/robot1', { use_sim_time: true }),
    ]);
    await host.startAll();
    probe.topic('/robot1/ground_truth', 'nav_msgs/msg/Odometry').subscribe((e) => {
      pose = { x: e.message.pose.pose.position.x, y: e.message.pose.pose.position.y };
    });
    probe.topic('/robot1/cmd_vel', 'geometry_msgs/msg/Twist').subscribe((e) => {
      lastCmd = { linear: e.message.linear.x, angular: e.message.angular.z };
    });
  });
  afterEach(() => dispose());

  async function advance(seconds: number, until?: () => boolean): Promise<void> {
    for (let i = 0; i < seconds * 20; i++) {
      clock.advanceBy(50);
      await tick();
      if (until?.()) return;
    }
  }

  it('reaches a goal 2 m away, with the distance remaining decreasing', async () => {
    const client = probe.actionClient('/robot1/navigate_to_pose', 'nav2_msgs/action/NavigateToPose');
    await client.waitForServer(1000);
    const handle = await client.sendGoal(goalAt(2, 0));
    const distances: number[] = [];
    handle.feedback.subscribe((f) => void distances.push(f.distance_remaining));
    let done = false;
    void handle.result.finally(() => (done = true));
    await advance(40, () => done);
    expect(await handle.result).toEqual({ error_code: CODES.NONE, error_msg: '' });
    expect(Math.hypot(pose.x - 2, pose.y)).toBeLessThan(0.15);
    expect(distances[0]).toBeGreaterThan(1.8);
    expect(distances.at(-1)).toBeLessThan(0.2);
    // Decreasing over each second (small wiggles between steps are allowed).
    for (let i = 20; i < distances.length; i += 20) expect(distances[i]!).toBeLessThan(distances[i - 20]! + 0.02);
  });

  it('aborts at once with GOAL_OCCUPIED for a goal inside a wall', async () => {
    const client = probe.actionClient('/robot1/navigate_to_pose', 'nav2_msgs/action/NavigateToPose');
    await client.waitForServer(1000);
    const handle = await client.sendGoal(goalAt(3, 0));
    const outcome = handle.result.then(
      () => undefined,
      (error: unknown) => error,
    );
    await advance(0.5);
    const error = (await outcome) as { code: string; cause: { code: string; result: unknown } };
    expect(error.code).toBe('OMNI_ERR_ACTION_ABORTED');
    expect(error.cause.code).toBe('OMNI_ERR_NAVIGATOR_FAILED');
    expect(error.cause.result).toMatchObject({ error_code: CODES.GOAL_OCCUPIED });
    expect(handle.status).toBe('aborted');
  });

  it('recovers from a start inside a stale obstacle (clears the costmap) and still reaches the goal', async () => {
    // An obstacle where the robot stands, as an object it has just picked up leaves in the map.
    const map = emptyRoomMap();
    const data = new Int8Array(map.data);
    for (let row = 0; row < map.info.height; row++) {
      for (let col = 0; col < map.info.width; col++) {
        const x = -3.5 + (col + 0.5) * 0.05;
        const y = -3.5 + (row + 0.5) * 0.05;
        if (Math.hypot(x - 0.1, y) <= 0.08) data[row * map.info.width + col] = 100;
      }
    }
    probe.topic('/robot1/map', 'nav_msgs/msg/OccupancyGrid', { qos: 'latched' }).publish({ ...map, data });
    await advance(0.2);
    const client = probe.actionClient('/robot1/navigate_to_pose', 'nav2_msgs/action/NavigateToPose');
    await client.waitForServer(1000);
    const handle = await client.sendGoal(goalAt(-1.5, 0));
    const recoveries: number[] = [];
    handle.feedback.subscribe((f) => void recoveries.push(f.number_of_recoveries));
    let done = false;
    void handle.result.finally(() => (done = true));
    await advance(40, () => done);
    expect(await handle.result).toEqual({ error_code: CODES.NONE, error_msg: '' });
    expect(Math.hypot(pose.x + 1.5, pose.y)).toBeLessThan(0.15);
    expect(recoveries.at(-1)).toBeGreaterThanOrEqual(1);
  });

  it('stops the robot when the goal is canceled mid-way', async () => {
    const client = probe.actionClient('/robot1/navigate_to_pose', 'nav2_msgs/action/NavigateToPose');
    await client.waitForServer(1000);
    const handle = await client.sendGoal(goalAt(2, 0));
    await advance(4);
    expect(pose.x).toBeGreaterThan(0.2);
    expect(await handle.cancel()).toBe(true);
    await advance(0.5);
    await expect(handle.result).rejects.toMatchObject({ code: 'OMNI_ERR_ACTION_CANCELED' });
    expect(lastCmd).toEqual({ linear: 0, angular: 0 });
    await advance(1);
    const stopped = { ...pose };
    await advance(2);
    expect(Math.hypot(pose.x - stopped.x, pose.y - stopped.y)).toBeLessThan(1e-6);
    expect(pose.x).toBeLessThan(1.9);
  });

  it('uses a planner another plugin provides when its parameter names it, and says so for an unknown one', async () => {
    await host.load([node('./fixtures/counting-planner-plugin.ts', 'counting_planner', 'planners', '/', {})]);
    await host.startAll();
    const client = probe.actionClient('/robot1/navigate_to_pose', 'nav2_msgs/action/NavigateToPose');
    await client.waitForServer(1000);
    plansMade.length = 0;
    expect((await host.get('/robot1/navigator').params.set('planner', 'counting')).successful).toBe(true);
    const handle = await client.sendGoal(goalAt(1, 0.5));
    let done = false;
    void handle.result.finally(() => (done = true));
    await advance(30, () => done);
    expect(await handle.result).toEqual({ error_code: CODES.NONE, error_msg: '' });
    expect(plansMade[0]).toBe('1,0.5');

    expect((await host.get('/robot1/navigator').params.set('planner', 'teleport')).successful).toBe(true);
    const refused = await client.sendGoal(goalAt(0, 0));
    await expect(refused.result).rejects.toMatchObject({
      cause: {
        code: 'OMNI_ERR_NAVIGATOR_STRATEGY',
        message: expect.stringMatching(/no planner 'teleport': the built-in planners are astar, theta_star/),
      },
    });
  });
});
