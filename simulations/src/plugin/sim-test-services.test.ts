import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ManualClock,
  createInProcessHost,
  type Bus,
  type MessageBus,
  type NodeRequest,
  type ParamValueSource,
  type PluginHost,
} from '@omnimind/core';

const here = dirname(fileURLToPath(import.meta.url));

function simulatorNode(params: Record<string, unknown>): NodeRequest {
  return {
    pkg: './simulator-plugin.ts',
    plugin: 'simulator',
    name: 'sim',
    namespace: '/',
    remaps: [],
    baseDir: here,
    paramLayers: [
      new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
    ],
  };
}

describe('the simulator test hooks', () => {
  let clock: ManualClock;
  let host: PluginHost;
  let bus: MessageBus;
  let probe: Bus;
  let dispose: () => Promise<void>;

  beforeEach(() => {
    clock = new ManualClock();
    ({ host, bus, dispose } = createInProcessHost({ clock }));
    probe = bus.forNode({ name: 'probe' });
  });
  afterEach(() => dispose());

  async function start(params: Record<string, unknown>): Promise<void> {
    await host.load([simulatorNode({ real_time_factor: 0, noise: false, ...params })]);
    await host.startAll();
  }

  /** Lets the simulator step (it runs as fast as it can at real_time_factor 0) until `ms` of simulated time passed. */
  async function run(ms: number): Promise<void> {
    const clockTopic = probe.topic('/clock', 'rosgraph_msgs/msg/Clock', { qos: 'sensor_data' });
    let latest = 0;
    const sub = clockTopic.subscribe((e) => void (latest = e.message.clock.sec * 1000 + e.message.clock.nanosec / 1e6));
    const first = latest;
    while (latest < first + ms || latest === 0) {
      clock.advanceBy(1);
      await new Promise((resolve) => setImmediate(resolve));
    }
    sub.unsubscribe();
  }

  function objectPoses(): Promise<Record<string, { x: number; y: number; theta: number; held_by: string }>> {
    return new Promise((resolve) => {
      const sub = probe.topic('/sim/objects', 'omnimind_msgs/msg/ObjectStateArray').subscribe((e) => {
        sub.unsubscribe();
        resolve(Object.fromEntries(e.message.objects.map((o) => [o.id, { ...o.pose, held_by: o.held_by }])));
      });
    });
  }

  it('teleports an object to a free pose, at rest, and reports it there', async () => {
    await start({ world: 'office' });
    const setPose = probe.serviceClient('/sim/set_object_pose', 'omnimind_msgs/srv/SetObjectPose');
    const response = await setPose.call({ id: 'red_box', pose: { x: 8, y: 5, theta: 0.5 } });
    expect(response).toMatchObject({ success: true });
    await run(500);
    const poses = await (async () => {
      const next = objectPoses();
      await run(200);
      return next;
    })();
    expect(poses['red_box']?.x).toBeCloseTo(8, 5);
    expect(poses['red_box']?.y).toBeCloseTo(5, 5);
    expect(poses['red_box']?.theta).toBeCloseTo(0.5, 5);
  });

  it('refuses unknown ids with a did-you-mean, and poses in walls, obstacles, robots, objects or outside bounds', async () => {
    await start({ world: 'office' });
    const setPose = probe.serviceClient('/sim/set_object_pose', 'omnimind_msgs/srv/SetObjectPose');
    const at = (id: string, x: number, y: number) => setPose.call({ id, pose: { x, y, theta: 0 } });
    expect(await at('red_bx', 8, 5)).toEqual({
      success: false,
      message: "no object 'red_bx'; did you mean 'red_box'? (objects: blue_ball, green_box, red_box, yellow_ball)",
    });
    expect((await at('red_box', 8, 4)).message).toMatch(/'red_box' would overlap wall 'corridor_south_3'/);
    expect((await at('red_box', 2.0, 2.3)).message).toMatch(/would overlap obstacle 'kitchen_table'/);
    expect((await at('red_box', 1.05, 6.8)).message).toMatch(/would overlap object 'blue_ball'/);
    const world = (await import('../world/load-world.js')).loadWorld(join(here, '../../worlds/office.yaml'), {
      knownRobots: () => true,
    });
    const spawn = world.spawns[0]!;
    expect((await at('red_box', spawn.pose.x, spawn.pose.y)).message).toMatch(
      new RegExp(`would overlap robot '${spawn.name}'`),
    );
    expect((await at('red_box', 16.45, 5)).message).toMatch(/would reach outside the bounds/);
    expect(await at('red_box', 3.5, 1.2 + 0.0)).toMatchObject({ success: true }); // its own place is free
  });

  it('refuses to move an object a robot holds', async () => {
    await start({ world: join(here, 'fixtures', 'grasp-room.yaml') });
    const gripper = probe.actionClient('/arm/gripper', 'omnimind_msgs/action/Gripper');
    await gripper.waitForServer(1000);
    const grasp = await gripper.sendGoal({ command: 0, object_id: '' });
    expect(await grasp.result).toMatchObject({ success: true, object_id: 'red_box' });
    const setPose = probe.serviceClient('/sim/set_object_pose', 'omnimind_msgs/srv/SetObjectPose');
    expect(await setPose.call({ id: 'red_box', pose: { x: 1, y: 1, theta: 0 } })).toEqual({
      success: false,
      message: "'red_box' is held by robot 'arm'; release it first",
    });
  });

  it('sets a battery charge, and refuses unknown robots and charges outside 0..1', async () => {
    await start({ world: 'office' });
    const setCharge = probe.serviceClient('/sim/set_battery_charge', 'omnimind_msgs/srv/SetBatteryCharge');
    const charges: Record<string, number> = {};
    probe
      .topic('/robot1/battery_state', 'sensor_msgs/msg/BatteryState')
      .subscribe((e) => void (charges['robot1'] = e.message.percentage));
    expect(await setCharge.call({ robot: 'robot1', charge: 0.2 })).toMatchObject({ success: true });
    await run(1100);
    expect(charges['robot1']).toBeCloseTo(0.2, 3);
    expect(charges['robot1']).toBeLessThanOrEqual(0.2);
    expect(await setCharge.call({ robot: 'robot3', charge: 0.5 })).toEqual({
      success: false,
      message: "no robot 'robot3'; did you mean 'robot1'? (robots: robot1, robot2)",
    });
    expect(await setCharge.call({ robot: 'robot1', charge: 1.5 })).toEqual({
      success: false,
      message: 'charge must be a number in [0, 1], got 1.5',
    });
  });

  it('starts robots at the battery_charge parameter and refuses unknown robot names there', async () => {
    await start({ world: 'office', battery_charge: { robot2: 0.3 } });
    const charges: Record<string, number> = {};
    for (const robot of ['robot1', 'robot2'])
      probe
        .topic(`/${robot}/battery_state`, 'sensor_msgs/msg/BatteryState')
        .subscribe((e) => void (charges[robot] = e.message.percentage));
    await run(1100);
    expect(charges['robot2']).toBeCloseTo(0.3, 3);
    expect(charges['robot1']).toBeGreaterThan(0.9);
    await dispose();
    ({ host, bus, dispose } = createInProcessHost({ clock }));
    await expect(host.load([simulatorNode({ world: 'office', battery_charge: { robt2: 0.3 } })])).rejects.toThrow(
      "parameter battery_charge of '/sim': 'robt2' is not a robot of this simulation; did you mean 'robot2'? (robots: robot1, robot2)",
    );
    await expect(
      host.load([simulatorNode({ world: 'office', battery_charge: { robot2: 1.3 } })]),
    ).rejects.toMatchObject({ code: 'OMNI_ERR_PARAM_INVALID' });
  });
});
