import { UserInputError, definePlugin, timeToMs, type PluginContext, type Token } from '@omnimind/core';
import type { geometry_msgs, nav2_msgs, nav_msgs, sensor_msgs } from '@omnimind/core';
import type { VelocityCommand } from '../control/controller.js';
import { DwaController } from '../control/dwa-controller.js';
import { RegulatedPurePursuit } from '../control/regulated-pure-pursuit.js';
import { InflatedCostmap } from '../costmap/inflated-costmap.js';
import { scanObstaclePoints, type Point2 } from '../costmap/scan-obstacles.js';
import type { Pose2D } from '../grid/grid-types.js';
import { AStarPlanner } from '../planning/astar-planner.js';
import { ThetaStarPlanner } from '../planning/theta-star-planner.js';
import { BackUp } from '../recovery/back-up.js';
import { ClearCostmap } from '../recovery/clear-costmap.js';
import { Spin } from '../recovery/spin.js';
import { Wait } from '../recovery/wait.js';
import { NavigationRun, type NavigatorIo } from './navigation-run.js';
import { navigatorParams, type NavigatorParams } from './navigator-params.js';
import { poseToPose2D } from './path-geometry.js';
import {
  controllerCapability,
  controllerToken,
  plannerCapability,
  plannerToken,
  type ControllerFactory,
  type PlannerFactory,
} from './strategy-tokens.js';

const BUILTIN_PLANNERS: Readonly<Record<string, PlannerFactory>> = {
  astar: () => new AStarPlanner(),
  theta_star: () => new ThetaStarPlanner(),
};

const BUILTIN_CONTROLLERS: Readonly<Record<string, ControllerFactory>> = {
  regulated_pure_pursuit: (p) =>
    new RegulatedPurePursuit({
      ...sharedControllerOptions(p),
      inscribed_radius: p.robot_radius,
      desired_linear_vel: p.desired_linear_vel,
      max_linear_vel: Math.max(0.26, p.desired_linear_vel),
      goal_dist_tol: p.xy_goal_tolerance,
    }),
  dwa: (p) =>
    new DwaController({ ...sharedControllerOptions(p), max_linear_vel: Math.max(0.26, p.desired_linear_vel) }),
};

/** A built-in strategy by name, else one a plugin provided under `token`; a clear error when neither. */
function strategy<F>(
  kind: 'planner' | 'controller',
  name: string,
  builtins: Readonly<Record<string, F>>,
  container: PluginContext['container'],
  token: Token<F>,
  capability: string,
): F {
  const builtin = builtins[name];
  if (builtin !== undefined) return builtin;
  if (container.isRegistered(token, true)) return container.resolve(token);
  throw new UserInputError(
    'OMNI_ERR_NAVIGATOR_STRATEGY',
    `no ${kind} '${name}': the built-in ${kind}s are ${Object.keys(builtins).join(', ')}; ` +
      `any other must come from a plugin in the same system that provides '${capability}'`,
  );
}

function sharedControllerOptions(p: NavigatorParams) {
  return {
    robot_radius: p.robot_radius,
    inflation_cost_scaling_factor: p.cost_scaling_factor,
    max_angular_vel: p.max_angular_vel,
  };
}

/**
 * The `navigator` plugin: serves `navigate_to_pose` (`nav2_msgs/action/NavigateToPose`). It keeps a
 * costmap of the latched `map` topic (plus the latest scan returns), plans with the `planner` (A* by
 * default; Theta*, or one a plugin provides) from the pose on
 * `pose_topic`, follows the path with the chosen controller at `control_hz` on the node clock
 * (publishing `cmd_vel`), replans periodically and when blocked, and recovers (clear costmap, spin,
 * back up, wait) when progress stalls. One goal runs at a time: a new goal cancels the running one.
 */
