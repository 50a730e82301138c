import { nav2_msgs, timeFromMs } from '@omnimind/core';
import type { nav2_msgs as Nav2, nav_msgs } from '@omnimind/core';
import { CollisionAhead, NoValidCommand } from '../control/control-errors.js';
import type { Controller, VelocityCommand } from '../control/controller.js';
import { GoalChecker } from '../control/goal-checker.js';
import { ProgressChecker } from '../control/progress-checker.js';
import type { Costmap, Pose2D } from '../grid/grid-types.js';
import type { GlobalPlanner } from '../planning/global-planner.js';
import {
  GoalOccupied,
  NoValidPath,
  PlanCancelled,
  PlannerTimedOut,
  StartOccupied,
} from '../planning/global-planner.js';
import { ZERO, type RecoveryBehavior } from '../recovery/recovery-behavior.js';
import { NavigationFailed, NavigatorInputsMissing } from './navigator-errors.js';
import type { NavigatorParams } from './navigator-params.js';
import { pathToPoses, remainingPathLength } from './path-geometry.js';

const CODES = nav2_msgs.NavigateToPose_Result;

/** What one navigation needs from its node: the latest inputs, a command output and the node clock. */
export interface NavigatorIo {
  pose(): { pose: Pose2D; velocity: VelocityCommand } | undefined;
  costmap(): Costmap | undefined;
  scanPoints(): readonly { x: number; y: number }[];
  publishCommand(command: VelocityCommand): void;
  nowMs(): number;
  /** Resolves after `ms` of node-clock time; rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** The parts a navigation is made of. */
export interface NavigationParts {
  readonly planner: GlobalPlanner;
  readonly controller: Controller;
  /** Tried in order, one per stall, cycling, up to `max_recoveries` per goal. */
  readonly recoveries: readonly RecoveryBehavior[];
}

/** The planner's typed failure → the `NavigateToPose` result code. */
export function planFailureCode(error: unknown): number {
  if (error instanceof GoalOccupied) return CODES.GOAL_OCCUPIED;
  if (error instanceof StartOccupied) return CODES.START_OCCUPIED;
  if (error instanceof NoValidPath) return CODES.NO_VALID_PATH;
  if (error instanceof PlannerTimedOut) return CODES.PLANNER_TIMEOUT;
  return CODES.UNKNOWN;
}

class Canceled extends Error {}

/**
 * Drives one goal to its end: plans, follows the path at the control rate, replans periodically and
 * when blocked, runs recoveries when progress stalls. Resolves with a success result, resolves
 * (with `UNKNOWN`) on cancel after a zero command, and throws a {@link NavigationFailed} otherwise.
 */
export class NavigationRun {
  private recoveries = 0;
  private path: Pose2D[] = [];
  private readonly startMs: number;

  constructor(
    private readonly io: NavigatorIo,
    private readonly parts: NavigationParts,
    private readonly params: NavigatorParams,
    private readonly goal: Pose2D,
    private readonly signal: AbortSignal,
    private readonly publishFeedback: (feedback: Nav2.NavigateToPose_Feedback) => void,
  ) {
    this.startMs = io.nowMs();
  }

  /** Runs the goal; see the class description for how it ends. */
  async execute(): Promise<Nav2.NavigateToPose_Result> {
    try {
      return await this.run();
    } catch (error) {
      this.io.publishCommand(ZERO);
      if (error instanceof Canceled || this.signal.aborted) return { error_code: CODES.NONE, error_msg: 'canceled' };
      throw error;
    }
  }

  private async run(): Promise<Nav2.NavigateToPose_Result> {
    const p = this.params;
    const periodMs = 1000 / p.control_hz;
    await this.waitForInputs(periodMs);
    await this.firstPlan();
    const { controller } = this.parts;
    const goalChecker = new GoalChecker({
      xy_goal_tolerance: p.xy_goal_tolerance,
      yaw_goal_tolerance: p.yaw_goal_tolerance,
    });
    const progress = new ProgressChecker({
      required_movement_radius: p.required_movement_radius,
      movement_time_allowance: p.movement_time_allowance,
    });
    let lastPlanMs = this.io.nowMs();
    let lastStepMs = this.io.nowMs();
    for (;;) {
      await this.sleep(periodMs);
      const now = this.io.nowMs();
      const dt = (now - lastStepMs) / 1000;
      lastStepMs = now;
      const state = this.io.pose()!;
      this.feedback(state.pose);
      if (goalChecker.isGoalReached(state.pose, this.goal)) {
        this.io.publishCommand(ZERO);
        return { error_code: CODES.NONE, error_msg: '' };
      }
      let blocked = false;
      let command: VelocityCommand = ZERO;
      try {
        command = controller.computeVelocity({
          pose: state.pose,
          velocity: state.velocity,
          path: this.path,
          costmap: this.io.costmap()!,
          scanPoints: this.io.scanPoints(),
          dt,
        });
      } catch (error) {
        if (!(error instanceof CollisionAhead || error instanceof NoValidCommand)) throw error;
        blocked = true;
      }
      this.io.publishCommand(command);
      if (!progress.check(state.pose, dt).progressing) {
        await this.recover(error(p));
        progress.reset();
        await this.plan(false);
        lastPlanMs = this.io.nowMs();
        continue;
      }
      if (blocked || now - lastPlanMs >= p.replan_period_s * 1000) {
        await this.plan(false);
        lastPlanMs = this.io.nowMs();
      }
    }
  }

