import type { Costmap } from '../grid/grid-types.js';
import { GridPlanner } from './grid-planner.js';
import type { GridPlannerOptions } from './grid-planner.js';
import type { GridSearch, SearchProblem } from './grid-search.js';
import { InvalidPlannerOptions } from './planner-errors.js';
import { ThetaStarSearch } from './theta-star-search.js';

/** Options of {@link ThetaStarPlanner}. */
export interface ThetaStarPlannerOptions extends GridPlannerOptions {
  readonly name?: string;
  /**
   * Largest spacing in metres between consecutive poses of the returned path; the straight legs between
   * Theta*'s turning points are filled in at this spacing. Default: the costmap's resolution. 0 returns
   * the turning points only.
   */
  readonly pathSpacing?: number;
}

/**
 * Theta*, the any-angle planner: paths made of straight legs between turning points, which are shorter
 * and smoother than A*'s 8-direction staircase and never costlier than A*'s. Line-of-sight checks walk
 * every cell a leg crosses and cost it with the same weighting as A*.
 *
 * @example
 * ```ts
 * const planner = new ThetaStarPlanner({ pathSpacing: 0.05 });
 * const path = await planner.createPlan({ costmap, start, goal });
 * ```
 */
export class ThetaStarPlanner extends GridPlanner {
  readonly name: string;
  private readonly spacing: number | undefined;

  constructor(options: ThetaStarPlannerOptions = {}) {
    super(options);
    this.name = options.name ?? 'theta_star';
    this.spacing = options.pathSpacing;
    if (this.spacing !== undefined && !(this.spacing >= 0 && Number.isFinite(this.spacing))) {
      throw new InvalidPlannerOptions(`pathSpacing must be a finite number >= 0, got ${this.spacing}`);
    }
  }

  protected createSearch(problem: SearchProblem): GridSearch {
    return new ThetaStarSearch(problem);
  }

  protected pathSpacing(costmap: Costmap): number {
    return this.spacing ?? costmap.info.resolution;
  }
}
