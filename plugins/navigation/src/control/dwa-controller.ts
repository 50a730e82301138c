import { z } from 'zod';
import { COST } from '../grid/grid-types.js';
import { EmptyPath, NoValidCommand } from './control-errors.js';
import { parseParams } from './control-params.js';
import type { ControlInput, Controller, VelocityCommand } from './controller.js';
import { costAt, distanceFromCost, isCollisionCost, worstCostNear } from './costmap-queries.js';
import { PathCursor } from './path-cursor.js';
import { normalizeAngle } from '@omnimind/core';
import { PointGrid } from './point-grid.js';
import { angularWindow, linearWindow, velocityLimitsShape } from './velocity-limits.js';

/** Parameters of {@link DwaController}. */
export const dwaParams = z.object({
  ...velocityLimitsShape,
  robot_radius: z.number().positive().default(0.105).describe('Radius of the circular footprint (m).'),
  safety_margin: z
    .number()
    .min(0)
    .default(0.02)
    .describe('Clearance kept from scan points on top of the radius while moving (m).'),
  sim_time: z.number().positive().default(1.5).describe('How far ahead each trajectory is simulated (s).'),
  max_check_step: z
    .number()
    .positive()
    .default(0.05)
    .describe('Longest distance between collision checks along a curve (m); capped at half the radius.'),
  vx_samples: z.int().min(1).max(200).default(11).describe('Linear speeds sampled in the window.'),
  vtheta_samples: z.int().min(1).max(200).default(21).describe('Turn rates sampled in the window.'),
  local_goal_dist: z
    .number()
    .positive()
    .default(0.8)
    .describe('The local goal lies this far along the path past the robot (m).'),
  path_distance_bias: z.number().min(0).default(2).describe('Weight of the end point’s distance to the path.'),
  goal_distance_bias: z.number().min(0).default(1.5).describe('Weight of the end point’s distance to the local goal.'),
  heading_bias: z.number().min(0).default(0.3).describe('Weight of the end heading’s error to the local goal.'),
  obstacle_bias: z
    .number()
    .min(0)
    .default(1)
    .describe('Weight of how soon the curve, followed on, meets an obstacle (within obstacle_lookahead_dist).'),
  obstacle_lookahead_dist: z
    .number()
    .positive()
    .default(1)
    .describe('How far each curve is followed to find its free distance (m).'),
  clearance_bias: z.number().min(0).default(0.3).describe('Weight of closeness to obstacles along the driven part.'),
  speed_bias: z.number().min(0).default(1).describe('Weight of the gap to the preferred speed.'),
  clearance_range: z
    .number()
    .positive()
    .default(0.4)
    .describe('Obstacles further than this beyond the footprint do not count against a trajectory (m).'),
  goal_dist_tol: z
    .number()
    .min(0)
    .default(0.25)
    .describe('Trajectories ending this close to the goal are scored on the goal heading (m).'),
  allow_unknown: z.boolean().default(true).describe('Unknown cells are not collisions.'),
  inflation_cost_scaling_factor: z
    .number()
    .positive()
    .default(3)
    .describe("The costmap inflation's exponential decay rate, to turn a cost back into a distance (1/m)."),
  max_robot_pose_search_dist: z
    .number()
    .positive()
    .default(2)
    .describe('Path length searched forward for the closest point each step (m).'),
  control_period: z
    .number()
    .positive()
    .default(0.05)
    .describe('Step used for the acceleration window when the input dt is 0 (s).'),
});

/** Parameters of {@link DwaController} as given (every field optional). */
export type DwaOptions = z.input<typeof dwaParams>;
/** Parsed parameters of {@link DwaController}. */
export type DwaParams = z.output<typeof dwaParams>;

/** What the last step found, for logs and tests. */
export interface DwaDebug {
  /** Trajectories sampled. */
  readonly samples: number;
  /** Trajectories that stayed clear of obstacles. */
  readonly valid: number;
  readonly best: VelocityCommand;
  readonly bestCost: number;
  readonly localGoal: { readonly x: number; readonly y: number };
}

/**
 * Dynamic-window controller: samples (linear, angular) velocities within what the acceleration
 * limits reach in one control period, rolls each out at constant velocity for `sim_time`, drops
 * those that come within the footprint of an obstacle (in the costmap, or among the current scan
 * points, so obstacles the map lacks are avoided) and picks the lowest weighted cost of path
 * distance, local-goal distance, heading, obstacle closeness and speed.
 *
 * A trajectory that does not move (linear 0) is never rejected: with a circular footprint turning
 * in place hits nothing. So {@link NoValidCommand} means the robot is too fast to stop this step.
 */