  private async waitForInputs(periodMs: number): Promise<void> {
    const deadline = this.io.nowMs() + this.params.input_timeout_s * 1000;
    while (this.io.pose() === undefined || this.io.costmap() === undefined) {
      if (this.io.nowMs() >= deadline) {
        const missing = [this.io.costmap() ? undefined : 'map', this.io.pose() ? undefined : 'pose'].filter(
          (m): m is string => m !== undefined,
        );
        throw new NavigatorInputsMissing(missing, this.params.input_timeout_s, CODES.TF_ERROR);
      }
      await this.sleep(periodMs);
    }
  }

  /**
   * The first plan. A start in an obstacle is often a stale one (an object just picked up, a person
   * who walked by): as Nav2's recovery tree does, recover (clear the costmap, back up, ...) and plan
   * again, up to `max_recoveries`; any other failure ends the goal at once.
   */
  private async firstPlan(): Promise<void> {
    for (;;) {
      try {
        await this.plan(true);
        return;
      } catch (error) {
        if (!(error instanceof NavigationFailed && error.cause instanceof StartOccupied)) throw error;
        await this.recover(error);
      }
    }
  }

  // A failed first plan ends the goal; a failed replan keeps the old path (the stall check recovers).
  private async plan(first: boolean): Promise<void> {
    const start = this.io.pose()!.pose;
    try {
      const plan: nav_msgs.Path = await this.parts.planner.createPlan({
        costmap: this.io.costmap()!,
        start,
        goal: this.goal,
        signal: this.signal,
        timeoutMs: this.params.planner_timeout_ms,
      });
      this.path = pathToPoses(plan);
      if (first) this.parts.controller.reset();
    } catch (error) {
      if (error instanceof PlanCancelled || this.signal.aborted) throw new Canceled();
      if (first || this.path.length === 0) {
        throw new NavigationFailed(planFailureCode(error), `navigator: ${(error as Error).message}`, error);
      }
    }
  }

  private async recover(failure: NavigationFailed): Promise<void> {
    const { recoveries } = this.parts;
    if (this.recoveries >= this.params.max_recoveries || recoveries.length === 0) throw failure;
    const behavior = recoveries[this.recoveries % recoveries.length]!;
    this.recoveries++;
    behavior.reset();
    const periodMs = 1000 / this.params.control_hz;
    let last = this.io.nowMs();
    for (;;) {
      const now = this.io.nowMs();
      const step = behavior.step({
        pose: this.io.pose()!.pose,
        dt: (now - last) / 1000,
        scanPoints: this.io.scanPoints(),
      });
      last = now;
      this.io.publishCommand(step.command);
      if (step.status !== 'running') return;
      await this.sleep(periodMs);
    }
  }

  private feedback(pose: Pose2D): void {
    const distance = remainingPathLength(this.path, pose);
    const now = this.io.nowMs();
    this.publishFeedback({
      current_pose: {
        header: { stamp: timeFromMs(now), frame_id: 'map' },
        pose: {
          position: { x: pose.x, y: pose.y, z: 0 },
          orientation: { x: 0, y: 0, z: Math.sin(pose.theta / 2), w: Math.cos(pose.theta / 2) },
        },
      },
      navigation_time: timeFromMs(now - this.startMs),
      estimated_time_remaining: timeFromMs((distance / this.params.desired_linear_vel) * 1000),
      number_of_recoveries: this.recoveries,
      distance_remaining: distance,
    });
  }

  private async sleep(ms: number): Promise<void> {
    if (this.signal.aborted) throw new Canceled();
    try {
      await this.io.sleep(ms, this.signal);
    } catch (error) {
      if (this.signal.aborted) throw new Canceled();
      throw error;
    }
  }
}

function error(p: NavigatorParams): NavigationFailed {
  return new NavigationFailed(
    CODES.FAILED_TO_MAKE_PROGRESS,
    `navigator: no progress of ${p.required_movement_radius} m in ${p.movement_time_allowance} s after ${p.max_recoveries} recoveries`,
  );
}
