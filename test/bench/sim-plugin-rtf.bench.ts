import { bench, describe } from 'vitest';
import { SystemClock, createInProcessHost, type ParamValueSource } from '@omnimind/core';
import { loadRobotLibrary } from '@omnimind/robots';
import { loadWorld, resolveWorldFile } from '@omnimind/simulator';
import { median, round3, writeResult } from './bench-helpers.js';
import { runBareRapier } from './bare-rapier.js';

/**
 * Real-time factor of the whole simulator stack, as a launch file runs it: the `simulator` plugin
 * on a shipped world, stepping as fast as possible, building and publishing every robot's messages
 * on the bus (odom 50 Hz, 360-ray scan 10 Hz, 160×120 image 10 Hz, IMU 100 Hz, tf, clock every
 * step). Baseline in the same run: bare Rapier stepping the same world's bodies.
 */
const WALL_MS = 3000;
const ROUNDS = 3;
const PHYSICS_HZ = 100;
const robots = loadRobotLibrary();

async function pluginRtf(world: string, spawns: string[]): Promise<number> {
  const clock = new SystemClock();
  const { host, bus, dispose } = createInProcessHost({ clock });
  const params: Record<string, unknown> = { world, spawns, real_time_factor: 0, seed: 1 };
  await host.load([
    {
      pkg: '@omnimind/simulator',
      plugin: 'simulator',
      name: 'sim',
      namespace: '/',
      remaps: [],
      baseDir: process.cwd(),
      paramLayers: [
        new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
      ],
    },
  ]);
  let simulatedMs = 0;
  bus
    .forNode({ name: 'bench' })
    .topic<{ clock: { sec: number; nanosec: number } }>('/clock', 'rosgraph_msgs/msg/Clock', { qos: 'sensor_data' })
    .subscribe((e) => void (simulatedMs = e.message.clock.sec * 1000 + e.message.clock.nanosec / 1e6));
  const start = performance.now();
  await host.startAll();
  await new Promise((resolve) => setTimeout(resolve, WALL_MS));
  const wall = performance.now() - start;
  const rtf = simulatedMs / wall;
  await dispose();
  return rtf;
}

async function bareRtf(world: string, spawns: string[]): Promise<number> {
  const loaded = loadWorld(resolveWorldFile(world), { knownRobots: [...robots.keys()] });
  const subset = { ...loaded, spawns: loaded.spawns.filter((s) => spawns.includes(s.name)) };
  const steps = 20 * PHYSICS_HZ;
  return 20 / ((await runBareRapier(subset, robots, steps, PHYSICS_HZ)) / 1e9);
}

async function measure(world: string, spawns: string[]) {
  const plugin: number[] = [];
  const bare: number[] = [];
  await bareRtf(world, spawns);
  for (let round = 0; round < ROUNDS; round++) {
    plugin.push(await pluginRtf(world, spawns));
    bare.push(await bareRtf(world, spawns));
  }
  return { robots: spawns.length, rtf: round3(median(plugin)), bareRapierRtf: round3(median(bare)) };
}

const office = await measure('office', ['robot1']);
const warehouse = await measure(
  'warehouse',
  Array.from({ length: 10 }, (_, i) => `robot${i + 1}`),
);
writeResult('sim-plugin-rtf', {
  unit: 'rtf = simulated seconds per wall second, whole simulator plugin publishing on the bus, one process',
  office,
  warehouse,
  ratios: {
    officeRtf: office.rtf,
    warehouseRtf: warehouse.rtf,
    officeOverheadVsBareRapier: round3(office.bareRapierRtf / office.rtf),
    warehouseOverheadVsBareRapier: round3(warehouse.bareRapierRtf / warehouse.rtf),
  },
  goal: { officeRtfAtLeast: 50, warehouseTenRobotsRtfAtLeast: 10, met: office.rtf >= 50 && warehouse.rtf >= 10 },
});

describe('simulator plugin, shipped worlds (numbers in results/sim-plugin-rtf.json)', () => {
  bench(
    'office, robot1 (diffbot), 3 s of wall time at RTF 0',
    async () => void (await pluginRtf('office', ['robot1'])),
    {
      iterations: 1,
      time: 0,
      warmupIterations: 0,
    },
  );
});
