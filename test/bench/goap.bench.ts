import { bench, describe } from 'vitest';
import { breadthFirstPlan } from '../../plugins/agent/src/goap/breadth-first-search.js';
import { planActions } from '../../plugins/agent/src/goap/goap-planner.js';
import type { GoalCondition } from '../../plugins/agent/src/goap/goal-condition.js';
import { compileDomain } from '../../plugins/agent/src/goap/planning-domain.js';
import type { PlanningDomain } from '../../plugins/agent/src/goap/planning-domain.js';
import type { WorldState } from '../../plugins/agent/src/goap/world-state.js';
import {
  demoDomain,
  demoState,
  warehouseSpec,
  warehouseState,
} from '../../plugins/agent/src/goap/testing/demo-domain.js';
import { loadSemanticMap } from '../../plugins/agent/src/executor/semantic-map.js';
import { createWorldState } from '../../plugins/agent/src/goap/world-state.js';
import { median, round3, writeResult } from './bench-helpers.js';

/**
 * The task planner (A* with its admissible heuristic) against breadth-first search over the same
 * states and actions, in the same run: the demo mission (5 places, 3 objects) and a warehouse
 * (8 places, 10 objects). BFS has a budget of expanded states; past it the case reports how many
 * states A* needed instead of a ratio.
 */
interface Case {
  readonly name: string;
  readonly domain: PlanningDomain;
  readonly start: WorldState;
  readonly goal: GoalCondition;
}

const warehouse = compileDomain(warehouseSpec());

/**
 * The README demo's mission as the agent plans it: every place and the dock of the warehouse world
 * (straight-line lengths × 1.25, as the agent estimates before it has a map), the red box expected
 * at the pick-up table, robot2 at its spawn; deliver the box beside the dock, seen there.
 */
function demoMission(): Case {
  const map = loadSemanticMap(new URL('../../simulations/worlds/warehouse.yaml', import.meta.url).pathname);
  const poses = { ...map.places, here: { x: 8, y: 1.3, theta: 0 }, dock: map.docks[0]!.pose };
  const names = Object.keys(poses) as (keyof typeof poses)[];
  const distances: Record<string, Record<string, number>> = {};
  for (const a of names)
    for (const b of names)
      if (a < b) (distances[a] ??= {})[b] = 1.25 * Math.hypot(poses[a]!.x - poses[b]!.x, poses[a]!.y - poses[b]!.y);
  const domain = compileDomain({
    places: names,
    distances,
    docks: ['dock'],
    objects: { red_box_1: { graspable: true } },
    robot: { linearSpeed: 0.18, angularSpeed: 1 },
    battery: {
      capacityAh: 1.8,
      nominalVoltage: 11.1,
      idleCurrent: 0.7,
      currentPerLinearSpeed: 2,
      currentPerAngularSpeed: 0.3,
      chargeCurrent: 1.8,
    },
  });
  const start = createWorldState({ robotAt: 'here', batteryWh: 19.98, objectAt: { red_box_1: 'pick_up' } });
  return {
    name: 'readme-demo-mission',
    domain,
    start,
    goal: { objectAt: { red_box_1: 'dock_drop' }, observed: ['red_box_1'] },
  };
}
const CASES: Case[] = [
  demoMission(),
  { name: 'demo-fetch', domain: demoDomain(), start: demoState(), goal: { objectAt: { red_box: 'dock' } } },
  {
    name: 'demo-fetch-low-battery',
    domain: demoDomain(),
    start: demoState({ batteryWh: 0.1 }),
    goal: { objectAt: { red_box: 'dock' } },
  },
  { name: 'warehouse-1-delivery', domain: warehouse, start: warehouseState(), goal: { objectAt: { o1: 'dock' } } },
  {
    name: 'warehouse-2-deliveries',
    domain: warehouse,
    start: warehouseState(),
    goal: { objectAt: { o1: 'dock', o4: 'p6' }, robotAt: 'dock' },
  },
];
const BFS_BUDGET = 50_000;
const ROUNDS = 7;

function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('goap: A* task planning vs breadth-first search', () => {
  bench(
    'plan every case with A* and with BFS, alternating',
    () => {
      const results: Record<string, unknown> = {};
      const ratios: Record<string, number> = {};
      for (const c of CASES) {
        const astarMs: number[] = [];
        const bfsMs: number[] = [];
        const astar = planActions(c.domain, c.start, c.goal);
        let bfsSteps: number | undefined;
        let bfsExpansions: number | undefined;
        let bfsFailed: string | undefined;
        for (let round = 0; round < ROUNDS; round++) {
          astarMs.push(timeMs(() => planActions(c.domain, c.start, c.goal)));
          if (bfsFailed !== undefined) continue;
          try {
            bfsMs.push(
              timeMs(() => {
                const bfs = breadthFirstPlan(c.domain, c.start, c.goal, { maxExpansions: BFS_BUDGET });
                bfsSteps = bfs.steps.length;
                bfsExpansions = bfs.expansions;
              }),
            );
          } catch (error) {
            bfsFailed = (error as { code?: string }).code ?? String(error);
          }
        }
        const a = median(astarMs);
        results[c.name] = {
          astarMs: round3(a),
          astarSteps: astar.steps.length,
          astarExpansions: astar.expansions,
          planSeconds: round3(astar.durationS),
          ...(bfsFailed === undefined
            ? { bfsMs: round3(median(bfsMs)), bfsSteps, bfsExpansions }
            : { bfs: `${bfsFailed} after ${BFS_BUDGET} expansions` }),
        };
        if (bfsFailed === undefined) ratios[`${c.name}.bfsOverAstar`] = round3(median(bfsMs) / a);
      }
      const file = writeResult('goap', {
        unit: 'milliseconds per plan (median)',
        rounds: ROUNDS,
        cases: results,
        ratios,
      });
      console.log(file, JSON.stringify({ results, ratios }, null, 2));
    },
    { iterations: 1, warmupIterations: 0, time: 0 },
  );
});
