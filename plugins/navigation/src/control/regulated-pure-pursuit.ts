import { z } from 'zod';
import { CollisionAhead, EmptyPath } from './control-errors.js';
import { parseParams, requireParams } from './control-params.js';
import type { ControlInput, Controller, VelocityCommand } from './controller.js';
import { costAt, distanceFromCost, isCollisionCost, worstCostNear } from './costmap-queries.js';
import { PathCursor } from './path-cursor.js';
import { normalizeAngle } from '@omnimind/core';
import { PointGrid } from './point-grid.js';
import { angularWindow, clamp, limitVelocity, linearWindow, velocityLimitsShape } from './velocity-limits.js';

/** Parameters of {@link RegulatedPurePursuit}; names and meanings follow Nav2's controller of that name. */
export const regulatedPurePursuitParams = z.object({
  ...velocityLimitsShape,
  desired_linear_vel: z.number().positive().default(0.22).describe('Cruise speed before regulation (m/s).'),
  lookahead_dist: z.number().positive().default(0.6).describe('Fixed lookahead when not velocity-scaled (m).'),
  min_lookahead_dist: z.number().positive().default(0.3).describe('Smallest velocity-scaled lookahead (m).'),
  max_lookahead_dist: z.number().positive().default(0.9).describe('Largest velocity-scaled lookahead (m).'),
  lookahead_time: z.number().positive().default(1.5).describe('Lookahead = |speed| × this, clamped (s).'),
  use_velocity_scaled_lookahead_dist: z.boolean().default(true).describe('Scale the lookahead with speed.'),
  use_regulated_linear_velocity_scaling: z.boolean().default(true).describe('Slow down on tight curves.'),
  regulated_linear_scaling_min_radius: z
    .number()
    .positive()
    .default(0.9)
    .describe('Turning radius below which speed is scaled by radius / this (m).'),
  regulated_linear_scaling_min_speed: z
    .number()
    .min(0)
    .default(0.05)
    .describe('Floor of the curvature- and cost-regulated speed (m/s).'),
  use_cost_regulated_linear_velocity_scaling: z.boolean().default(true).describe('Slow down near obstacles.'),
  cost_scaling_dist: z.number().positive().default(0.6).describe('Obstacle distance below which speed is scaled (m).'),
  cost_scaling_gain: z.number().positive().max(1).default(1).describe('Gain of the obstacle-distance scaling.'),
  inflation_cost_scaling_factor: z
    .number()
    .positive()
    .default(3)
    .describe("The costmap inflation's exponential decay rate, to turn a cost back into a distance (1/m)."),
  inscribed_radius: z.number().positive().default(0.105).describe("The costmap's inscribed radius (m)."),
  approach_velocity_scaling_dist: z
    .number()
    .min(0)
    .default(0.6)
    .describe('Path length to the goal below which speed scales down with it (m).'),
  min_approach_linear_velocity: z.number().min(0).default(0.05).describe('Floor of the approach speed (m/s).'),
  use_rotate_to_heading: z
    .boolean()
    .default(true)
    .describe('Turn in place towards a carrot far off the heading, and to the goal heading at the goal.'),
  rotate_to_heading_angular_vel: z.number().positive().default(1.8).describe('Turn rate in place (rad/s).'),
  rotate_to_heading_min_angle: z
    .number()
    .positive()
    .default(0.785)
    .describe('Angle to the carrot above which the robot turns in place (rad).'),
  goal_dist_tol: z
    .number()
    .min(0)
    .default(0.25)
    .describe('Within this distance of the goal only the goal heading is tracked (m).'),
  use_collision_detection: z.boolean().default(true).describe('Refuse a command that hits an obstacle soon.'),
  max_allowed_time_to_collision_up_to_carrot: z
    .number()
    .positive()
    .default(1)
    .describe('How far ahead (s, capped at the carrot) the command is checked for collision.'),
  robot_radius: z.number().positive().default(0.105).describe('Radius of the circular footprint (m).'),
  allow_unknown: z.boolean().default(true).describe('Unknown cells are not collisions.'),
  max_robot_pose_search_dist: z
    .number()
    .positive()
    .default(2)
    .describe('Path length searched forward for the closest point each step (m).'),
  control_period: z.number().positive().default(0.05).describe('Step used when the input dt is 0 (s).'),
});

