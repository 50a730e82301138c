import { OmniError } from '@omnimind/core';
import type { nav_msgs } from '@omnimind/core';
import type { Costmap, Pose2D } from '../grid/grid-types.js';

/** What a global planner is asked: a path on a costmap from `start` to `goal`. */
export interface PlanRequest {
  readonly costmap: Costmap;
  readonly start: Pose2D;
  readonly goal: Pose2D;
  /** Frame of the returned path's header (default `map`). */
  readonly frameId?: string;
  /** Aborted to cancel; the planner then rejects with {@link PlanCancelled}. */
  readonly signal?: AbortSignal;
  /** Wall-clock budget in milliseconds; over it the planner rejects with {@link PlannerTimedOut}. */
  readonly timeoutMs?: number;
}

/**
 * A global planner, as Nav2's planner plugins: given a costmap, a start and a goal, a collision-free
 * path (`nav_msgs/Path`, poses in order from start to goal) or a typed failure.
 */
export interface GlobalPlanner {
  readonly name: string;
  createPlan(request: PlanRequest): Promise<nav_msgs.Path>;
}

/** Base of the planner's typed failures. */
export class PlannerError extends OmniError {}

/** No collision-free path joins start and goal. */
export class NoValidPath extends PlannerError {
  constructor(message: string) {
    super('OMNI_ERR_PLANNER_NO_PATH', message);
  }
}

/** The start is in an obstacle (or outside the map). */
export class StartOccupied extends PlannerError {
  constructor(message: string) {
    super('OMNI_ERR_PLANNER_START_OCCUPIED', message);
  }
}

/** The goal is in an obstacle (or outside the map). */
export class GoalOccupied extends PlannerError {
  constructor(message: string) {
    super('OMNI_ERR_PLANNER_GOAL_OCCUPIED', message);
  }
}

/** Planning took longer than its budget. */
export class PlannerTimedOut extends PlannerError {
  constructor(message: string) {
    super('OMNI_ERR_PLANNER_TIMED_OUT', message);
  }
}

/** Planning was cancelled by its signal. */
export class PlanCancelled extends PlannerError {
  constructor(message: string) {
    super('OMNI_ERR_PLANNER_CANCELLED', message);
  }
}
