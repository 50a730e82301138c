import { describe, expect, it } from 'vitest';
import { COST } from '../grid/grid-types.js';
import { GoalOccupied, NoValidPath, PlanCancelled, PlannerTimedOut, StartOccupied } from './global-planner.js';
import { InvalidPlannerOptions } from './planner-errors.js';
import { ThetaStarPlanner } from './theta-star-planner.js';
import { legProblems, pathPoints, yawOf } from './testing/path-checks.js';
import { at, blankCostmap, costmapFromAscii } from './testing/test-maps.js';

describe('ThetaStarPlanner', () => {
  it('goes straight at any angle across open ground', async () => {
    const planner = new ThetaStarPlanner();
    const map = blankCostmap(20, 20);
    const plan = await planner.planCells({ costmap: map, start: at(0, 0), goal: at(17, 5) });
    expect(Array.from(plan.waypoints)).toEqual([0, 5 * 20 + 17]);
    expect(plan.cost).toBeCloseTo(Math.hypot(17, 5), 4);
    const path = await planner.createPlan({ costmap: map, start: at(0, 0), goal: at(17, 5, 1.2) });
    // Filled in at the resolution (1 m): ceil(17.72) legs.
    expect(path.poses.length).toBe(19);
    for (const pose of path.poses.slice(0, -1)) expect(yawOf(pose.pose)).toBeCloseTo(Math.atan2(5, 17), 9);
    expect(yawOf(path.poses.at(-1)!.pose)).toBeCloseTo(1.2, 9);
  });

  it('turns only at obstacle corners when detouring, and its legs never cross an obstacle', async () => {
    const map = costmapFromAscii([
      '..........', //
      '..........',
      '..######..',
      '..........',
      '..........',
    ]);
    const planner = new ThetaStarPlanner({ pathSpacing: 0 });
    const plan = await planner.planCells({ costmap: map, start: at(4, 0), goal: at(5, 4) });
    expect(plan.waypoints.length).toBe(4);
    const path = await planner.createPlan({ costmap: map, start: at(4, 0), goal: at(5, 4) });
    expect(path.poses.length).toBe(4);
    expect(legProblems(map, planner.costModel, pathPoints(path))).toEqual([]);
  });

  it('keeps the no-corner-cutting rule on its legs', async () => {
    const map = costmapFromAscii(['...', '#..', '...']);
    const planner = new ThetaStarPlanner({ pathSpacing: 0 });
    const plan = await planner.planCells({ costmap: map, start: at(0, 0), goal: at(0, 2) });
    // A leg from (0,0) through the corner of (0,1) to (1,1) or (0,2) would clip the obstacle.
    expect(plan.waypoints[1]).toBe(1);
    expect(plan.cost).toBeGreaterThan(2 * Math.SQRT2);
  });

  it('fails with the same typed errors as A*', async () => {
    const planner = new ThetaStarPlanner({ checkInterval: 16, yieldIntervalMs: 0 });
    const map = costmapFromAscii(['..#', '.i.', '...']);
    await expect(planner.planCells({ costmap: map, start: at(2, 2), goal: at(0, 0) })).rejects.toBeInstanceOf(
      StartOccupied,
    );
    await expect(planner.planCells({ costmap: map, start: at(0, 0), goal: at(1, 1) })).rejects.toBeInstanceOf(
      GoalOccupied,
    );
    const walled = blankCostmap(50, 50);
    for (let i = 0; i < 50; i++) walled.data[25 * 50 + i] = COST.LETHAL;
    await expect(planner.planCells({ costmap: walled, start: at(0, 0), goal: at(49, 49) })).rejects.toBeInstanceOf(
      NoValidPath,
    );
    const controller = new AbortController();
    const running = planner.planCells({
      costmap: walled,
      start: at(0, 0),
      goal: at(49, 49),
      signal: controller.signal,
    });
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(PlanCancelled);
    let now = 0;
    const slow = new ThetaStarPlanner({ checkInterval: 8, now: () => (now += 1) });
    await expect(
      slow.planCells({ costmap: walled, start: at(0, 0), goal: at(49, 49), timeoutMs: 3 }),
    ).rejects.toBeInstanceOf(PlannerTimedOut);
  });

  it('rejects a bad path spacing', () => {
    expect(() => new ThetaStarPlanner({ pathSpacing: -0.1 })).toThrow(InvalidPlannerOptions);
  });
});
