import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startLaunch, type Bus, type RunningSystem, type omnimind_msgs } from '@omnimind/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const demo = join(root, 'launch', 'demo.launch.yaml');
const officeLaunch = join(root, 'test', 'fixtures', 'agent', 'office.launch.yaml');
const silent = new Writable({ write: (_c, _e, done) => done() });
/** Wall-clock limit of one mission; the missions take 5–20 s here. */
const WALL_LIMIT_MS = 150_000;

interface MissionRun {
  readonly statuses: omnimind_msgs.AgentStatus[];
  /** `node_name current_status` of every behavior-tree status change. */
  readonly treeLog: string[];
  readonly objects: Map<string, { x: number; y: number }>;
  readonly collisions: number;
  /** Final status of each goal (from agent_status). */
  readonly outcome: Map<string, { status: string; message: string; replans: number }>;
}

interface Watch {
  readonly system: RunningSystem;
  readonly probe: Bus;
  readonly statuses: omnimind_msgs.AgentStatus[];
  /** Simulated seconds. */
  simTime(): number;
  robot(): { x: number; y: number; speed: number } | undefined;
}

/**
 * Starts `file`, watches the agent of robot2 until the system shuts itself down (the agent's
 * `exit_when_done`), and returns what happened. `during` runs on every agent status and on every
 * ground-truth pose (50 Hz of simulated time) with the latest status, to stage faults.
 */
async function runMission(
  file: string,
  options: {
    args?: Record<string, string>;
    params?: { node: string | undefined; name: string; value: unknown }[];
    /** Checked at every status and pose: true shuts the system down (for runs that do not end by themselves). */
    stopWhen?: () => boolean;
  },
  during?: (watch: Watch, status: omnimind_msgs.AgentStatus) => void | Promise<void>,
): Promise<MissionRun> {
  const system = await startLaunch(file, {
    logLevel: 'silent',
    logDestination: silent,
    cwd: root,
    args: options.args ?? {},
    paramOverrides: options.params ?? [],
  });
  const probe = system.bus.forNode({ name: 'mission_probe' });
  const statuses: omnimind_msgs.AgentStatus[] = [];
  const treeLog: string[] = [];
  const objects = new Map<string, { x: number; y: number }>();
  let collisions = 0;
  let pressed = false;
  let simMs = 0;
  let robot: { x: number; y: number; speed: number } | undefined;
  const watch: Watch = { system, probe, statuses, simTime: () => simMs / 1000, robot: () => robot };
  const subs = [
    probe.topic('/clock', 'rosgraph_msgs/msg/Clock', { qos: 'sensor_data' }).subscribe((e) => {
      simMs = e.message.clock.sec * 1000 + e.message.clock.nanosec / 1e6;
    }),
    probe.topic('/robot2/ground_truth', 'nav_msgs/msg/Odometry').subscribe((e) => {
      const { pose, twist } = e.message;
      robot = { x: pose.pose.position.x, y: pose.pose.position.y, speed: Math.abs(twist.twist.linear.x) };
      const latest = statuses.at(-1);
      if (latest) void Promise.resolve(during?.(watch, latest)).catch(() => undefined);
    }),
    probe.topic('/sim/objects', 'omnimind_msgs/msg/ObjectStateArray').subscribe((e) => {
      for (const o of e.message.objects) objects.set(o.id, { x: o.pose.x, y: o.pose.y });
    }),
    probe.topic('/robot2/bumper', 'omnimind_msgs/msg/BumperEvent', { qos: 'latched' }).subscribe((e) => {
      if (e.message.pressed && !pressed) collisions += 1;
      pressed = e.message.pressed;
    }),
    probe.topic('/robot2/behavior_tree_log', 'nav2_msgs/msg/BehaviorTreeLog').subscribe((e) => {
      for (const change of e.message.event_log) treeLog.push(`${change.node_name} ${change.current_status}`);
    }),
    probe.topic('/robot2/agent_status', 'omnimind_msgs/msg/AgentStatus', { qos: 'latched' }).subscribe((e) => {
      statuses.push(e.message);
      void Promise.resolve(during?.(watch, e.message)).catch(() => undefined);
    }),
  ];
  const limit = new Promise<'limit'>((resolve) => setTimeout(() => resolve('limit'), WALL_LIMIT_MS).unref());
  const stopped = new Promise<'done'>((resolve) => {
    const poll = setInterval(() => {
      if (options.stopWhen?.() !== true) return;
      clearInterval(poll);
      void system.shutdown().then(() => resolve('done'));
    }, 5);
    void system.done.finally(() => clearInterval(poll));
  });
  const ended = await Promise.race([system.done.then(() => 'done' as const), stopped, limit]);
  for (const s of subs) s.unsubscribe();
  if (ended === 'limit') await system.shutdown();
  expect(ended, 'the agent ends the system once every goal has ended').toBe('done');
  const outcome = new Map<string, { status: string; message: string; replans: number }>();
  for (const s of statuses) {
    if (['succeeded', 'failed', 'cancelled'].includes(s.goal_status)) {
      outcome.set(s.goal_id, { status: s.goal_status, message: s.message, replans: s.replans });
    }
  }
  return { statuses, treeLog, objects, collisions, outcome };
}