export class DwaController implements Controller {
  readonly name = 'dwa';
  readonly params: DwaParams;
  /** What the last {@link computeVelocity} found. */
  debug: DwaDebug | undefined;
  private readonly cursor: PathCursor;
  private readonly points = new PointGrid();
  /** Longest step between collision checks along a curve (m). */
  private readonly maxCheckStep: number;

  constructor(options: DwaOptions = {}) {
    this.params = parseParams(dwaParams, options, 'dwa');
    this.cursor = new PathCursor(this.params.max_robot_pose_search_dist);
    this.maxCheckStep = Math.min(this.params.max_check_step, this.params.robot_radius / 2);
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
    const remaining = Math.max(this.cursor.length - projection.along, Math.hypot(goal.x - pose.x, goal.y - pose.y));
    const local = this.cursor.pointAt(projection.along + p.local_goal_dist);
    const lastSegment = Math.min(path.length - 1, local.index + 1);
    const preferredSpeed = Math.min(p.max_linear_vel, remaining / p.sim_time);

    const lin = linearWindow(input.velocity.linear, p, dt);
    const ang = angularWindow(input.velocity.angular, p, dt);
    const fastest = Math.max(Math.abs(lin.lo), Math.abs(lin.hi));
    const queryRange = p.robot_radius + p.safety_margin + this.maxCheckStep + p.clearance_range;
    const reach = Math.max(fastest * p.sim_time, p.obstacle_lookahead_dist);
    this.points.rebuild(input.scanPoints, pose.x, pose.y, reach + queryRange, queryRange);

    const nv = p.vx_samples;
    const nw = p.vtheta_samples;
    let bestCost = Number.POSITIVE_INFINITY;
    let bestV = 0;
    let bestW = 0;
    let valid = 0;
    for (let i = 0; i < nv; i++) {
      const v = nv === 1 ? (lin.lo + lin.hi) / 2 : lin.lo + ((lin.hi - lin.lo) * i) / (nv - 1);
      for (let j = 0; j < nw; j++) {
        const w = nw === 1 ? (ang.lo + ang.hi) / 2 : ang.lo + ((ang.hi - ang.lo) * j) / (nw - 1);
        const cost = this.score(input, v, w, local, lastSegment, projection.index, preferredSpeed);
        if (cost === Number.POSITIVE_INFINITY) continue;
        valid++;
        if (cost < bestCost) {
          bestCost = cost;
          bestV = v;
          bestW = w;
        }
      }
    }
    // Zero speed may fall between samples; it is always safe, so offer it whenever the window holds it.
    const zeroInWindow = lin.lo <= 0 && lin.hi >= 0;
    if (zeroInWindow) {
      for (let j = 0; j < nw; j++) {
        const w = nw === 1 ? (ang.lo + ang.hi) / 2 : ang.lo + ((ang.hi - ang.lo) * j) / (nw - 1);
        const cost = this.score(input, 0, w, local, lastSegment, projection.index, preferredSpeed);
        valid++;
        if (cost < bestCost) {
          bestCost = cost;
          bestV = 0;
          bestW = w;
        }
      }
    }
    const best = { linear: bestV, angular: bestW };
    const samples = nv * nw + (zeroInWindow ? nw : 0);
    this.debug = { samples, valid, best, bestCost, localGoal: { x: local.x, y: local.y } };
    if (valid === 0) throw new NoValidCommand(this.name, samples);
    return best;
  }

