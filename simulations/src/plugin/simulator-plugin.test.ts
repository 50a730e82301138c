import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ManualClock,
  createInProcessHost,
  timeToMs,
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

describe('the simulator plugin', () => {
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
    await host.load([simulatorNode(params)]);
    await host.startAll();
  }

  it('steps at the real-time factor of the wall clock and publishes /clock', async () => {
    await start({ world: 'empty-room', real_time_factor: 2, noise: false });
    const stamps: number[] = [];
    probe
      .topic('/clock', 'rosgraph_msgs/msg/Clock', { qos: 'sensor_data' })
      .subscribe((e) => void stamps.push(timeToMs(e.message.clock)));
    clock.advanceBy(1000);
    expect(stamps.length).toBe(200);
    expect(stamps.at(-1)).toBe(2000);
    expect(stamps[1]! - stamps[0]!).toBe(10);
  });

  it('gives each robot its ROS 2 topics at the described rates, with prefixed frames', async () => {
    await start({ world: 'empty-room', real_time_factor: 1, noise: false });
    const counts = new Map<string, number>();
    const count = (name: string) => () => void counts.set(name, (counts.get(name) ?? 0) + 1);
    const frames: Record<string, string> = {};
    probe.topic('/robot1/odom', 'nav_msgs/msg/Odometry').subscribe((e) => {
      count('odom')();
      frames['odom'] = `${e.message.header.frame_id}->${e.message.child_frame_id}`;
    });
    probe.topic('/robot1/scan', 'sensor_msgs/msg/LaserScan', { qos: 'sensor_data' }).subscribe((e) => {
      count('scan')();
      frames['scan'] = e.message.header.frame_id;
      expect(e.message.ranges.length).toBe(360);
    });
    probe.topic('/robot1/camera/image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' }).subscribe((e) => {
      count('image')();
      expect(e.message.data.length).toBe(e.message.width * e.message.height * 3);
    });
    probe
      .topic('/robot1/camera/camera_info', 'sensor_msgs/msg/CameraInfo', { qos: 'sensor_data' })
      .subscribe(count('camera_info'));
    probe.topic('/robot1/imu', 'sensor_msgs/msg/Imu', { qos: 'sensor_data' }).subscribe(count('imu'));
    probe.topic('/robot1/battery_state', 'sensor_msgs/msg/BatteryState').subscribe(count('battery'));
    probe.topic('/robot1/joint_states', 'sensor_msgs/msg/JointState').subscribe(count('joints'));
    probe.topic('/robot1/ground_truth', 'nav_msgs/msg/Odometry').subscribe(count('truth'));
    probe.topic('/sim/objects', 'omnimind_msgs/msg/ObjectStateArray').subscribe(count('objects'));
    clock.advanceBy(1000);
    const robot = (await import('@omnimind/robots')).loadRobotLibrary().get('diffbot');
    expect(Object.fromEntries(counts)).toEqual({
      odom: robot?.sensors.odometry.rateHz,
      scan: robot?.sensors.lidar?.rateHz,
      image: robot?.sensors.camera?.rateHz,
      camera_info: robot?.sensors.camera?.rateHz,
      imu: robot?.sensors.imu?.rateHz,
      battery: 1,
      joints: robot?.sensors.odometry.rateHz,
      truth: robot?.sensors.odometry.rateHz,
      objects: 10,
    });
    expect(frames).toEqual({ odom: 'robot1/odom->robot1/base_link', scan: `robot1/${robot?.sensors.lidar?.frame}` });
  });

  it('latches the fixed frames of every robot on /tf_static', async () => {
    await start({ world: 'office', real_time_factor: 1, noise: false });
    const children: string[] = [];
    probe
      .topic('/tf_static', 'tf2_msgs/msg/TFMessage', { qos: 'latched' })
      .subscribe((e) => void children.push(...e.message.transforms.map((t) => t.child_frame_id)));
    expect(children).toContain('robot1/base_scan');
    expect(children).toContain('robot2/gripper_link');
    expect(children).not.toContain('robot1/base_link');
  });

  it('drives a robot from cmd_vel and stops it when commands stop (watchdog)', async () => {
    await start({ world: 'empty-room', real_time_factor: 1, noise: false });
    let pose = { x: 0, y: 0 };
    probe.topic('/robot1/ground_truth', 'nav_msgs/msg/Odometry').subscribe((e) => {
      pose = { x: e.message.pose.pose.position.x, y: e.message.pose.pose.position.y };
    });
    const cmdVel = probe.topic('/robot1/cmd_vel', 'geometry_msgs/msg/Twist');
    clock.advanceBy(100);
    const before = { ...pose };
    for (let i = 0; i < 20; i++) {
      cmdVel.publish({ linear: { x: 0.2, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } });
      clock.advanceBy(100);
    }
    const moved = Math.hypot(pose.x - before.x, pose.y - before.y);
    expect(moved).toBeGreaterThan(0.3);
    expect(moved).toBeLessThan(0.41);
    clock.advanceBy(1000);
    const stopped = { ...pose };
    clock.advanceBy(1000);
    expect(Math.hypot(pose.x - stopped.x, pose.y - stopped.y)).toBeLessThan(1e-6);
  });

  it('grasps, carries and releases through the gripper action of the mobile manipulator', async () => {
    await start({ world: join(here, 'fixtures', 'grasp-room.yaml'), real_time_factor: 1, noise: false });
    const objects: { id: string; held_by: string; x: number }[][] = [];
    probe
      .topic('/sim/objects', 'omnimind_msgs/msg/ObjectStateArray')
      .subscribe(
        (e) => void objects.push(e.message.objects.map((o) => ({ id: o.id, held_by: o.held_by, x: o.pose.x }))),
      );
    const gripper = probe.actionClient('/arm/gripper', 'omnimind_msgs/action/Gripper');
    await gripper.waitForServer(1000);

    const nothing = await gripper.sendGoal({ command: 1, object_id: '' });
    expect(await nothing.result).toMatchObject({ success: false });
    const grasp = await gripper.sendGoal({ command: 0, object_id: '' });
    expect(await grasp.result).toMatchObject({ success: true, object_id: 'red_box' });

    const cmdVel = probe.topic('/arm/cmd_vel', 'geometry_msgs/msg/Twist');
    for (let i = 0; i < 10; i++) {
      cmdVel.publish({ linear: { x: 0.2, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } });
      clock.advanceBy(100);
    }
    const carried = objects.at(-1)?.[0];
    expect(carried?.held_by).toBe('arm');
    expect(carried?.x).toBeGreaterThan(0.4);

    const release = await gripper.sendGoal({ command: 1, object_id: '' });
    expect(await release.result).toMatchObject({ success: true, object_id: 'red_box' });
    clock.advanceBy(200);
    expect(objects.at(-1)?.[0]?.held_by).toBe('');
  });

  it('reports bumper contacts when they start and end', async () => {
    await start({ world: 'empty-room', real_time_factor: 1, noise: false });
    const events: { pressed: boolean; contacts: string[] }[] = [];
    probe
      .topic('/robot1/bumper', 'omnimind_msgs/msg/BumperEvent', { qos: 'latched' })
      .subscribe((e) => void events.push({ pressed: e.message.pressed, contacts: e.message.contacts }));
    const cmdVel = probe.topic('/robot1/cmd_vel', 'geometry_msgs/msg/Twist');
    const drive = (x: number, seconds: number) => {
      for (let i = 0; i < seconds * 10; i++) {
        cmdVel.publish({ linear: { x, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } });
        clock.advanceBy(100);
      }
    };
    drive(0.22, 15);
    expect(events).toEqual([{ pressed: true, contacts: ['room_walls'] }]);
    drive(-0.22, 2);
    expect(events.at(-1)).toEqual({ pressed: false, contacts: [] });
  });

  it('publishes map → odom so that it composes with odom → base_link into the true pose', async () => {
    await start({ world: 'empty-room', real_time_factor: 1, noise: true, seed: 3 });
    const transforms = new Map<string, { x: number; y: number; yaw: number }>();
    let truth = { x: 0, y: 0, yaw: 0 };
    const yawOf = (q: { z: number; w: number }) => 2 * Math.atan2(q.z, q.w);
    probe.topic('/tf', 'tf2_msgs/msg/TFMessage').subscribe((e) => {
      for (const t of e.message.transforms) {
        transforms.set(`${t.header.frame_id}>${t.child_frame_id}`, {
          x: t.transform.translation.x,
          y: t.transform.translation.y,
          yaw: yawOf(t.transform.rotation),
        });
      }
    });
    probe.topic('/robot1/ground_truth', 'nav_msgs/msg/Odometry').subscribe((e) => {
      truth = {
        x: e.message.pose.pose.position.x,
        y: e.message.pose.pose.position.y,
        yaw: yawOf(e.message.pose.pose.orientation),
      };
    });
    const cmdVel = probe.topic('/robot1/cmd_vel', 'geometry_msgs/msg/Twist');
    for (let i = 0; i < 40; i++) {
      cmdVel.publish({ linear: { x: 0.15, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0.5 } });
      clock.advanceBy(100);
    }
    const mapOdom = transforms.get('map>robot1/odom');
    const odomBase = transforms.get('robot1/odom>robot1/base_link');
    if (!mapOdom || !odomBase) throw new Error('transforms missing');
    expect(Math.hypot(odomBase.x - truth.x, odomBase.y - truth.y)).toBeGreaterThan(1e-4);
    const composed = {
      x: mapOdom.x + Math.cos(mapOdom.yaw) * odomBase.x - Math.sin(mapOdom.yaw) * odomBase.y,
      y: mapOdom.y + Math.sin(mapOdom.yaw) * odomBase.x + Math.cos(mapOdom.yaw) * odomBase.y,
    };
    expect(composed.x).toBeCloseTo(truth.x, 6);
    expect(composed.y).toBeCloseTo(truth.y, 6);
  });

  it('changes the real-time factor at run time', async () => {
    await start({ world: 'empty-room', real_time_factor: 1, noise: false });
    let last = 0;
    probe
      .topic('/clock', 'rosgraph_msgs/msg/Clock', { qos: 'sensor_data' })
      .subscribe((e) => void (last = timeToMs(e.message.clock)));
    clock.advanceBy(1000);
    expect(last).toBe(1000);
    expect(await host.get('sim').params.set('real_time_factor', 5)).toEqual({ successful: true, reason: '' });
    clock.advanceBy(1000);
    expect(last).toBe(6000);
  });

  it('refuses a bad world before anything starts, naming the file', async () => {
    await expect(host.load([simulatorNode({ world: 'no-such-world' })])).rejects.toMatchObject({
      code: 'OMNI_ERR_WORLD_NOT_FOUND',
    });
    await expect(host.load([simulatorNode({ world: 'empty-room', spawns: ['robot9'] })])).rejects.toThrow(
      /^parameter spawns of '\/sim': robot9 not in world 'empty-room' .*; expected some of: robot1$/,
    );
    expect(host.list()).toEqual([]);
  });
});
