import { z } from 'zod';

/** Parameters of the simulator plugin. */
export const simulatorParams = z.object({
  world: z
    .string()
    .default('empty-room')
    .describe('A shipped world name (simulations/worlds/<name>.yaml) or a path to a world file.'),
  robots_dirs: z.array(z.string()).default([]).describe('Extra folders of robot descriptions (<type>/robot.yaml).'),
  spawns: z.array(z.string()).default([]).describe('Names of the world spawns to start (empty: all of them).'),
  seed: z.int().min(0).default(0).describe('Seed of every random draw: same seed and commands, same data.'),
  physics_hz: z
    .number()
    .positive()
    .max(10_000)
    .readonly()
    .default(100)
    .describe('Fixed physics steps per simulated second.'),
  real_time_factor: z
    .number()
    .min(0)
    .default(1)
    .describe('Simulated seconds per wall second; 0 runs as fast as possible.'),
  noise: z.boolean().default(true).describe('Sensor noise and wheel slip on (false: exact sensors).'),
  frame_prefix: z.boolean().default(true).describe("Prefix each robot's frame ids with '<robot>/'."),
  publish_map_to_odom: z
    .boolean()
    .default(true)
    .describe('Publish the exact map → odom transform from ground truth (perfect localization).'),
  objects_hz: z.number().positive().default(10).describe('Rate of the /sim/objects ground-truth topic.'),
  battery_charge: z
    .record(z.string(), z.number().min(0).max(1))
    .default({})
    .describe('Initial state of charge (0..1) by robot name, e.g. { robot2: 0.3 }; others start as described.'),
});

/** Parsed simulator parameters. */
export type SimulatorParams = z.infer<typeof simulatorParams>;
