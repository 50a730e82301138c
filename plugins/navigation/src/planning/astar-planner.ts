import { AStarSearch } from './astar-search.js';
import { GridPlanner } from './grid-planner.js';
import type { GridPlannerOptions } from './grid-planner.js';
import type { GridSearch, SearchProblem } from './grid-search.js';

/**
 * A* on the costmap's 8-connected grid, the default global planner: the cheapest path under the cost
 * model (to within a millionth, the tie-breaking slack), through cell centres, never cutting the
 * corner of a blocked cell.
 *
 * @example
 * ```ts
 * const planner = new AStarPlanner({ costWeight: 2 });
 * const path = await planner.createPlan({ costmap, start, goal, timeoutMs: 200 });
 * ```
 */
export class AStarPlanner extends GridPlanner {
  readonly name: string;

  constructor(options: GridPlannerOptions & { readonly name?: string } = {}) {
    super(options);
    this.name = options.name ?? 'astar';
  }

  protected createSearch(problem: SearchProblem): GridSearch {
    return new AStarSearch(problem);
  }

  protected pathSpacing(): number {
    return 0;
  }
}
