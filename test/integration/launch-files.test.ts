import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseParamFile, paramsForNode, startLaunch, type RunningSystem } from '@omnimind/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const silent = new Writable({ write: (_c, _e, done) => done() });
const launchDir = join(root, 'launch');

async function withSystem<T>(
  file: string,
  options: Parameters<typeof startLaunch>[1],
  body: (system: RunningSystem) => Promise<T>,
): Promise<T> {
  const system = await startLaunch(file, { logLevel: 'silent', logDestination: silent, cwd: root, ...options });
  try {
    return await body(system);
  } finally {
    await system.shutdown();
  }
}

describe('the launch files that ship', () => {
  for (const file of readdirSync(launchDir).filter((f) => f.endsWith('.launch.yaml'))) {
    it(`${file} starts with every node active and shuts down cleanly`, async () => {
      const states = await withSystem(join(launchDir, file), {}, async (system) =>
        system.control.nodes().map((n) => n.state),
      );
      expect(states.length).toBeGreaterThan(0);
      expect(new Set(states)).toEqual(new Set(['active']));
    });
  }

  it('heartbeat: the monitor receives the heartbeat and reports OK on /diagnostics', async () => {
    await withSystem(join(launchDir, 'heartbeat.launch.yaml'), { args: { rate_hz: '20' } }, async (system) => {
      expect(system.control.nodes().map((n) => n.name)).toEqual(['/demo/heartbeat', '/demo/monitor']);
      const report = await new Promise<unknown>((resolve) => {
        const stop = system.control.echo('/diagnostics', (m) => {
          stop();
          resolve(m.message);
        });
      });
      expect(report).toMatchObject({ status: [{ level: 0, message: 'ok' }] });
      expect(system.control.paramGet('/demo/heartbeat', 'rate_hz').value).toBe(20);
      expect(system.control.paramGet('/demo/monitor', 'timeout_s').source).toMatch(/demo\.params\.yaml/);
    });
  });

  it('demo: robot2 maps the warehouse and its agent plans the red-box mission and sets off', async () => {
    await withSystem(join(launchDir, 'demo.launch.yaml'), { args: { real_time_factor: '20' } }, async (system) => {
      expect(
        system.control
          .nodes()
          .map((n) => n.name)
          .sort(),
      ).toEqual([
        '/demo/heartbeat',
        '/demo/monitor',
        '/robot2/agent',
        '/robot2/mapper',
        '/robot2/navigator',
        '/simulator',
      ]);
      const probe = system.bus.forNode({ name: 'probe' });
      const xs: number[] = [];
      let plan: string[] = [];
      probe
        .topic('/robot2/ground_truth', 'nav_msgs/msg/Odometry')
        .subscribe((e) => void xs.push(e.message.pose.pose.position.x));
      probe
        .topic('/robot2/agent_status', 'omnimind_msgs/msg/AgentStatus', { qos: 'latched' })
        .subscribe((e) => void (plan = e.message.plan.length > 0 ? [...e.message.plan] : plan));
      for (let waited = 0; plan.length === 0 && waited < 20_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(plan).toContain('grasp(red_box_1)');
      expect(xs.length).toBeGreaterThan(100);
      expect(Math.abs(xs.at(-1)! - xs[0]!)).toBeGreaterThan(0.5);
    });
  });

  it("vision: the colour-blob detector reads robot2's camera and publishes detections with its frames' headers", async () => {
    await withSystem(join(launchDir, 'vision.launch.yaml'), {}, async (system) => {
      const probe = system.bus.forNode({ name: 'probe' });
      const frames = new Set<string>();
      const detections: { stamp: string; frame: string }[] = [];
      const key = (t: { sec: number; nanosec: number }): string => `${t.sec}.${t.nanosec}`;
      probe
        .topic('/robot2/camera/image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' })
        .subscribe((e) => void frames.add(key(e.message.header.stamp)));
      probe
        .topic('/robot2/detections', 'vision_msgs/msg/Detection2DArray')
        .subscribe(
          (e) => void detections.push({ stamp: key(e.message.header.stamp), frame: e.message.header.frame_id }),
        );
      for (let waited = 0; detections.length < 3 && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(detections.length).toBeGreaterThanOrEqual(3);
      expect(detections.every((d) => frames.has(d.stamp) && d.frame === 'robot2/camera_link')).toBe(true);
    });
  });

  it('navigation: robot1 maps the office and reaches the kitchen through its door with navigate_to_pose', async () => {
    await withSystem(
      join(launchDir, 'navigation.launch.yaml'),
      { args: { real_time_factor: '10' } },
      async (system) => {
        const probe = system.bus.forNode({ name: 'probe' });
        let truth = { x: 0, y: 0 };
        probe.topic('/robot1/ground_truth', 'nav_msgs/msg/Odometry').subscribe((e) => {
          truth = { x: e.message.pose.pose.position.x, y: e.message.pose.pose.position.y };
        });
        const navigate = probe.actionClient('/robot1/navigate_to_pose', 'nav2_msgs/action/NavigateToPose');
        await navigate.waitForServer(5000);
        const goal = await navigate.sendGoal({
          pose: {
            header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'map' },
            pose: { position: { x: 3.8, y: 2.2, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
          },
          behavior_tree: '',
        });
        const result = await goal.result;
        expect(result.error_code).toBe(0);
        expect(Math.hypot(truth.x - 3.8, truth.y - 2.2)).toBeLessThan(0.25);
      },
    );
  }, 60_000);

  it('two-robots: the remap points robot2 monitor at robot1 heartbeat', async () => {
    await withSystem(join(launchDir, 'two-robots.launch.yaml'), {}, async (system) => {
      // The heartbeat advertises at configure, so the graph lists it before its first message.
      const info = system.control.topicInfo('/robot1/heartbeat');
      expect(info.publishers.map((p) => p.node)).toEqual(['/robot1/heartbeat']);
      expect(info.subscriptions.map((s) => s.node)).toContain('/robot2/monitor');
    });
  });

  it('a --param without a node applies to every node that declares it, and dump reloads as a param file', async () => {
    await withSystem(
      join(launchDir, 'two-robots.launch.yaml'),
      { paramOverrides: [{ node: undefined, name: 'rate_hz', value: 7 }] },
      async (system) => {
        expect(system.control.paramGet('/robot1/heartbeat', 'rate_hz')).toMatchObject({ value: 7, source: 'cli' });
        expect(system.control.paramGet('/robot2/heartbeat', 'rate_hz').value).toBe(7);
        expect(await system.control.paramSet('/robot2/heartbeat', 'rate_hz', 3)).toEqual({
          successful: true,
          reason: '',
        });

        const dir = mkdtempSync(join(tmpdir(), 'omnimind-dump-'));
        const file = join(dir, 'dump.params.yaml');
        writeFileSync(file, stringify(system.control.paramDump()));
        const reloaded = paramsForNode([parseParamFile(file)], '/robot2/heartbeat');
        expect(Object.fromEntries([...reloaded].map(([name, p]) => [name, p.value]))).toEqual({
          rate_hz: 3,
          topic: 'heartbeat',
          crash_after: 0,
        });
      },
    );
  });
});
