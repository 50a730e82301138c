import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST } from '../grid/grid-types.js';
import type { Costmap } from '../grid/grid-types.js';
import { AStarPlanner } from './astar-planner.js';
import { NoValidPath } from './global-planner.js';
import { ThetaStarPlanner } from './theta-star-planner.js';
import { referenceCost } from './testing/dijkstra-reference.js';
import { gridPathProblems, legProblems, pathPoints } from './testing/path-checks.js';
import { at } from './testing/test-maps.js';

/** Small random maps: mostly graded costs, some obstacles, inscribed and unknown cells. */
const arbitraryMap = fc
  .record({ width: fc.integer({ min: 2, max: 14 }), height: fc.integer({ min: 2, max: 14 }) })
  .chain(({ width, height }) =>
    fc.record({
      width: fc.constant(width),
      height: fc.constant(height),
      cells: fc.array(
        fc.oneof(
          { weight: 6, arbitrary: fc.constant(COST.FREE) },
          { weight: 3, arbitrary: fc.integer({ min: 1, max: 252 }) },
          { weight: 3, arbitrary: fc.constant(COST.LETHAL) },
          { weight: 1, arbitrary: fc.constant(COST.INSCRIBED) },
          { weight: 1, arbitrary: fc.constant(COST.UNKNOWN) },
        ),
        { minLength: width * height, maxLength: width * height },
      ),
      start: fc.nat(width * height - 1),
      goal: fc.nat(width * height - 1),
      costWeight: fc.constantFrom(0, 1, 3),
      allowUnknown: fc.boolean(),
    }),
  );

function toCostmap(m: { width: number; height: number; cells: number[] }): Costmap {
  return {
    info: { width: m.width, height: m.height, resolution: 0.5, originX: 1, originY: -2 },
    data: Uint8Array.from(m.cells),
  };
}

const poseOf = (map: Costmap, cell: number) => {
  const { width } = map.info;
  const c = at(cell % width, Math.floor(cell / width));
  return { x: 1 + c.x * 0.5, y: -2 + c.y * 0.5, theta: 0.3 };
};

describe('planners on random maps', () => {
  it('A* paths are connected, collision-free, from start to goal, and optimal; Theta* is never costlier', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryMap, async (m) => {
        const map = toCostmap(m);
        m.cells[m.start] = Math.min(m.cells[m.start]!, 252);
        m.cells[m.goal] = Math.min(m.cells[m.goal]!, 252);
        map.data.set(m.cells);
        const options = { costWeight: m.costWeight, allowUnknown: m.allowUnknown };
        const astar = new AStarPlanner(options);
        const theta = new ThetaStarPlanner({ ...options, pathSpacing: 0 });
        const blocked = (cell: number) => astar.costModel.factors[map.data[cell]!] === Number.POSITIVE_INFINITY;
        if (blocked(m.start) || blocked(m.goal)) return;
        const start = poseOf(map, m.start);
        const goal = poseOf(map, m.goal);
        const optimal = referenceCost(map, astar.costModel, m.start, m.goal);
        if (optimal === Number.POSITIVE_INFINITY) {
          await expect(astar.planCells({ costmap: map, start, goal })).rejects.toBeInstanceOf(NoValidPath);
          await expect(theta.planCells({ costmap: map, start, goal })).rejects.toBeInstanceOf(NoValidPath);
          return;
        }
        const plan = await astar.planCells({ costmap: map, start, goal });
        expect(plan.waypoints[0]).toBe(m.start);
        expect(plan.waypoints.at(-1)).toBe(m.goal);
        expect(gridPathProblems(map, astar.costModel, plan.waypoints)).toEqual([]);
        expect(plan.cost).toBeGreaterThanOrEqual(optimal - 1e-9);
        expect(plan.cost).toBeLessThanOrEqual(optimal * (1 + 1e-6) + 1e-9);

        const path = await astar.createPlan({ costmap: map, start, goal });
        expect(path.poses[0]!.pose.position).toMatchObject({ x: start.x, y: start.y });
        expect(path.poses.at(-1)!.pose.position).toMatchObject({ x: goal.x, y: goal.y });

        const any = await theta.planCells({ costmap: map, start, goal });
        expect(any.waypoints[0]).toBe(m.start);
        expect(any.waypoints.at(-1)).toBe(m.goal);
        expect(any.cost).toBeLessThanOrEqual(plan.cost * (1 + 1e-6) + 1e-9);
        const anyPath = await theta.createPlan({ costmap: map, start, goal });
        expect(legProblems(map, theta.costModel, pathPoints(anyPath))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
