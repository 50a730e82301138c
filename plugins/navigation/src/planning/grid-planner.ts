import type { builtin_interfaces, nav_msgs } from '@omnimind/core';
import type { Costmap } from '../grid/grid-types.js';
import type { CostModel, CostModelOptions } from './cost-model.js';
import { createCostModel } from './cost-model.js';
import type { GlobalPlanner, PlanRequest } from './global-planner.js';
import { NoValidPath } from './global-planner.js';
import type { GridSearch, SearchProblem } from './grid-search.js';
import { buildPath } from './path-builder.js';
import { resolveEndpoints } from './plan-endpoints.js';
import { InvalidPlannerOptions, InvalidPlanRequest } from './planner-errors.js';
import { driveSearch } from './search-driver.js';
import { WorkspacePool } from './search-workspace.js';

/** Options every grid planner takes. */
export interface GridPlannerOptions extends CostModelOptions {
  /**
   * Metres within which a goal in the inscribed zone (cost 253) moves to the nearest traversable cell.
   * Default 0: such a goal fails with `GoalOccupied`.
   */
  readonly goalSnapRadius?: number;
  /** Expansions between two checks of the abort signal and the clock. Default 4096. */
  readonly checkInterval?: number;
  /** Milliseconds of searching after which the planner yields to the event loop. Default 10. */
  readonly yieldIntervalMs?: number;
  /** Monotonic milliseconds for the timeout (default `performance.now`). */
  readonly now?: () => number;
  /** Stamp for the path's header (default zero, ROS's "latest"); pass `() => clock.now()` for a clock's. */
  readonly stamp?: () => builtin_interfaces.Time;
}

/** The raw result of a grid plan, before it becomes a `nav_msgs/Path`. */
export interface GridPlan {
  /** Cells (row-major indices) from start to goal: every cell for A*, the turning points for Theta*. */
  readonly waypoints: Int32Array;
  /** Travel cost in metres, cost factors included (equal to the length when every cell costs 0). */
  readonly cost: number;
  /** Cells the search expanded. */
  readonly expansions: number;
  /** Whether the goal moved out of the inscribed zone. */
  readonly goalSnapped: boolean;
}

/**
 * The shared body of the grid planners: request checks, start and goal cells, reused workspaces,
 * cancellation and timeout, and the conversion to `nav_msgs/Path`. A subclass supplies the search.
 */
export abstract class GridPlanner implements GlobalPlanner {
  abstract readonly name: string;
  /** The cost model in use (its factor table included). */
  readonly costModel: CostModel;
  private readonly goalSnapRadius: number;
  private readonly checkInterval: number;
  private readonly yieldIntervalMs: number;
  private readonly now: () => number;
  private readonly stamp: () => builtin_interfaces.Time;
  private readonly pool = new WorkspacePool();

  constructor(options: GridPlannerOptions = {}) {
    this.costModel = createCostModel(options);
    this.goalSnapRadius = options.goalSnapRadius ?? 0;
    this.checkInterval = options.checkInterval ?? 4096;
    this.yieldIntervalMs = options.yieldIntervalMs ?? 10;
    this.now = options.now ?? (() => performance.now());
    this.stamp = options.stamp ?? (() => ({ sec: 0, nanosec: 0 }));
    if (!(this.goalSnapRadius >= 0 && Number.isFinite(this.goalSnapRadius))) {
      throw new InvalidPlannerOptions(`goalSnapRadius must be a finite number >= 0, got ${this.goalSnapRadius}`);
    }
    if (!Number.isInteger(this.checkInterval) || this.checkInterval < 1) {
      throw new InvalidPlannerOptions(`checkInterval must be an integer >= 1, got ${this.checkInterval}`);
    }
    if (!(this.yieldIntervalMs >= 0)) {
      throw new InvalidPlannerOptions(`yieldIntervalMs must be >= 0, got ${this.yieldIntervalMs}`);
    }
  }

  /** Plans and returns the path as `nav_msgs/Path` (see {@link GlobalPlanner.createPlan}). */
  async createPlan(request: PlanRequest): Promise<nav_msgs.Path> {
    const plan = await this.planCells(request);
    return buildPath(request.costmap.info, plan.waypoints, request.start, request.goal, {
      frameId: request.frameId ?? 'map',
      stamp: this.stamp(),
      goalSnapped: plan.goalSnapped,
      maxSpacing: this.pathSpacing(request.costmap),
    });
  }

  /**
   * Plans and returns the cells and the cost, for callers that want the raw result (tests, tools,
   * benchmarks). Fails with the same typed errors as {@link createPlan}.
   */
  async planCells(request: PlanRequest): Promise<GridPlan> {
    checkRequest(request);
    const { costmap } = request;
    const { width, height } = costmap.info;
    const endpoints = resolveEndpoints(costmap, this.costModel, request.start, request.goal, this.goalSnapRadius);
    const workspace = this.pool.acquire(width * height);
    try {
      const problem: SearchProblem = {
        width,
        height,
        data: costmap.data,
        factors: this.costModel.factors,
        start: endpoints.start,
        goal: endpoints.goal,
        workspace,
      };
      const search = this.createSearch(problem);
      const state = await driveSearch(search, {
        signal: request.signal,
        timeoutMs: request.timeoutMs ?? Number.POSITIVE_INFINITY,
        checkInterval: this.checkInterval,
        yieldIntervalMs: this.yieldIntervalMs,
        now: this.now,
      });
      if (state === 'exhausted') {
        throw new NoValidPath(
          `${this.name}: no traversable path from (${request.start.x}, ${request.start.y}) to ` +
            `(${request.goal.x}, ${request.goal.y}) after ${search.expansions} expansions`,
        );
      }
      return {
        waypoints: search.waypoints(),
        cost: search.cost * costmap.info.resolution,
        expansions: search.expansions,
        goalSnapped: endpoints.goalSnapped,
      };
    } finally {
      this.pool.release(workspace);
    }
  }

  /** The search this planner runs on `problem`. */
  protected abstract createSearch(problem: SearchProblem): GridSearch;

  /** Largest distance in metres between consecutive poses of the returned path (0: waypoints only). */
  protected abstract pathSpacing(costmap: Costmap): number;
}

function checkRequest(request: PlanRequest): void {
  const { info, data } = request.costmap;
  if (!Number.isInteger(info.width) || !Number.isInteger(info.height) || info.width < 1 || info.height < 1) {
    throw new InvalidPlanRequest(`costmap size must be positive integers, got ${info.width}×${info.height}`);
  }
  if (info.width * info.height > 0x7fffffff) {
    throw new InvalidPlanRequest(`costmap of ${info.width}×${info.height} cells is too large to plan on`);
  }
  if (data.length !== info.width * info.height) {
    throw new InvalidPlanRequest(
      `costmap data holds ${data.length} cells, its info says ${info.width}×${info.height} = ${info.width * info.height}`,
    );
  }
  if (!(info.resolution > 0) || !Number.isFinite(info.resolution)) {
    throw new InvalidPlanRequest(`costmap resolution must be a positive number, got ${info.resolution}`);
  }
  for (const [what, pose] of [
    ['start', request.start],
    ['goal', request.goal],
  ] as const) {
    if (![pose.x, pose.y, pose.theta].every(Number.isFinite)) {
      throw new InvalidPlanRequest(`${what} pose must be finite, got (${pose.x}, ${pose.y}, ${pose.theta})`);
    }
  }
  if (request.timeoutMs !== undefined && !(request.timeoutMs >= 0)) {
    throw new InvalidPlanRequest(`timeoutMs must be >= 0, got ${request.timeoutMs}`);
  }
}
