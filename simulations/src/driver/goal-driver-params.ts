import { z } from 'zod';
import { DEFAULT_GO_TO_GOAL_GAINS, type GoToGoalGains } from './go-to-goal-law.js';

const d = DEFAULT_GO_TO_GOAL_GAINS;
const positive = (fallback: number, what: string) => z.number().positive().default(fallback).describe(what);

/** Parameters of the `goal-driver` plugin. */
export const goalDriverParams = z
  .object({
    robot: z
      .string()
      .default('')
      .describe("Robot namespace: topics are '/<robot>/...'. Empty: names relative to the node's namespace."),
    world: z
      .string()
      .default('')
      .describe('World whose places `place` names: a shipped world name or a path (from the current directory).'),
    place: z.string().default('').describe('Target: a place of `world` (its position; the heading is ignored).'),
    dock: z.string().default('').describe('Target: a charging dock of `world`, by id.'),
    pose: z
      .array(z.number())
      .length(2)
      .optional()
      .describe('Target: a position [x, y] in the frame of the pose topic (map for ground_truth).'),
    tolerance: positive(d.tolerance, 'Stop within this distance of the target, m.'),
    max_linear_speed: positive(d.maxLinearSpeed, 'Fastest forward speed, m/s.'),
    max_angular_speed: positive(d.maxAngularSpeed, 'Fastest turn rate, rad/s.'),
    linear_gain: positive(d.linearGain, 'Forward speed per metre left, 1/s.'),
    angular_gain: positive(d.angularGain, 'Turn rate per radian of heading error, 1/s.'),
    align_tolerance: positive(d.alignTolerance, 'Heading error below which driving starts, rad.'),
    realign_threshold: positive(d.realignThreshold, 'Heading error above which it stops to turn again, rad.'),
    rate_hz: positive(20, 'Control rate on the node clock (simulated time with use_sim_time).'),
    pose_topic: z
      .string()
      .min(1)
      .default('ground_truth')
      .describe('nav_msgs/Odometry topic giving the pose, relative to the robot namespace.'),
  })
  .refine((p) => [p.place !== '', p.dock !== '', p.pose !== undefined].filter(Boolean).length === 1, {
    message: 'give the target as exactly one of `place` or `dock` (with `world`), or `pose: [x, y]`',
    path: ['place'],
  })
  .refine((p) => (p.place === '' && p.dock === '') || p.world !== '', {
    message: '`place` and `dock` need `world`, the world that defines them',
    path: ['world'],
  });

/** Parsed `goal-driver` parameters. */
export type GoalDriverParams = z.infer<typeof goalDriverParams>;

/** The law's gains from the parameters. */
export function gainsFromParams(params: GoalDriverParams): GoToGoalGains {
  return {
    tolerance: params.tolerance,
    maxLinearSpeed: params.max_linear_speed,
    maxAngularSpeed: params.max_angular_speed,
    linearGain: params.linear_gain,
    angularGain: params.angular_gain,
    alignTolerance: params.align_tolerance,
    realignThreshold: params.realign_threshold,
  };
}
