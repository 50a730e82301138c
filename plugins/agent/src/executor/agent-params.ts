import { z } from 'zod';
import { batteryParamsSchema } from '../energy/battery-params.js';

/** Parameters of the `agent` plugin. */
export const agentParams = z.object({
  map_file: z
    .string()
    .min(1)
    .describe('YAML file with the named places and docks (a simulator world file works), relative to the launch file.'),
  mission_file: z
    .string()
    .default('')
    .describe('YAML file with the objects to act on and the goals to submit at start, relative to the launch file.'),
  battery: batteryParamsSchema
    .default({
      capacityAh: 1.8,
      nominalVoltage: 11.1,
      idleCurrent: 0.7,
      currentPerLinearSpeed: 2.0,
      currentPerAngularSpeed: 0.3,
      chargeCurrent: 1.8,
    })
    .describe('Battery model for energy prediction (default: the mobile manipulator).'),
  reserve_fraction: z.number().min(0).max(1).default(0.2).describe('Charge a plan must end with.'),
  low_fraction: z.number().min(0).max(1).default(0.12).describe('Below this charge the robot goes to the dock.'),
  charge_to_fraction: z.number().min(0).max(1).default(1).describe('A charge stops at this state of charge.'),
  linear_speed: z
    .number()
    .positive()
    .default(0.18)
    .describe('Average travel speed for time and energy estimates (m/s).'),
  angular_speed: z.number().positive().default(1).describe('Average turn rate for estimates (rad/s).'),
  place_tolerance: z.number().positive().default(0.6).describe('An object this close to a place is at it (m).'),
  approach_distance: z
    .number()
    .positive()
    .default(0.45)
    .describe('Distance from an object to stand at before the final approach (m).'),
  pose_topic: z.string().min(1).default('ground_truth').describe('nav_msgs/Odometry of the robot in the map frame.'),
  battery_topic: z.string().min(1).default('battery_state').describe('sensor_msgs/BatteryState of the robot.'),
  objects_topic: z.string().min(1).default('/sim/objects').describe('Object observations for the perception model.'),
  map_topic: z.string().min(1).default('map').describe('nav_msgs/OccupancyGrid, latched: occlusion and path lengths.'),
  tick_hz: z.number().positive().max(100).default(10).describe('Behavior-tree tick rate on the node clock.'),
  exit_when_done: z.boolean().default(false).describe('Shut the system down once every goal has ended.'),
  headless: z.boolean().default(false).describe('No redrawn status line on a terminal: plain lines only.'),
});

/** Parsed parameters of the `agent` plugin. */
export type AgentParams = z.output<typeof agentParams>;
