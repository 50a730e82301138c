import { UserInputError, definePlugin, type geometry_msgs, type nav_msgs, type Topic } from '@omnimind/core';
import { loadWorld } from '../world/load-world.js';
import { resolveWorldFile } from '../world/worlds-dir.js';
import type { Pose2D, Vec2 } from '../world/world-types.js';
import { goToGoalStep, type GoToGoalPhase } from './go-to-goal-law.js';
import { gainsFromParams, goalDriverParams, type GoalDriverParams } from './goal-driver-params.js';

/** Code of the error raised when the driver's `place` or `dock` is not in its `world`. */
export const GOAL_DRIVER_TARGET_ERROR = 'OMNI_ERR_GOAL_DRIVER_TARGET';

/** The planar pose in a `nav_msgs/Odometry` message (yaw from the orientation quaternion). */
export function poseFromOdometry(message: nav_msgs.Odometry): Pose2D {
  const { position, orientation: q } = message.pose.pose;
  const yaw = Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z));
  return { x: position.x, y: position.y, theta: yaw };
}

/** The target position the parameters ask for; a `place` or `dock` is looked up in its world. */
export function driverTarget(params: GoalDriverParams): Vec2 {
  if (params.pose) return { x: params.pose[0] as number, y: params.pose[1] as number };
  const world = loadWorld(resolveWorldFile(params.world), { knownRobots: () => true });
  const [what, name, found] =
    params.dock !== ''
      ? (['dock', params.dock, world.docks.find((d) => d.id === params.dock)?.pose] as const)
      : (['place', params.place, world.places[params.place]] as const);
  if (!found) {
    const known = (what === 'dock' ? world.docks.map((d) => d.id) : Object.keys(world.places)).sort();
    throw new UserInputError(
      GOAL_DRIVER_TARGET_ERROR,
      `goal-driver: world '${world.name}' has no ${what} '${name}'; its ${what}s: ${known.join(', ') || '(none)'}`,
    );
  }
  return { x: found.x, y: found.y };
}

interface DriverState {
  readonly target: Vec2;
  readonly cmdVel: Topic<geometry_msgs.Twist>;
  readonly poseTopic: Topic<nav_msgs.Odometry>;
  pose: Pose2D | undefined;
  phase: GoToGoalPhase;
}

const twist = (linear: number, angular: number): geometry_msgs.Twist => ({
  linear: { x: linear, y: 0, z: 0 },
  angular: { x: 0, y: 0, z: angular },
});

/**
 * A go-to-goal test driver: reads the robot's pose (`ground_truth` by default), turns towards the
 * target, drives at it with a proportional law and stops there, publishing `cmd_vel` at `rate_hz`
 * on its clock. It sees no obstacles: it exists to exercise scenarios until a navigation stack
 * does, and to show what a planner must do better.
 */
export const goalDriver = definePlugin({
  name: 'goal-driver',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Turn-then-drive proportional go-to-goal controller (no obstacle avoidance): a scenario test driver.',
  params: goalDriverParams,
  validate(params) {
    driverTarget(params);
  },
  configure(ctx): DriverState {
    const params = ctx.params.values;
    const prefix = params.robot === '' ? '' : `/${params.robot}/`;
    return {
      target: driverTarget(params),
      cmdVel: ctx.bus.topic(`${prefix}cmd_vel`, 'geometry_msgs/msg/Twist'),
      poseTopic: ctx.bus.topic(`${prefix}${params.pose_topic}`, 'nav_msgs/msg/Odometry'),
      pose: undefined,
      phase: 'turning',
    };
  },
  activate(ctx, state) {
    const gains = gainsFromParams(ctx.params.values);
    state.phase = 'turning';
    ctx.subscribe(state.poseTopic.observe(), (event) => {
      state.pose = poseFromOdometry(event.message);
    });
    ctx.createTimer(1000 / ctx.params.values.rate_hz, () => {
      if (!state.pose) return;
      const before = state.phase;
      const command = goToGoalStep(state.pose, state.target, state.phase, gains);
      state.phase = command.phase;
      if (command.phase === 'arrived' && before !== 'arrived')
        ctx.logger.info({ target: state.target, distance: command.distance }, 'goal reached');
      state.cmdVel.publish(twist(command.linear, command.angular));
    });
  },
  deactivate(_ctx, state) {
    state.cmdVel.publish(twist(0, 0));
  },
});