/** Parameters of {@link RegulatedPurePursuit} as given (every field optional). */
export type RegulatedPurePursuitOptions = z.input<typeof regulatedPurePursuitParams>;
/** Parsed parameters of {@link RegulatedPurePursuit}. */
export type RegulatedPurePursuitParams = z.output<typeof regulatedPurePursuitParams>;

/** What the last step decided, for logs and tests. */
export interface PurePursuitDebug {
  readonly mode: 'track' | 'rotate_to_path' | 'rotate_to_goal';
  readonly lookahead: number;
  readonly carrot: { readonly x: number; readonly y: number };
  readonly curvature: number;
  /** Linear speed after regulation, before acceleration limits. */
  readonly regulatedLinear: number;
}

/**
 * Regulated pure pursuit: steers along the arc through the carrot (the point where the path
 * leaves a lookahead circle around the robot), and regulates speed down on tight curves, near
 * obstacles and near the goal. Turns in place when the carrot is far off the heading.
 *
 * @example
 * ```ts
 * const controller = createRegulatedPurePursuit({ desired_linear_vel: 0.2 });
 * const cmd = controller.computeVelocity({ pose, velocity, path, costmap, scanPoints, dt: 0.05 });
 * ```
 */
export class RegulatedPurePursuit implements Controller {
  readonly name = 'regulated_pure_pursuit';
  readonly params: RegulatedPurePursuitParams;
  /** What the last {@link computeVelocity} decided. */
  debug: PurePursuitDebug | undefined;
  private readonly cursor: PathCursor;
  private readonly points = new PointGrid();

  constructor(options: RegulatedPurePursuitOptions = {}) {
    const p = parseParams(regulatedPurePursuitParams, options, 'regulated pure pursuit');
    const what = 'regulated pure pursuit';
    requireParams(p.min_lookahead_dist <= p.max_lookahead_dist, what, 'min_lookahead_dist > max_lookahead_dist');
    requireParams(p.desired_linear_vel <= p.max_linear_vel, what, 'desired_linear_vel > max_linear_vel');
    this.params = p;
    this.cursor = new PathCursor(p.max_robot_pose_search_dist);
  }

  reset(): void {
    this.cursor.reset();
    this.debug = undefined;
  }

  computeVelocity(input: ControlInput): VelocityCommand {
    const p = this.params;
    const { pose, path } = input;
    if (path.length === 0) throw new EmptyPath(this.name);
    this.cursor.setPath(path);
    const dt = input.dt > 0 ? input.dt : p.control_period;
    const projection = this.cursor.project(pose.x, pose.y);
    const goal = path[path.length - 1]!;
    const toGoal = Math.hypot(goal.x - pose.x, goal.y - pose.y);

    if (p.use_rotate_to_heading && toGoal < p.goal_dist_tol) {
      const angle = normalizeAngle(goal.theta - pose.theta);
      this.debug = { mode: 'rotate_to_goal', lookahead: 0, carrot: goal, curvature: 0, regulatedLinear: 0 };
      return this.rotate(angle, input.velocity, dt);
    }

    const lookahead = this.lookahead(input.velocity.linear);
    const carrot = this.cursor.circleExit(pose.x, pose.y, lookahead, projection.index);
    const cos = Math.cos(pose.theta);
    const sin = Math.sin(pose.theta);
    const dx = carrot.x - pose.x;
    const dy = carrot.y - pose.y;
    const xr = cos * dx + sin * dy;
    const yr = -sin * dx + cos * dy;
    const angleToCarrot = Math.atan2(yr, xr);
    if (p.use_rotate_to_heading && Math.abs(angleToCarrot) > p.rotate_to_heading_min_angle) {
      this.debug = { mode: 'rotate_to_path', lookahead, carrot, curvature: 0, regulatedLinear: 0 };
      return this.rotate(angleToCarrot, input.velocity, dt);
    }
    const d2 = xr * xr + yr * yr;
    const curvature = d2 > 1e-12 ? (2 * yr) / d2 : 0;
    const remaining = Math.max(this.cursor.length - projection.along, toGoal);
    const regulated = this.regulate(curvature, costAt(input.costmap, pose.x, pose.y), remaining);

    const lin = linearWindow(input.velocity.linear, p, dt);
    let linear = clamp(regulated, lin.lo, lin.hi);
    let angular = linear * curvature;
    if (Math.abs(angular) > p.max_angular_vel) {
      // Slow down rather than cut the turn: staying on the arc keeps the robot on the path.
      angular = Math.sign(angular) * p.max_angular_vel;
      linear = Math.max(lin.lo, Math.abs(p.max_angular_vel / curvature));
    }
    const ang = angularWindow(input.velocity.angular, p, dt);
    angular = clamp(angular, ang.lo, ang.hi);
    this.debug = { mode: 'track', lookahead, carrot, curvature, regulatedLinear: regulated };
    if (p.use_collision_detection) this.checkCollision(input, linear, angular, Math.sqrt(d2));
    return { linear, angular };
  }