const DOCK_DROP = { x: 1.0, y: 8.1 };
const near = (a: { x: number; y: number } | undefined, b: { x: number; y: number }, tolerance: number): boolean =>
  a !== undefined && Math.hypot(a.x - b.x, a.y - b.y) <= tolerance;
const plans = (run: MissionRun): string[][] => {
  const seen: string[][] = [];
  for (const s of run.statuses) {
    if (s.message === 'plan ready') seen.push([...s.plan]);
  }
  return seen;
};

describe('the agent in the warehouse demo', () => {
  it('fetches the red box and delivers it to the dock, without a collision', async () => {
    const run = await runMission(demo, {});
    expect(run.outcome.get('fetch_red_box')?.status).toBe('succeeded');
    expect(near(run.objects.get('red_box_1'), DOCK_DROP, 0.5)).toBe(true);
    expect(run.collisions).toBe(0);
    const first = plans(run)[0] ?? [];
    expect(first).toContain('grasp(red_box_1)');
    expect(first.at(-1)).toBe('release(red_box_1@dock_drop)');
    // The tree's live status and the agent's status carry the plan and the step, for dashboards.
    expect(run.treeLog).toContain('grasp(red_box_1) RUNNING');
    expect(run.treeLog).toContain('release(red_box_1@dock_drop) SUCCESS');
    expect(run.treeLog).toContain('fetch_red_box SUCCESS');
    expect(run.statuses.some((s) => s.current_step >= 0 && s.battery_fraction > 0.9)).toBe(true);
  }, 180_000);

  it('charges first when the battery is too low for the mission', async () => {
    const run = await runMission(demo, {
      args: { battery: '0.2' },
      params: [{ node: 'agent', name: 'charge_to_fraction', value: 0.3 }],
    });
    expect(run.outcome.get('fetch_red_box')?.status).toBe('succeeded');
    const first = plans(run)[0] ?? [];
    expect(first.slice(0, 2)).toEqual(['move(dock)', 'charge()']);
    expect(near(run.objects.get('red_box_1'), DOCK_DROP, 0.5)).toBe(true);
  }, 180_000);

  it('returns to the dock when the battery runs low mid-mission, then resumes and delivers', async () => {
    let drained: omnimind_msgs.SetBatteryCharge_Response | undefined;
    const run = await runMission(
      demo,
      { params: [{ node: 'agent', name: 'charge_to_fraction', value: 0.16 }] },
      async (watch, status) => {
        if (drained !== undefined || !status.message.startsWith('running grasp(')) return;
        drained = { success: false, message: 'pending' };
        const client = watch.probe.serviceClient('/sim/set_battery_charge', 'omnimind_msgs/srv/SetBatteryCharge');
        drained = await client.call({ robot: 'robot2', charge: 0.1 });
      },
    );
    expect(drained?.success, drained?.message).toBe(true);
    expect(run.outcome.get('recharge-1')?.status).toBe('succeeded');
    expect(run.outcome.get('fetch_red_box')?.status).toBe('succeeded');
    const order = run.statuses.map((s) => s.goal_id).filter((id, i, all) => id !== '' && id !== all[i - 1]);
    expect(order.slice(0, 3)).toEqual(['fetch_red_box', 'recharge-1', 'fetch_red_box']);
    expect(near(run.objects.get('red_box_1'), DOCK_DROP, 0.5)).toBe(true);
  }, 180_000);

  it('replans when the box is moved away while the robot reaches for it', async () => {
    let moved: omnimind_msgs.SetObjectPose_Response | undefined;
    const run = await runMission(demo, {}, async (watch, status) => {
      if (moved !== undefined || !status.message.startsWith('running grasp(red_box_1)')) return;
      moved = { success: false, message: 'pending' };
      const client = watch.probe.serviceClient('/sim/set_object_pose', 'omnimind_msgs/srv/SetObjectPose');
      moved = await client.call({ id: 'red_box_1', pose: { x: 4.6, y: 12.2, theta: 0 } });
    });
    expect(moved?.message).toMatch(/./);
    expect(moved?.success, moved?.message).toBe(true);
    expect(run.outcome.get('fetch_red_box')?.status).toBe('succeeded');
    expect(plans(run).length).toBeGreaterThan(1);
    expect(run.objects.get('red_box_1')).toSatisfy((box) => near(box as never, DOCK_DROP, 0.5));
  }, 180_000);

  it('stops the robot when the goal is cancelled mid-way', async () => {
    let cancelledAt: number | undefined;
    let speedAfter: number | undefined;
    const options = {
      params: [{ node: 'agent', name: 'exit_when_done', value: false }],
      stopWhen: () => speedAfter !== undefined,
    };
    const run = await runMission(demo, options, (watch, status) => {
      const now = watch.simTime();
      if (cancelledAt === undefined && status.message.startsWith('running move(') && now > 8) {
        cancelledAt = now;
        watch.probe.topic('/robot2/cancel_goal', 'std_msgs/msg/String').publish({ data: 'fetch_red_box' });
      }
      if (cancelledAt !== undefined && speedAfter === undefined && now > cancelledAt + 1.5) {
        speedAfter = watch.robot()?.speed;
      }
    });
    expect(run.outcome.get('fetch_red_box')?.status).toBe('cancelled');
    expect(cancelledAt).toBeDefined();
    expect(speedAfter).toBeDefined();
    expect(speedAfter!).toBeLessThan(0.02);
  }, 180_000);
});

