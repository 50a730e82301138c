import { bench, describe } from 'vitest';
import { createSimulation } from '../../simulations/src/engine/index.js';
import type { Simulation } from '../../simulations/src/engine/index.js';
import { PhysicsScene } from '../../simulations/src/engine/physics/physics-scene.js';
import { loadRapier } from '../../simulations/src/engine/rapier-module.js';
import { officeWorld, turtlebotLikeDescription, warehouseWorld } from '../../simulations/src/engine/testing/index.js';
import type { World } from '../../simulations/src/world/world-types.js';
import { median, round3, writeResult } from './bench-helpers.js';
import { runBareRapier } from './bare-rapier.js';

/**
 * Real-time factor of the simulator: simulated seconds per wall-clock second, one core.
 * Physics at 100 Hz; per robot a 360-ray lidar and a 160×120 camera at 10 Hz, odometry and IMU at
 * 50 Hz, a new velocity command at 10 Hz. The baseline steps the same Rapier world (same bodies,
 * robots launched at their cruise velocity) with `world.step()` alone, in the same process.
 */
const PHYSICS_HZ = 100;
const SIM_SECONDS = 20;
const ROUNDS = 5;
const robot = turtlebotLikeDescription();
const robots = new Map([[robot.name, robot]]);
let sink = 0;

interface Sections {
  physicsNs: number;
  lidarNs: number;
  cameraNs: number;
  odometryImuNs: number;
}

function command(sim: Simulation, step: number): void {
  const t = step / PHYSICS_HZ;
  sim.robots.forEach((r, i) => r.command({ linear: 0.2, angular: 0.8 * Math.sin(t / 2 + i) }));
}

/** Full simulator: physics plus every sensor at its rate. Returns wall ns and per-part ns. */
async function runSimulator(world: World, withSensors: boolean): Promise<{ ns: number; sections: Sections }> {
  const sim = await createSimulation({ world, robots, seed: 1, physicsHz: PHYSICS_HZ });
  const sections: Sections = { physicsNs: 0, lidarNs: 0, cameraNs: 0, odometryImuNs: 0 };
  const now = process.hrtime.bigint;
  const start = now();
  for (let step = 0; step < SIM_SECONDS * PHYSICS_HZ; step++) {
    if (step % 10 === 0) command(sim, step);
    let t = now();
    sim.step();
    sections.physicsNs += Number(now() - t);
    if (!withSensors) continue;
    if (step % 2 === 0) {
      t = now();
      for (const r of sim.robots) sink += r.odometry().pose.x + r.imu().yaw;
      sections.odometryImuNs += Number(now() - t);
    }
    if (step % 10 === 0) {
      t = now();
      for (const r of sim.robots) sink += r.scan()[0]!;
      sections.lidarNs += Number(now() - t);
      t = now();
      for (const r of sim.robots) sink += r.renderCamera()[0]!;
      sections.cameraNs += Number(now() - t);
    }
  }
  const ns = Number(now() - start);
  sim.dispose();
  return { ns, sections };
}

async function measure(world: World): Promise<Record<string, unknown>> {
  const full: number[] = [];
  const physicsOnly: number[] = [];
  const bare: number[] = [];
  const parts: Sections[] = [];
  // One warm-up round of each, then alternate so machine noise hits all three alike.
  await runSimulator(world, true);
  await runSimulator(world, false);
  await runBareRapier(world, robots, SIM_SECONDS * PHYSICS_HZ, PHYSICS_HZ);
  for (let round = 0; round < ROUNDS; round++) {
    const withSensors = await runSimulator(world, true);
    full.push(withSensors.ns);
    parts.push(withSensors.sections);
    physicsOnly.push((await runSimulator(world, false)).ns);
    bare.push(await runBareRapier(world, robots, SIM_SECONDS * PHYSICS_HZ, PHYSICS_HZ));
  }
  const rtf = (ns: number): number => round3(SIM_SECONDS / (ns / 1e9));
  const perSimSecondMs = (pick: (s: Sections) => number): number => round3(median(parts.map(pick)) / 1e6 / SIM_SECONDS);
  return {
    robots: world.spawns.length,
    simulatedSeconds: SIM_SECONDS,
    rtf: rtf(median(full)),
    rtfPhysicsOnly: rtf(median(physicsOnly)),
    rtfBareRapier: rtf(median(bare)),
    msPerSimulatedSecond: {
      total: round3(median(full) / 1e6 / SIM_SECONDS),
      physicsAndRobotModels: perSimSecondMs((s) => s.physicsNs),
      lidar: perSimSecondMs((s) => s.lidarNs),
      camera: perSimSecondMs((s) => s.cameraNs),
      odometryAndImu: perSimSecondMs((s) => s.odometryImuNs),
      bareRapier: round3(median(bare) / 1e6 / SIM_SECONDS),
    },
    overheadVsBareRapier: round3(median(full) / median(bare)),
    stepOverheadVsBareRapier: round3(median(physicsOnly) / median(bare)),
  };
}