  /** Lookahead distance for the current speed. */
  lookahead(speed: number): number {
    const p = this.params;
    if (!p.use_velocity_scaled_lookahead_dist) return p.lookahead_dist;
    return clamp(Math.abs(speed) * p.lookahead_time, p.min_lookahead_dist, p.max_lookahead_dist);
  }

  /** Desired speed after the curvature, obstacle and approach regulations. */
  regulate(curvature: number, cost: number, remaining: number): number {
    const p = this.params;
    let curvatureVel = p.desired_linear_vel;
    let costVel = p.desired_linear_vel;
    const radius = Math.abs(1 / curvature);
    if (p.use_regulated_linear_velocity_scaling && radius < p.regulated_linear_scaling_min_radius) {
      curvatureVel *= radius / p.regulated_linear_scaling_min_radius;
    }
    if (p.use_cost_regulated_linear_velocity_scaling) {
      const distance = distanceFromCost(cost, p.inscribed_radius, p.inflation_cost_scaling_factor);
      if (distance < p.cost_scaling_dist) costVel *= (p.cost_scaling_gain * distance) / p.cost_scaling_dist;
    }
    let linear = Math.max(Math.min(curvatureVel, costVel), p.regulated_linear_scaling_min_speed);
    if (remaining < p.approach_velocity_scaling_dist) {
      const approach = Math.max(
        (p.desired_linear_vel * remaining) / p.approach_velocity_scaling_dist,
        p.min_approach_linear_velocity,
      );
      linear = Math.min(linear, approach);
    }
    return Math.min(linear, p.desired_linear_vel, p.max_linear_vel);
  }

  private rotate(angle: number, velocity: VelocityCommand, dt: number): VelocityCommand {
    const p = this.params;
    // Never faster than what can still be braked to zero before the target angle.
    const brake = Math.sqrt(2 * p.max_angular_accel * Math.abs(angle));
    const speed = Math.min(p.rotate_to_heading_angular_vel, p.max_angular_vel, brake);
    return limitVelocity({ linear: 0, angular: Math.sign(angle) * speed }, velocity, p, dt);
  }

  private checkCollision(input: ControlInput, linear: number, angular: number, carrotDistance: number): void {
    const p = this.params;
    const speed = Math.abs(linear);
    if (speed < 1e-6) return;
    const horizon = Math.min(p.max_allowed_time_to_collision_up_to_carrot, carrotDistance / speed);
    const reach = speed * horizon;
    // One step per half cell or quarter radius, whichever is finer: no obstacle slips between checks.
    const stepLength = Math.min(input.costmap.info.resolution / 2, p.robot_radius / 4);
    const steps = Math.max(1, Math.ceil(reach / stepLength));
    const stepDt = horizon / steps;
    const { pose } = input;
    this.points.rebuild(input.scanPoints, pose.x, pose.y, reach + p.robot_radius * 2, p.robot_radius * 2);
    let x = pose.x;
    let y = pose.y;
    let theta = pose.theta;
    for (let i = 1; i <= steps; i++) {
      x += linear * Math.cos(theta) * stepDt;
      y += linear * Math.sin(theta) * stepDt;
      theta += angular * stepDt;
      const blocked =
        isCollisionCost(worstCostNear(input.costmap, x, y, stepLength / 2), p.allow_unknown) ||
        this.points.nearest(x, y, p.robot_radius) < p.robot_radius;
      if (blocked) throw new CollisionAhead(this.name, x, y, i * stepDt);
    }
  }
}

/** A {@link RegulatedPurePursuit} with `options` over the defaults; throws `OMNI_ERR_CONTROL_INVALID_PARAMS` on bad values. */
export function createRegulatedPurePursuit(options: RegulatedPurePursuitOptions = {}): RegulatedPurePursuit {
  return new RegulatedPurePursuit(options);
}
