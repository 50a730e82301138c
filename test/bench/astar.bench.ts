import { createRequire } from 'node:module';
import { bench, describe } from 'vitest';
import { AStarPlanner, ThetaStarPlanner } from '../../plugins/navigation/src/planning/index.js';
import type { GridPlan } from '../../plugins/navigation/src/planning/index.js';
import type { Costmap, Pose2D } from '../../plugins/navigation/src/grid/grid-types.js';
import { median, round3, writeResult } from './bench-helpers.js';

/**
 * A* against the `pathfinding` package's AStarFinder (8-connected, no corner crossing) on the same
 * walkability grids, corner to corner: a 1000×1000 map of random rectangles and walls, and a
 * 4000×4000 warehouse of shelf rows. Maps hold only free and lethal cells so both search the same
 * graph; our planner's cost weighting then changes nothing.
 */

interface PfNode {
  opened?: boolean;
  closed?: boolean;
}
interface PfGrid {
  nodes: PfNode[][];
}
interface PathfindingModule {
  Grid: new (width: number, height: number, matrix?: number[][]) => PfGrid;
  AStarFinder: new (options: { diagonalMovement: number }) => {
    findPath(sx: number, sy: number, gx: number, gy: number, grid: PfGrid): number[][];
  };
  DiagonalMovement: { OnlyWhenNoObstacles: number };
}
// The package ships no type declarations; the few members used are typed above.
const PF = createRequire(import.meta.url)('pathfinding') as PathfindingModule;

const LETHAL = 254;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fillRect(map: Costmap, x0: number, y0: number, w: number, h: number, value: number): void {
  const { width, height } = map.info;
  for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
    map.data.fill(value, y * width + Math.max(0, x0), y * width + Math.min(width, x0 + w));
  }
}

function blank(size: number, resolution: number): Costmap {
  return {
    info: { width: size, height: size, resolution, originX: 0, originY: 0 },
    data: new Uint8Array(size * size),
  };
}

/** Random rectangles and long walls with doors, seed 7; the corners are kept clear. */
function clutteredMap(size: number): Costmap {
  const map = blank(size, 0.05);
  const rnd = random(7);
  for (let i = 0; i < 320; i++) {
    fillRect(
      map,
      Math.floor(rnd() * size),
      Math.floor(rnd() * size),
      4 + Math.floor(rnd() * 36),
      4 + Math.floor(rnd() * 36),
      LETHAL,
    );
  }
  for (let i = 0; i < 60; i++) {
    const length = 100 + Math.floor(rnd() * 300);
    const x = Math.floor(rnd() * size);
    const y = Math.floor(rnd() * size);
    // Every wall has a door, so no region is sealed off.
    const door = 20 + Math.floor(rnd() * (length - 60));
    if (rnd() < 0.5) {
      fillRect(map, x, y, door, 2, LETHAL);
      fillRect(map, x + door + 40, y, length - door - 40, 2, LETHAL);
    } else {
      fillRect(map, x, y, 2, door, LETHAL);
      fillRect(map, x, y + door + 40, 2, length - door - 40, LETHAL);
    }
  }
  fillRect(map, 0, 0, 20, 20, 0);
  fillRect(map, size - 20, size - 20, 20, 20, 0);
  return map;
}

/** Outer walls and blocks of shelves (1.2 m deep, 25 m long) with 2 m aisles and 4 m cross aisles. */
function warehouseMap(size: number): Costmap {
  const map = blank(size, 0.05);
  fillRect(map, 0, 0, size, 4, LETHAL);
  fillRect(map, 0, size - 4, size, 4, LETHAL);
  fillRect(map, 0, 0, 4, size, LETHAL);
  fillRect(map, size - 4, 0, 4, size, LETHAL);
  for (let x = 200; x + 24 < size - 200; x += 64) {
    for (let y = 200; y + 500 < size - 200; y += 580) fillRect(map, x, y, 24, 500, LETHAL);
  }
  return map;
}

function pathfindingGrid(map: Costmap): PfGrid {
  const { width, height } = map.info;
  const grid = new PF.Grid(width, height);
  // pathfinding's y is our row: the same cells, the same neighbours.
  for (let row = 0; row < height; row++) {
    const nodes = grid.nodes[row]!;
    for (let col = 0; col < width; col++) {
      if (map.data[row * width + col]! >= 253) (nodes[col] as PfNode & { walkable: boolean }).walkable = false;
    }
  }
  return grid;
}

/** What `grid.clone()` would give, without allocating millions of nodes per run (kept out of the timing). */
function resetPathfindingGrid(grid: PfGrid): void {
  for (const row of grid.nodes) {
    for (const node of row) {
      node.opened = false;
      node.closed = false;
    }
  }
}