/**
 * One 360-ray scan from the office robot through the simulator's ray caster and through Rapier's
 * own `world.castRay` (one reused Ray), to show why sensors do not query Rapier.
 */
async function scanCost(): Promise<{ sceneRayCasterUs: number; rapierCastRayUs: number }> {
  const rapier = await loadRapier();
  const world = officeWorld(robot.name);
  const scene = new PhysicsScene(
    rapier,
    world,
    world.spawns.map((spawn) => ({ spawn, description: robot })),
    1 / PHYSICS_HZ,
  );
  scene.world.step();
  scene.syncCaster();
  const body = scene.robots[0]!.body;
  const { x, y } = body.translation();
  const ray = new rapier.Ray({ x, y }, { x: 1, y: 0 });
  const lidar = robot.sensors.lidar!;
  const variants: Record<string, () => void> = {
    sceneRayCaster: () => {
      scene.caster.prepare(x, y, lidar.rangeMax, 0);
      for (let i = 0; i < 360; i++) {
        const a = (i * Math.PI) / 180;
        sink += scene.caster.cast(x, y, Math.cos(a), Math.sin(a), 0, lidar.rangeMax);
      }
    },
    rapierCastRay: () => {
      for (let i = 0; i < 360; i++) {
        const a = (i * Math.PI) / 180;
        ray.dir = { x: Math.cos(a), y: Math.sin(a) };
        sink +=
          scene.world.castRay(ray, lidar.rangeMax, true, undefined, undefined, undefined, body)?.timeOfImpact ?? 0;
      }
    },
  };
  const samples: Record<string, number[]> = { sceneRayCaster: [], rapierCastRay: [] };
  for (let round = 0; round < 30; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const start = process.hrtime.bigint();
      for (let k = 0; k < 20; k++) run();
      if (round >= 5) samples[name]!.push(Number(process.hrtime.bigint() - start) / 20 / 1000);
    }
  }
  scene.free();
  return {
    sceneRayCasterUs: round3(median(samples.sceneRayCaster!)),
    rapierCastRayUs: round3(median(samples.rapierCastRay!)),
  };
}

const scan = await scanCost();
const office = await measure(officeWorld(robot.name));
const warehouse = await measure(warehouseWorld(10, robot.name));
const officeRtf = office.rtf as number;
const warehouseRtf = warehouse.rtf as number;

writeResult('sim-rtf', {
  unit: 'rtf = simulated seconds per wall-clock second (one core); msPerSimulatedSecond = wall ms spent per simulated second',
  rates: {
    physicsHz: PHYSICS_HZ,
    lidarHz: 10,
    lidarRays: 360,
    cameraHz: 10,
    camera: '160x120',
    odometryHz: 50,
    imuHz: 50,
    commandHz: 10,
  },
  office,
  warehouse,
  lidarScan360: scan,
  ratios: {
    rapierCastRayVsSceneRayCaster: round3(scan.rapierCastRayUs / scan.sceneRayCasterUs),
    officeRtf,
    warehouseRtf,
    officeOverheadVsBareRapier: office.overheadVsBareRapier,
    warehouseOverheadVsBareRapier: warehouse.overheadVsBareRapier,
    officeStepOverheadVsBareRapier: office.stepOverheadVsBareRapier,
    warehouseStepOverheadVsBareRapier: warehouse.stepOverheadVsBareRapier,
  },
  goal: {
    officeRtfAtLeast: 50,
    warehouseTenRobotsRtfAtLeast: 10,
    met: officeRtf >= 50 && warehouseRtf >= 10,
  },
});

describe('simulator, one simulated second', async () => {
  const sim = await createSimulation({ world: officeWorld(robot.name), robots, seed: 1 });
  const r = sim.robot('robot1');
  bench(
    'office, one robot, all sensors',
    () => {
      for (let step = 0; step < PHYSICS_HZ; step++) {
        if (step % 10 === 0) {
          r.command({ linear: 0.2, angular: 0.3 });
          sink += r.scan()[0]! + r.renderCamera()[0]!;
        }
        sim.step();
        if (step % 2 === 0) sink += r.odometry().pose.x + r.imu().yaw;
      }
    },
    { time: 1000 },
  );
});

if (sink === 42) console.log(sink);