  /**
   * Cost of the constant-velocity trajectory (v, w) from the robot's pose; Infinity when it comes
   * within the footprint of an obstacle before `sim_time`. Allocates nothing.
   */
  private score(
    input: ControlInput,
    v: number,
    w: number,
    local: { x: number; y: number },
    lastSegment: number,
    firstSegment: number,
    preferredSpeed: number,
  ): number {
    const p = this.params;
    const { pose } = input;
    const T = p.sim_time;
    let endX = pose.x;
    let endY = pose.y;
    const endTheta = pose.theta + w * T;
    if (v !== 0) {
      if (Math.abs(w) < 1e-9) {
        endX += v * Math.cos(pose.theta) * T;
        endY += v * Math.sin(pose.theta) * T;
      } else {
        endX += (v / w) * (Math.sin(endTheta) - Math.sin(pose.theta));
        endY -= (v / w) * (Math.cos(endTheta) - Math.cos(pose.theta));
      }
    }
    // Free distance along the curve (Fox et al.'s dist(v, ω)): slowing down must not make a curve
    // that leads into an obstacle look good, so the curve is followed past the horizon. Turning in
    // place is scored by the straight line it leaves the robot facing.
    const travel = Math.abs(v) * T;
    const look = Math.max(p.obstacle_lookahead_dist, travel);
    const n = Math.max(1, Math.ceil(look / this.maxCheckStep));
    const ds = look / n;
    const radius = p.robot_radius + p.safety_margin + ds / 2;
    const curvature = v === 0 ? 0 : w / Math.abs(v);
    const direction = v < 0 ? -1 : 1;
    let x = pose.x;
    let y = pose.y;
    let theta = v === 0 ? endTheta : pose.theta;
    let free = look;
    let closeness = 0;
    // Check k sits mid-way along its stretch [(k - 1) ds, k ds], and every check covers a disc of
    // radius ds / 2: each stretch of the curve is covered whole, the first one included.
    for (let k = 1; k <= n; k++) {
      const step = k === 1 ? ds / 2 : ds;
      const turn = curvature * step;
      if (Math.abs(turn) < 1e-9) {
        x += direction * step * Math.cos(theta);
        y += direction * step * Math.sin(theta);
      } else {
        const next = theta + turn;
        x += (direction / curvature) * (Math.sin(next) - Math.sin(theta));
        y -= (direction / curvature) * (Math.cos(next) - Math.cos(theta));
        theta = next;
      }
      // A stretch that starts within the driven part counts as driven: conservative by one stretch.
      const driven = v !== 0 && (k - 1) * ds < travel;
      const cost = worstCostNear(input.costmap, x, y, ds / 2);
      // Beyond the driven part only the free distance is scored: the footprint is all that matters there.
      const near = Math.min(
        this.points.nearest(x, y, driven ? radius + p.clearance_range : radius),
        this.mapDistance(cost),
      );
      if (near < radius || isCollisionCost(cost, p.allow_unknown)) {
        if (driven) return Number.POSITIVE_INFINITY;
        free = (k - 1) * ds;
        break;
      }
      if (driven && near < radius + p.clearance_range) {
        closeness = Math.max(closeness, 1 - (near - radius) / p.clearance_range);
      }
    }
    if (v === 0) closeness = this.closenessAt(input, pose.x, pose.y);

    // Slower near obstacles and towards a blocked curve: at low speed each step's angular window
    // bends the path more, so the robot keeps the agility to turn away.
    const caution = Math.max(0.25, Math.min(1 - closeness, free / look));
    const targetSpeed = Math.min(preferredSpeed, p.max_linear_vel * caution);

    const path = input.path;
    let pathDist2 = Number.POSITIVE_INFINITY;
    if (path.length === 1) pathDist2 = (endX - path[0]!.x) ** 2 + (endY - path[0]!.y) ** 2;
    for (let s = firstSegment; s < lastSegment; s++) {
      const a = path[s]!;
      const b = path[s + 1]!;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((endX - a.x) * dx + (endY - a.y) * dy) / len2));
      const d2 = (endX - a.x - t * dx) ** 2 + (endY - a.y - t * dy) ** 2;
      if (d2 < pathDist2) pathDist2 = d2;
    }
    const goal = path[path.length - 1]!;
    const goalDist = Math.hypot(goal.x - endX, goal.y - endY);
    const wanted = goalDist < p.goal_dist_tol ? goal.theta : Math.atan2(local.y - endY, local.x - endX);
    const heading = Math.abs(normalizeAngle(wanted - endTheta)) / Math.PI;
    return (
      p.path_distance_bias * Math.sqrt(pathDist2) +
      p.goal_distance_bias * Math.hypot(local.x - endX, local.y - endY) +
      p.heading_bias * heading +
      p.obstacle_bias * (1 - free / look) +
      p.clearance_bias * closeness +
      (p.speed_bias * Math.abs(v - targetSpeed)) / p.max_linear_vel
    );
  }

  /** Obstacle closeness of a pose the robot stays at (turning in place). */
  private closenessAt(input: ControlInput, x: number, y: number): number {
    const p = this.params;
    const radius = p.robot_radius + p.safety_margin;
    const near = Math.min(
      this.points.nearest(x, y, radius + p.clearance_range),
      this.mapDistance(costAt(input.costmap, x, y)),
    );
    return near >= radius + p.clearance_range ? 0 : Math.min(1, 1 - (near - radius) / p.clearance_range);
  }

  /**
   * Distance to the nearest obstacle the costmap implies at a cell of this cost (inflation is
   * inverted with the robot radius as the inscribed radius), so map and scan obstacles are scored alike.
   */
  private mapDistance(cost: number): number {
    if (cost === COST.UNKNOWN) return Number.POSITIVE_INFINITY;
    return distanceFromCost(cost, this.params.robot_radius, this.params.inflation_cost_scaling_factor);
  }
}

/** A {@link DwaController} with `options` over the defaults; throws `OMNI_ERR_CONTROL_INVALID_PARAMS` on bad values. */
export function createDwaController(options: DwaOptions = {}): DwaController {
  return new DwaController(options);
}