interface Case {
  label: string;
  map: Costmap;
  start: Pose2D;
  goal: Pose2D;
  startCell: [number, number];
  goalCell: [number, number];
  grid: PfGrid;
}

function makeCase(label: string, map: Costmap, margin: number): Case {
  const r = map.info.resolution;
  const last = map.info.width - 1 - margin;
  return {
    label,
    map,
    start: { x: (margin + 0.5) * r, y: (margin + 0.5) * r, theta: 0 },
    goal: { x: (last + 0.5) * r, y: (last + 0.5) * r, theta: 0 },
    startCell: [margin, margin],
    goalCell: [last, last],
    grid: pathfindingGrid(map),
  };
}

const astar = new AStarPlanner();
const theta = new ThetaStarPlanner();
const finder = new PF.AStarFinder({ diagonalMovement: PF.DiagonalMovement.OnlyWhenNoObstacles });

function request(c: Case) {
  return { costmap: c.map, start: c.start, goal: c.goal };
}

async function timeMs(run: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

async function measure(c: Case, rounds: number, baselineRounds: number, thetaRounds: number) {
  const ours: number[] = [];
  const thetaTimes: number[] = [];
  const theirs: number[] = [];
  const plan = await astar.planCells({ costmap: c.map, start: c.start, goal: c.goal });
  let theirLength = 0;
  let thetaPlan: GridPlan | undefined;
  for (let round = 0; round < rounds; round++) {
    ours.push(await timeMs(() => astar.createPlan(request(c))));
    if (round < thetaRounds) {
      thetaTimes.push(await timeMs(async () => (thetaPlan = await theta.planCells(request(c)))));
    }
    if (round < baselineRounds) {
      resetPathfindingGrid(c.grid);
      theirs.push(
        await timeMs(() => {
          const path = finder.findPath(c.startCell[0], c.startCell[1], c.goalCell[0], c.goalCell[1], c.grid);
          theirLength = 0;
          for (let i = 1; i < path.length; i++) {
            theirLength += Math.hypot(path[i]![0]! - path[i - 1]![0]!, path[i]![1]! - path[i - 1]![1]!);
          }
        }),
      );
    }
  }
  const r = c.map.info.resolution;
  return {
    cells: c.map.info.width * c.map.info.height,
    astarMs: round3(median(ours)),
    thetaStarMs: round3(median(thetaTimes)),
    pathfindingMs: round3(median(theirs)),
    astarExpansions: plan.expansions,
    astarPathLengthM: round3(plan.cost),
    thetaStarPathLengthM: round3(thetaPlan?.cost ?? Number.NaN),
    pathfindingPathLengthM: round3(theirLength * r),
    speedupVsPathfinding: round3(median(theirs) / median(ours)),
  };
}

const cluttered = makeCase('1000x1000 random rectangles and walls', clutteredMap(1000), 2);
const warehouse = makeCase('4000x4000 warehouse shelf rows', warehouseMap(4000), 10);
const small = await measure(cluttered, 15, 7, 3);
// Theta* checks line of sight for every neighbour, which is slow on this map: timed once.
const large = await measure(warehouse, 5, 3, 1);
writeResult('astar', {
  unit: 'ms per corner-to-corner plan (median); A* returns nav_msgs/Path, Theta* its cells, pathfinding its cell list',
  baseline: 'pathfinding AStarFinder, DiagonalMovement.OnlyWhenNoObstacles, same grid, same process',
  grid1000: small,
  grid4000: large,
  goals: { speedupAtLeast: 5, grid1000UnderMs: 30 },
  ratios: {
    speedup1000: small.speedupVsPathfinding,
    speedup4000: large.speedupVsPathfinding,
    thetaVsAstarTime1000: round3(small.thetaStarMs / small.astarMs),
    thetaVsAstarLength1000: round3(small.thetaStarPathLengthM / small.astarPathLengthM),
  },
});

describe(`A* corner to corner, ${cluttered.label}`, () => {
  bench('AStarPlanner', async () => void (await astar.createPlan(request(cluttered))), { time: 500 });
  bench(
    'pathfinding AStarFinder',
    () => {
      resetPathfindingGrid(cluttered.grid);
      finder.findPath(2, 2, 997, 997, cluttered.grid);
    },
    { time: 500 },
  );
});

describe(`A* corner to corner, ${warehouse.label}`, () => {
  bench('AStarPlanner', async () => void (await astar.createPlan(request(warehouse))), { iterations: 3, time: 0 });
});
