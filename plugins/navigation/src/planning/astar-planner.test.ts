import { hasErrorCode } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { COST } from '../grid/grid-types.js';
import { AStarPlanner } from './astar-planner.js';
import { GoalOccupied, NoValidPath, PlanCancelled, PlannerTimedOut, StartOccupied } from './global-planner.js';
import { InvalidPlannerOptions, InvalidPlanRequest } from './planner-errors.js';
import { gridPathProblems, yawOf } from './testing/path-checks.js';
import { at, blankCostmap, costmapFromAscii } from './testing/test-maps.js';

const cellsOf = (width: number, ...pairs: [number, number][]): number[] => pairs.map(([c, r]) => r * width + c);

describe('AStarPlanner', () => {
  it('goes straight along a row and diagonally across open ground', async () => {
    const planner = new AStarPlanner();
    const map = blankCostmap(10, 10);
    const row = await planner.planCells({ costmap: map, start: at(1, 4), goal: at(8, 4) });
    expect(Array.from(row.waypoints)).toEqual(
      cellsOf(10, [1, 4], [2, 4], [3, 4], [4, 4], [5, 4], [6, 4], [7, 4], [8, 4]),
    );
    expect(row.cost).toBeCloseTo(7, 5);
    const diagonal = await planner.planCells({ costmap: map, start: at(0, 0), goal: at(9, 9) });
    expect(diagonal.waypoints.length).toBe(10);
    expect(diagonal.cost).toBeCloseTo(9 * Math.SQRT2, 5);
  });

  it('detours around a wall through its gap', async () => {
    const map = costmapFromAscii([
      '.......', //
      '.......',
      '####.##',
      '.......',
      '.......',
    ]);
    const planner = new AStarPlanner();
    const plan = await planner.planCells({ costmap: map, start: at(0, 0), goal: at(0, 4) });
    expect(gridPathProblems(map, planner.costModel, plan.waypoints)).toEqual([]);
    expect(plan.waypoints).toContain(2 * 7 + 4);
  });

  it('never cuts the corner of a blocked cell', async () => {
    // The cell above the start is blocked: going round it diagonally would clip its corner.
    const map = costmapFromAscii([
      '...', //
      '#..',
      '...',
    ]);
    const planner = new AStarPlanner();
    const plan = await planner.planCells({ costmap: map, start: at(0, 0), goal: at(0, 2) });
    expect(gridPathProblems(map, planner.costModel, plan.waypoints)).toEqual([]);
    expect(Array.from(plan.waypoints)).toEqual(cellsOf(3, [0, 0], [1, 0], [1, 1], [1, 2], [0, 2]));
    expect(plan.cost).toBeCloseTo(4, 5);
    const sealed = costmapFromAscii(['.#', '#.']);
    await expect(planner.planCells({ costmap: sealed, start: at(1, 0), goal: at(0, 1) })).rejects.toBeInstanceOf(
      NoValidPath,
    );
  });

  it('keeps away from costly cells as the weight grows', async () => {
    // A band of cost 200 across the direct line, with a free way round.
    const map = costmapFromAscii(['.........', '.........', '.8888888.', '.........', '.........']);
    const direct = await new AStarPlanner({ costWeight: 0 }).planCells({
      costmap: map,
      start: at(4, 0),
      goal: at(4, 4),
    });
    const careful = await new AStarPlanner({ costWeight: 10 }).planCells({
      costmap: map,
      start: at(4, 0),
      goal: at(4, 4),
    });
    expect(direct.waypoints.length).toBe(5);
    expect(careful.waypoints).toSatisfy((cells: Int32Array) => cells.some((c) => c % 9 === 0 || c % 9 === 8));
  });

  it('returns a nav_msgs/Path from the exact start to the exact goal, facing along the path', async () => {
    const map = blankCostmap(20, 10, COST.FREE, { resolution: 0.1, originX: -1, originY: 2 });
    const planner = new AStarPlanner({ stamp: () => ({ sec: 5, nanosec: 7 }) });
    const start = { x: -0.93, y: 2.04, theta: 1 };
    const goal = { x: 0.87, y: 2.04, theta: -2 };
    const path = await planner.createPlan({ costmap: map, start, goal, frameId: 'odom' });
    expect(path.header).toEqual({ frame_id: 'odom', stamp: { sec: 5, nanosec: 7 } });
    expect(path.poses[0]!.pose.position).toMatchObject({ x: start.x, y: start.y });
    expect(path.poses.at(-1)!.pose.position).toMatchObject({ x: goal.x, y: goal.y });
    expect(path.poses.every((p) => p.header.frame_id === 'odom')).toBe(true);
    expect(yawOf(path.poses[3]!.pose)).toBeCloseTo(0, 9);
    expect(yawOf(path.poses.at(-1)!.pose)).toBeCloseTo(-2, 9);
    const same = await planner.createPlan({ costmap: map, start, goal: { ...start, theta: 3 } });
    expect(same.poses.length).toBe(2);
    expect(same.header.frame_id).toBe('map');
  });

  it('fails with StartOccupied / GoalOccupied for blocked or off-map endpoints', async () => {
    const map = costmapFromAscii(['..#', '.i.', '?..']);
    const planner = new AStarPlanner();
    await expect(planner.planCells({ costmap: map, start: at(2, 2), goal: at(0, 0) })).rejects.toBeInstanceOf(
      StartOccupied,
    );
    await expect(planner.planCells({ costmap: map, start: at(-1, 0), goal: at(0, 0) })).rejects.toBeInstanceOf(
      StartOccupied,
    );
    const inscribed = planner.planCells({ costmap: map, start: at(0, 1), goal: at(1, 1) });
    await expect(inscribed).rejects.toBeInstanceOf(GoalOccupied);
    await expect(inscribed).rejects.toSatisfy((e: unknown) => hasErrorCode(e, 'OMNI_ERR_PLANNER_GOAL_OCCUPIED'));
    await expect(planner.planCells({ costmap: map, start: at(0, 1), goal: at(5, 5) })).rejects.toBeInstanceOf(
      GoalOccupied,
    );
  });

  it('snaps a goal in the inscribed zone to the nearest free cell when asked, never a lethal one', async () => {
    const map = costmapFromAscii(['.....', '.iii.', '.i#i.', '.iii.', '.....']);
    const planner = new AStarPlanner({ goalSnapRadius: 1.5 });
    const plan = await planner.planCells({ costmap: map, start: at(0, 0), goal: at(1, 1) });
    expect(plan.goalSnapped).toBe(true);
    expect([0 * 5 + 1, 1 * 5 + 0]).toContain(plan.waypoints.at(-1));
    const path = await planner.createPlan({ costmap: map, start: at(0, 0), goal: at(1, 1, 0.5) });
    expect(yawOf(path.poses.at(-1)!.pose)).toBeCloseTo(0.5, 9);
    await expect(planner.planCells({ costmap: map, start: at(0, 0), goal: at(2, 2) })).rejects.toBeInstanceOf(
      GoalOccupied,
    );
    const tight = new AStarPlanner({ goalSnapRadius: 0.5 });
    await expect(tight.planCells({ costmap: map, start: at(0, 0), goal: at(2, 1) })).rejects.toThrow(/within 0.5 m/);
  });

  it('crosses unknown cells only when allowed, at their configured cost', async () => {
    const map = costmapFromAscii(['???', '???', '???']);
    map.data[0] = COST.FREE;
    map.data[8] = COST.FREE;
    await expect(
      new AStarPlanner().planCells({ costmap: map, start: at(0, 0), goal: at(2, 2) }),
    ).resolves.toMatchObject({
      cost: expect.closeTo(2 * Math.SQRT2 * (1 + (2 * 200) / 252) - Math.SQRT2 * ((2 * 200) / 252), 6),
    });
    const strict = new AStarPlanner({ allowUnknown: false });
    await expect(strict.planCells({ costmap: map, start: at(0, 0), goal: at(2, 2) })).rejects.toBeInstanceOf(
      NoValidPath,
    );
    await expect(strict.planCells({ costmap: map, start: at(0, 0), goal: at(1, 1) })).rejects.toBeInstanceOf(
      GoalOccupied,
    );
  });

  it('reports NoValidPath quickly when the goal is walled off', async () => {
    const map = blankCostmap(300, 300);
    for (let i = 0; i < 300; i++) map.data[150 * 300 + i] = COST.LETHAL;
    const planner = new AStarPlanner();
    const started = performance.now();
    await expect(planner.planCells({ costmap: map, start: at(5, 5), goal: at(290, 290) })).rejects.toSatisfy(
      (e: unknown) => e instanceof NoValidPath && hasErrorCode(e, 'OMNI_ERR_PLANNER_NO_PATH'),
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('is cancelled by its signal, before or during the search', async () => {
    const map = blankCostmap(400, 400);
    for (let i = 0; i < 399; i++) map.data[200 * 400 + i] = COST.LETHAL;
    const planner = new AStarPlanner({ checkInterval: 64, yieldIntervalMs: 0 });
    const aborted = AbortSignal.abort();
    await expect(
      planner.planCells({ costmap: map, start: at(0, 0), goal: at(1, 399), signal: aborted }),
    ).rejects.toThrow(/after 0 expansions/);
    const controller = new AbortController();
    const running = planner.createPlan({ costmap: map, start: at(0, 0), goal: at(1, 399), signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toSatisfy(
      (e: unknown) => e instanceof PlanCancelled && /after [1-9]\d* expansions/.test(e.message),
    );
  });

  it('times out on its budget', async () => {
    let now = 0;
    const planner = new AStarPlanner({ checkInterval: 16, now: () => (now += 1) });
    const map = blankCostmap(200, 200);
    const plan = planner.planCells({ costmap: map, start: at(0, 0), goal: at(199, 0), timeoutMs: 5 });
    await expect(plan).rejects.toBeInstanceOf(PlannerTimedOut);
    await expect(plan).rejects.toSatisfy((e: unknown) => hasErrorCode(e, 'OMNI_ERR_PLANNER_TIMED_OUT'));
    now = 0;
    await expect(
      planner.planCells({ costmap: map, start: at(0, 0), goal: at(10, 0), timeoutMs: 5 }),
    ).resolves.toBeTruthy();
  });

  it('runs plans side by side and on grids of changing size without mixing their state', async () => {
    const planner = new AStarPlanner({ checkInterval: 32, yieldIntervalMs: 0 });
    const a = blankCostmap(120, 120);
    const b = costmapFromAscii(['.....', '.###.', '.....']);
    const [one, two, three] = await Promise.all([
      planner.planCells({ costmap: a, start: at(0, 0), goal: at(119, 60) }),
      planner.planCells({ costmap: a, start: at(119, 0), goal: at(0, 119) }),
      planner.planCells({ costmap: b, start: at(0, 1), goal: at(4, 1) }),
    ]);
    expect(one.cost).toBeCloseTo(60 * Math.SQRT2 + 59, 4);
    expect(two.cost).toBeCloseTo(119 * Math.SQRT2, 4);
    expect(three.cost).toBeCloseTo(6, 4);
    const again = await planner.planCells({ costmap: a, start: at(0, 0), goal: at(119, 60) });
    expect(again.cost).toBeCloseTo(one.cost, 9);
  });

  it('rejects malformed requests and options', async () => {
    const planner = new AStarPlanner();
    const bad = { info: { width: 3, height: 3, resolution: 1, originX: 0, originY: 0 }, data: new Uint8Array(8) };
    await expect(planner.planCells({ costmap: bad, start: at(0, 0), goal: at(1, 1) })).rejects.toBeInstanceOf(
      InvalidPlanRequest,
    );
    const map = blankCostmap(3, 3);
    await expect(planner.planCells({ costmap: map, start: at(0, Number.NaN), goal: at(1, 1) })).rejects.toSatisfy(
      (e: unknown) => hasErrorCode(e, 'OMNI_ERR_PLANNER_INVALID_REQUEST'),
    );
    await expect(planner.planCells({ costmap: map, start: at(0, 0), goal: at(1, 1), timeoutMs: -1 })).rejects.toThrow(
      InvalidPlanRequest,
    );
    expect(() => new AStarPlanner({ costWeight: -1 })).toThrow(InvalidPlannerOptions);
    expect(() => new AStarPlanner({ unknownCost: 253 })).toThrow(/unknownCost/);
    expect(() => new AStarPlanner({ checkInterval: 0 })).toThrow(/checkInterval/);
    expect(() => new AStarPlanner({ goalSnapRadius: -1 })).toThrow(/goalSnapRadius/);
    expect(() => new AStarPlanner({ yieldIntervalMs: Number.NaN })).toThrow(/yieldIntervalMs/);
  });
});
