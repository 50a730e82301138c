import type { nav_msgs } from '@omnimind/core';
import { AStarPlanner, InflatedCostmap, NoValidPath, GoalOccupied, StartOccupied } from '@omnimind/plugin-navigation';
import type { PlacePose } from './semantic-map.js';

/** Straight-line length times this stands in for a path before any map has arrived. */
const DETOUR_FACTOR = 1.25;

/** Options of {@link PathLengths}. */
export interface PathLengthsOptions {
  /** Radius of the robot's footprint (m), for the costmap's inflation. */
  readonly robotRadius?: number;
  /** Wall-clock budget of one path search (ms). */
  readonly timeoutMs?: number;
}

/**
 * Path lengths between places on the robot's current map, as the task planner's travel costs: A* on
 * an inflated costmap of the latest `map`. Before the first map, a straight line times 1.25. Paths
 * that do not exist on the map are `Infinity`, so the planner never sends the robot through a closed
 * passage; cells not yet seen count as free, as they do for the navigator.
 */
export class PathLengths {
  private costmap: InflatedCostmap | undefined;
  private readonly planner = new AStarPlanner();
  private readonly cache = new Map<string, number>();

  constructor(private readonly options: PathLengthsOptions = {}) {}

  /** Takes a new map (the `map` topic's message). */
  updateMap(grid: nav_msgs.OccupancyGrid): void {
    this.cache.clear();
    const radius = this.options.robotRadius ?? 0.105;
    if (this.costmap) this.costmap.updateMap(grid);
    else this.costmap = new InflatedCostmap(grid, { inscribedRadius: radius, inflationRadius: Math.max(0.45, radius) });
  }

  /** Length of the best path from `a` to `b` (m); `Infinity` when the map has none. */
  async between(a: PlacePose, b: PlacePose): Promise<number> {
    const straight = Math.hypot(a.x - b.x, a.y - b.y);
    const costmap = this.costmap;
    if (!costmap || straight < 0.05) return straight * DETOUR_FACTOR;
    const key = [a.x, a.y, b.x, b.y].map((v) => v.toFixed(2)).join(',');
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let length: number;
    try {
      const path = await this.planner.createPlan({
        costmap,
        start: a,
        goal: b,
        timeoutMs: this.options.timeoutMs ?? 500,
      });
      length = pathLength(path);
    } catch (error) {
      if (error instanceof NoValidPath) length = Infinity;
      // A place in or next to an obstacle (an object lying on it): the navigator gets as close as it can.
      else if (error instanceof GoalOccupied || error instanceof StartOccupied) length = straight * DETOUR_FACTOR;
      else throw error;
    }
    this.cache.set(key, length);
    return length;
  }
}

function pathLength(path: nav_msgs.Path): number {
  let total = 0;
  for (let i = 1; i < path.poses.length; i++) {
    const p = path.poses[i - 1]!.pose.position;
    const q = path.poses[i]!.pose.position;
    total += Math.hypot(q.x - p.x, q.y - p.y);
  }
  return total;
}