describe('the agent when the world does not cooperate', () => {
  it('fails cleanly when a door closes on its only route', async () => {
    let closed: omnimind_msgs.SetObjectPose_Response | undefined;
    const run = await runMission(officeLaunch, { args: { mission: 'to-kitchen.mission.yaml' } }, async (watch) => {
      const robot = watch.robot();
      if (closed !== undefined || robot === undefined || robot.x > 9) return;
      closed = { success: false, message: 'pending' };
      const client = watch.probe.serviceClient('/sim/set_object_pose', 'omnimind_msgs/srv/SetObjectPose');
      closed = await client.call({ id: 'door_leaf', pose: { x: 2.5, y: 4.0, theta: 0 } });
    });
    expect(closed?.success, closed?.message).toBe(true);
    const outcome = run.outcome.get('to_kitchen');
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(/no plan|gave up/);
  }, 180_000);

  it('fails cleanly, after its replans, when the goal place is inside an obstacle', async () => {
    const run = await runMission(officeLaunch, { args: { mission: 'into-table.mission.yaml' } });
    const outcome = run.outcome.get('into_table');
    expect(outcome?.status).toBe('failed');
    expect(outcome?.message).toMatch(/no plan|gave up/);
    expect(outcome?.replans).toBeLessThanOrEqual(3);
  }, 180_000);

  it('fails a goal whose deadline passes while the robot is on its way', async () => {
    const run = await runMission(officeLaunch, { args: { mission: 'to-kitchen-deadline.mission.yaml' } });
    const outcome = run.outcome.get('to_kitchen_soon');
    expect(outcome).toMatchObject({ status: 'failed', message: 'deadline passed' });
    expect(run.statuses.some((s) => s.message.startsWith('running move(kitchen)'))).toBe(true);
  }, 180_000);

  it('starts nothing for a mission naming an unknown place or key, and says where', async () => {
    await expect(
      startLaunch(officeLaunch, {
        logLevel: 'silent',
        logDestination: silent,
        cwd: root,
        args: { mission: 'bad-place.mission.yaml' },
      }),
    ).rejects.toThrow(/goal fetch names 'pantry', which is not a place/);
    await expect(
      startLaunch(officeLaunch, {
        logLevel: 'silent',
        logDestination: silent,
        cwd: root,
        args: { mission: 'malformed.mission.yaml' },
      }),
    ).rejects.toThrow(/malformed\.mission\.yaml:6:5/);
  });
});
