import { resolve } from 'node:path';
import {
  QOS_LATCHED,
  UserInputError,
  definePlugin,
  didYouMean,
  timeFromMs,
  type Topic,
  type tf2_msgs,
} from '@omnimind/core';
import { loadRobotLibrary, type RobotDescription } from '@omnimind/robots';
import { createSimulation } from '../engine/create-simulation.js';
import type { Simulation } from '../engine/engine-types.js';
import { loadWorld } from '../world/load-world.js';
import { resolveWorldFile } from '../world/worlds-dir.js';
import type { World } from '../world/world-types.js';
import { RobotInterfaces } from './robot-interfaces.js';
import { SensorSchedule } from './sensor-schedule.js';
import { SimPacer } from './sim-pacer.js';
import { simulatorParams, type SimulatorParams } from './simulator-params.js';
import { objectStatesMessage } from './object-states.js';
import { serveTestHooks } from './sim-test-services.js';

/** Per-instance state of the simulator. */
export interface SimulatorState {
  readonly world: World;
  readonly simulation: Simulation;
  readonly robots: readonly RobotInterfaces[];
  readonly pacer: SimPacer;
  /** Closes the test-hook services. */
  readonly closeServices: () => void;
}

/** Robot types from the shipped robots and any extra folders. */
export function loadRobots(params: SimulatorParams, baseDir: string): Map<string, RobotDescription> {
  const robots = new Map(loadRobotLibrary());
  for (const dir of params.robots_dirs)
    for (const [name, robot] of loadRobotLibrary(resolve(baseDir, dir))) robots.set(name, robot);
  return robots;
}

function loadScene(params: SimulatorParams, baseDir: string): { world: World; robots: Map<string, RobotDescription> } {
  const robots = loadRobots(params, baseDir);
  const world = loadWorld(resolveWorldFile(params.world, baseDir), { knownRobots: [...robots.keys()] });
  return { world, robots };
}

/**
 * The embedded simulator as a plugin: loads a world and its robots, steps Rapier physics at a fixed
 * rate on simulated time (published on `/clock`), and gives every robot the topics a ROS 2 robot
 * has. Nodes that set `use_sim_time` follow its clock. Tests stage faults through its services
 * `/sim/set_object_pose` and `/sim/set_battery_charge` (see {@link serveTestHooks}).
 */
export const simulator = definePlugin({
  name: 'simulator',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Embedded 2D simulator: worlds, robots, sensors, /clock.',
  params: simulatorParams,
  provides: ['simulator', 'clock'],
  validate(params, node) {
    const { world } = loadScene(params, process.cwd());
    const missing = params.spawns.filter((name) => !world.spawns.some((s) => s.name === name));
    if (missing.length > 0) {
      throw new UserInputError(
        'OMNI_ERR_SIM_UNKNOWN_SPAWN',
        `parameter spawns of '${node.name}': ${missing.join(', ')} not in world '${world.name}' (${world.file}); ` +
          `expected some of: ${world.spawns.map((s) => s.name).join(', ')}`,
      );
    }
    const started = params.spawns.length > 0 ? params.spawns : world.spawns.map((s) => s.name);
    for (const name of Object.keys(params.battery_charge)) {
      if (started.includes(name)) continue;
      const suggestion = didYouMean(name, started);
      throw new UserInputError(
        'OMNI_ERR_SIM_UNKNOWN_SPAWN',
        `parameter battery_charge of '${node.name}': '${name}' is not a robot of this simulation` +
          (suggestion ? `; did you mean '${suggestion}'?` : '') +
          ` (robots: ${started.join(', ')})`,
      );
    }
  },
  async configure(ctx): Promise<SimulatorState> {
    const params = ctx.params.values;
    const { world, robots } = loadScene(params, process.cwd());
    const spawns = params.spawns.length > 0 ? world.spawns.filter((s) => params.spawns.includes(s.name)) : world.spawns;
    const simulation = await createSimulation({
      world,
      robots,
      seed: params.seed,
      physicsHz: params.physics_hz,
      spawns,
      noise: params.noise,
    });
    for (const [name, charge] of Object.entries(params.battery_charge)) simulation.robot(name).setBatteryCharge(charge);
    const bus = ctx.bus;
    const nowMs = () => simulation.timeMs;
    const clock = bus.topic('/clock', 'rosgraph_msgs/msg/Clock', { qos: { depth: 1, reliability: 'best_effort' } });
    const tf: Topic<tf2_msgs.TFMessage> = bus.topic('/tf', 'tf2_msgs/msg/TFMessage', { qos: { depth: 100 } });
    const tfStatic: Topic<tf2_msgs.TFMessage> = bus.topic('/tf_static', 'tf2_msgs/msg/TFMessage', { qos: QOS_LATCHED });
    const objects = bus.topic('/sim/objects', 'omnimind_msgs/msg/ObjectStateArray');

    const schedule = new SensorSchedule(simulation.stepMs);
    const interfaces = simulation.robots.map(
      (robot) =>
        new RobotInterfaces({
          bus,
          robot,
          framePrefix: params.frame_prefix ? `${robot.name}/` : '',
          publishMapToOdom: params.publish_map_to_odom,
          nowMs,
          tf,
          logger: ctx.logger,
        }),
    );
    const staticTransforms = interfaces.flatMap((robot) => robot.open(schedule));
    tfStatic.publish({ transforms: staticTransforms });
    schedule.every(params.objects_hz, () =>
      objects.publish(objectStatesMessage(timeFromMs(nowMs()), world, simulation.objects())),
    );

    let steps = 0;
    const pacer = new SimPacer(
      {
        stepMs: simulation.stepMs,
        step: () => {
          simulation.step();
          steps += 1;
          clock.publish({ clock: timeFromMs(simulation.timeMs) });
          schedule.run(steps);
          for (const robot of interfaces) robot.onStep();
        },
      },
      ctx.clock,
      params.real_time_factor,
    );
    ctx.logger.info(
      {
        world: world.name,
        robots: simulation.robots.map((r) => `${r.name}:${r.description.name}`),
        stepMs: simulation.stepMs,
      },
      'simulation ready',
    );
    const closeServices = serveTestHooks(bus, simulation);
    return { world, simulation, robots: interfaces, pacer, closeServices };
  },
  activate(ctx, state) {
    state.pacer.start();
    const rtf = ctx.metrics.gauge({
      name: 'omnimind_sim_real_time_factor',
      help: 'Simulated seconds per wall second.',
    });
    ctx.createTimer(1000, () => rtf.set(undefined, state.pacer.measureRealTimeFactor()));
    ctx.subscribe(ctx.params.changes, (change) => {
      if (change.name === 'real_time_factor') state.pacer.setRealTimeFactor(ctx.params.values.real_time_factor);
    });
  },
  deactivate(_ctx, state) {
    state.pacer.stop();
  },
  cleanup(_ctx, state) {
    state.closeServices();
    for (const robot of state.robots) robot.close();
    state.simulation.dispose();
  },
  shutdown(_ctx, state) {
    state?.pacer.stop();
  },
});
