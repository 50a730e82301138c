import { z } from 'zod';

/** Parameters of the `navigator` plugin. */
export const navigatorParams = z.object({
  pose_topic: z.string().min(1).default('ground_truth').describe('nav_msgs/Odometry of the robot in the map frame.'),
  map_topic: z.string().min(1).default('map').describe('nav_msgs/OccupancyGrid, latched.'),
  scan_topic: z.string().min(1).default('scan').describe('sensor_msgs/LaserScan; empty string to ignore scans.'),
  cmd_vel_topic: z.string().min(1).default('cmd_vel').describe('geometry_msgs/Twist commands.'),
  action_name: z.string().min(1).default('navigate_to_pose').describe('Name of the action served.'),
  planner: z
    .string()
    .min(1)
    .default('astar')
    .describe("Global planner: 'astar', 'theta_star', or one a plugin provides as navigation.planner.<name>."),
  controller: z
    .string()
    .min(1)
    .default('regulated_pure_pursuit')
    .describe(
      "Local controller: 'regulated_pure_pursuit', 'dwa', or one a plugin provides as navigation.controller.<name>.",
    ),
  control_hz: z.number().positive().max(200).default(20).describe('Control rate on the node clock (Hz).'),
  planner_timeout_ms: z.number().positive().default(1000).describe('Wall-clock budget of one plan (ms).'),
  replan_period_s: z.number().positive().default(2).describe('Replan this often while following (s).'),
  input_timeout_s: z.number().positive().default(5).describe('How long a goal waits for a map and a pose (s).'),
  xy_goal_tolerance: z.number().positive().default(0.15).describe('Distance that counts as arrived (m).'),
  yaw_goal_tolerance: z.number().positive().default(0.3).describe('Heading error that counts as arrived (rad).'),
  desired_linear_vel: z.number().positive().default(0.2).describe('Cruise speed (m/s).'),
  max_angular_vel: z.number().positive().default(1.5).describe('Largest turn rate (rad/s).'),
  robot_radius: z.number().positive().default(0.105).describe('Radius of the circular footprint (m).'),
  inflation_radius: z.number().positive().default(0.45).describe('Costs are raised this close to obstacles (m).'),
  cost_scaling_factor: z.number().positive().default(3).describe('Decay rate of inflated costs (1/m).'),
  lethal_threshold: z.int().min(1).max(100).default(65).describe('Occupancy from which a cell is an obstacle.'),
  use_scan_obstacles: z.boolean().default(true).describe('Mark the latest scan returns as obstacles.'),
  scan_obstacle_range: z.number().positive().default(2.5).describe('Scan returns farther than this are ignored (m).'),
  required_movement_radius: z.number().positive().default(0.2).describe('Movement that counts as progress (m).'),
  movement_time_allowance: z.number().positive().default(6).describe('Time allowed to make progress (s).'),
  max_recoveries: z.int().min(0).default(4).describe('Recoveries allowed per goal before it aborts.'),
});

/** Parsed parameters of the `navigator` plugin. */
export type NavigatorParams = z.output<typeof navigatorParams>;