export const navigator = definePlugin({
  name: 'navigator',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'navigate_to_pose: A* on an inflated costmap, a local controller, recoveries',
  params: navigatorParams,
  configure(ctx) {
    const p = ctx.params.values;
    const state: {
      costmap: InflatedCostmap | undefined;
      pose: { pose: Pose2D; velocity: VelocityCommand } | undefined;
      scanPoints: Point2[];
      current: AbortController | undefined;
    } = { costmap: undefined, pose: undefined, scanPoints: [], current: undefined };
    const cmdVel = ctx.bus.topic(p.cmd_vel_topic, 'geometry_msgs/msg/Twist');
    const publishCommand = (c: VelocityCommand): void => {
      const twist: geometry_msgs.Twist = { linear: { x: c.linear, y: 0, z: 0 }, angular: { x: 0, y: 0, z: c.angular } };
      cmdVel.publish(twist);
    };
    ctx.bus.topic(p.map_topic, 'nav_msgs/msg/OccupancyGrid', { qos: 'latched' }).subscribe((e) => {
      const grid: nav_msgs.OccupancyGrid = e.message;
      if (state.costmap) state.costmap.updateMap(grid);
      else
        state.costmap = new InflatedCostmap(grid, {
          inscribedRadius: p.robot_radius,
          inflationRadius: Math.max(p.inflation_radius, p.robot_radius),
          costScalingFactor: p.cost_scaling_factor,
          lethalThreshold: p.lethal_threshold,
        });
    });
    ctx.bus.topic(p.pose_topic, 'nav_msgs/msg/Odometry').subscribe((e) => {
      const odom: nav_msgs.Odometry = e.message;
      state.pose = {
        pose: poseToPose2D(odom.pose.pose),
        velocity: { linear: odom.twist.twist.linear.x, angular: odom.twist.twist.angular.z },
      };
    });
    ctx.bus.topic(p.scan_topic, 'sensor_msgs/msg/LaserScan', { qos: 'sensor_data' }).subscribe((e) => {
      const scan: sensor_msgs.LaserScan = e.message;
      if (!state.pose) return;
      // The lidar sits near the base's centre; its small offset is within the costmap's resolution.
      state.scanPoints = scanObstaclePoints(
        {
          ranges: scan.ranges,
          angleMin: scan.angle_min,
          angleIncrement: scan.angle_increment,
          rangeMin: scan.range_min,
          rangeMax: scan.range_max,
        },
        state.pose.pose,
        p.scan_obstacle_range,
      );
      if (p.use_scan_obstacles) state.costmap?.setObstacles(state.scanPoints);
    });
    const io: NavigatorIo = {
      pose: () => state.pose,
      costmap: () => state.costmap,
      scanPoints: () => state.scanPoints,
      publishCommand,
      nowMs: () => timeToMs(ctx.clock.now()),
      sleep: (ms, signal) => ctx.clock.sleep(ms, signal),
    };
    ctx.bus.actionServer(p.action_name, 'nav2_msgs/action/NavigateToPose', {
      async execute(handle): Promise<nav2_msgs.NavigateToPose_Result> {
        state.current?.abort();
        const mine = new AbortController();
        state.current = mine;
        const signal = AbortSignal.any([handle.signal, mine.signal]);
        const plannerName = ctx.params.values.planner;
        const controllerName = ctx.params.values.controller;
        const makePlanner = strategy(
          'planner',
          plannerName,
          BUILTIN_PLANNERS,
          ctx.container,
          plannerToken(plannerName),
          plannerCapability(plannerName),
        );
        const makeControl = strategy(
          'controller',
          controllerName,
          BUILTIN_CONTROLLERS,
          ctx.container,
          controllerToken(controllerName),
          controllerCapability(controllerName),
        );
        const parts = {
          planner: makePlanner(ctx.params.values),
          controller: makeControl(ctx.params.values),
          recoveries: [
            new ClearCostmap(() => void state.costmap?.clear()),
            new Spin({ angle: Math.PI / 2, angular_vel: Math.min(1, p.max_angular_vel) }),
            new BackUp({ distance: 0.15, speed: 0.05, robot_radius: p.robot_radius }),
            new Wait({ duration: 2 }),
          ],
        };
        const goal = poseToPose2D(handle.goal.pose.pose);
        try {
          return await new NavigationRun(io, parts, p, goal, signal, (f) => handle.publishFeedback(f)).execute();
        } finally {
          if (state.current === mine) state.current = undefined;
        }
      },
    });
    return state;
  },
  deactivate(_ctx, state) {
    state.current?.abort();
  },
});
