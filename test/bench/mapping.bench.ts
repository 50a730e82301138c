import { bench, describe } from 'vitest';
import type { nav_msgs } from '@omnimind/core';
import {
  InflatedCostmap,
  InflationScratch,
  inflateWindow,
  inflationCostTable,
} from '../../plugins/navigation/src/costmap/index.js';
import { OccupancyGridMap, type ScanLike } from '../../plugins/navigation/src/mapping/index.js';
import { compareNsPerOp, round3, writeResult } from './bench-helpers.js';

/**
 * Mapping and costmap costs.
 *
 * 1. One 360-beam scan integrated into a 20 m × 20 m log-odds grid at 5 cm (400 × 400 cells):
 *    `OccupancyGridMap.integrateScan` (clipping + Bresenham, each cell updated once per scan)
 *    against a naive tracer in the same run that steps along each beam in floating point at
 *    half-cell steps and updates every sample. Goal: under 1 ms per scan.
 * 2. Inflation of a 1000 × 1000 costmap (5 cm, inscribed 0.2 m, inflation 0.55 m) from an occupancy
 *    grid with walls and clutter, against a kernel-stamping baseline (a precomputed disc of costs
 *    written around every obstacle cell, keeping the maximum), plus one incremental update.
 */
const RES = 0.05;
const SIZE = 400;
const HALF_ROOM = 7.5;

// A 15 m × 15 m room with a pillar, seen from off-centre; beams past 8 m report no return.
const pose = { x: 1.3, y: -0.7, theta: 0.3 };
function castRoom(angle: number): number {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const tx = c > 0 ? (HALF_ROOM - pose.x) / c : c < 0 ? (-HALF_ROOM - pose.x) / c : Infinity;
  const ty = s > 0 ? (HALF_ROOM - pose.y) / s : s < 0 ? (-HALF_ROOM - pose.y) / s : Infinity;
  let range = Math.min(tx, ty);
  // Pillar: a circle of radius 0.5 m at (4, 2).
  const ox = pose.x - 4;
  const oy = pose.y - 2;
  const b = ox * c + oy * s;
  const disc = b * b - (ox * ox + oy * oy - 0.25);
  if (disc >= 0 && -b - Math.sqrt(disc) > 0) range = Math.min(range, -b - Math.sqrt(disc));
  return range > 8 ? Infinity : range;
}
const BEAMS = 360;
const scan: ScanLike = {
  ranges: Float32Array.from({ length: BEAMS }, (_, i) => castRoom(pose.theta + (i * 2 * Math.PI) / BEAMS)),
  angleMin: 0,
  angleIncrement: (2 * Math.PI) / BEAMS,
  rangeMin: 0.1,
  rangeMax: 8,
};

const map = new OccupancyGridMap({ resolution: RES, width: SIZE, height: SIZE, originX: -10, originY: -10 });

/** The naive baseline: floating-point stepping at half a cell, one update per sample. */
const naiveGrid = new Float32Array(SIZE * SIZE);
function naiveIntegrate(s: ScanLike): void {
  const { logOddsHit: hit, logOddsMiss: miss, logOddsMin: lo, logOddsMax: hi } = map.params;
  for (let i = 0; i < s.ranges.length; i++) {
    const range = s.ranges[i]!;
    if (Number.isNaN(range) || range === -Infinity || range < s.rangeMin) continue;
    const isHit = range < s.rangeMax;
    const length = isHit ? range : s.rangeMax;
    const angle = pose.theta + s.angleMin + i * s.angleIncrement;
    const c = Math.cos(angle);
    const sn = Math.sin(angle);
    const step = RES / 2;
    for (let t = 0; t < length; t += step) {
      const col = Math.floor((pose.x + t * c + 10) / RES);
      const row = Math.floor((pose.y + t * sn + 10) / RES);
      if (col < 0 || row < 0 || col >= SIZE || row >= SIZE) break;
      const k = row * SIZE + col;
      naiveGrid[k] = Math.max(lo, naiveGrid[k]! + miss);
    }
    if (!isHit) continue;
    const col = Math.floor((pose.x + length * c + 10) / RES);
    const row = Math.floor((pose.y + length * sn + 10) / RES);
    if (col < 0 || row < 0 || col >= SIZE || row >= SIZE) continue;
    const k = row * SIZE + col;
    naiveGrid[k] = Math.min(hi, naiveGrid[k]! + hit);
  }
}

const scanNs = compareNsPerOp(
  {
    'integrateScan (Bresenham)': (n) => {
      for (let i = 0; i < n; i++) map.integrateScan(scan, pose);
    },
    'naive half-cell stepping': (n) => {
      for (let i = 0; i < n; i++) naiveIntegrate(scan);
    },
  },
  { ops: 50, rounds: 25, warmupRounds: 5 },
);

// 1000 × 1000 occupancy grid: outer walls, a wall every 5 m with doors, 1 % random clutter.
const BIG = 1000;
function bigGrid(): nav_msgs.OccupancyGrid {
  const data = new Int8Array(BIG * BIG);
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let r = 0; r < BIG; r++) {
    for (let c = 0; c < BIG; c++) {
      const wall = r === 0 || c === 0 || r === BIG - 1 || c === BIG - 1 || (c % 100 === 0 && r % 100 > 20);
      data[r * BIG + c] = wall || random() < 0.01 ? 100 : 0;
    }
  }
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'map' },
    info: {
      map_load_time: { sec: 0, nanosec: 0 },
      resolution: RES,
      width: BIG,
      height: BIG,
      origin: { position: { x: 0, y: 0, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
    },
    data,
  };
}
const grid = bigGrid();
const inflation = { inscribedRadius: 0.2, inflationRadius: 0.55, costScalingFactor: 10 };
const costmap = new InflatedCostmap(grid, inflation);
const base = new Uint8Array(BIG * BIG);
for (let i = 0; i < base.length; i++) base[i] = grid.data[i]! >= 65 ? 254 : 0;
const table = inflationCostTable({ ...inflation }, RES);
const scratch = new InflationScratch();
const out = new Uint8Array(BIG * BIG);
const unknown = { inflateUnknown: false, inflateAroundUnknown: false };
const full = { minCol: 0, minRow: 0, maxCol: BIG - 1, maxRow: BIG - 1 };

/** Baseline: stamp a precomputed disc of costs around every obstacle cell, keeping the maximum. */
const reach = Math.floor(Math.sqrt(table.length - 1));
const kernel: [number, number, number][] = [];
for (let dr = -reach; dr <= reach; dr++)
  for (let dc = -reach; dc <= reach; dc++)
    if (dr * dr + dc * dc < table.length) kernel.push([dc, dr, table[dr * dr + dc * dc]!]);
const stamped = new Uint8Array(BIG * BIG);
function stampInflate(): void {
  stamped.set(base);
  for (let r = 0; r < BIG; r++) {
    for (let c = 0; c < BIG; c++) {
      if (base[r * BIG + c] !== 254) continue;
      for (const [dc, dr, cost] of kernel) {
        const cc = c + dc;
        const rr = r + dr;
        if (cc < 0 || rr < 0 || cc >= BIG || rr >= BIG) continue;
        const k = rr * BIG + cc;
        if (cost > stamped[k]!) stamped[k] = cost;
      }
    }
  }
}
stampInflate();
inflateWindow(base, BIG, BIG, table, unknown, full, out, scratch);
const agree = stamped.every((v, i) => v === out[i]);

let flip = 0;
const inflateNs = compareNsPerOp(
  {
    'distance-transform inflation (1000×1000)': (n) => {
      for (let i = 0; i < n; i++) inflateWindow(base, BIG, BIG, table, unknown, full, out, scratch);
    },
    'kernel stamping baseline (1000×1000)': (n) => {
      for (let i = 0; i < n; i++) stampInflate();
    },
    'InflatedCostmap from OccupancyGrid (1000×1000)': (n) => {
      for (let i = 0; i < n; i++) new InflatedCostmap(grid, inflation);
    },
    'incremental update, one cell changed': (n) => {
      for (let i = 0; i < n; i++) {
        grid.data[500 * BIG + 555] = flip++ % 2 === 0 ? 100 : 0;
        costmap.updateMap(grid);
      }
    },
  },
  { ops: 2, rounds: 9, warmupRounds: 2 },
);

const ms = (ns: number) => round3(ns / 1e6);
const obstacleCells = base.reduce((n, v) => n + (v === 254 ? 1 : 0), 0);
writeResult('mapping', {
  unit: 'milliseconds per operation (median of interleaved rounds)',
  scan: {
    beams: BEAMS,
    grid: `${SIZE}x${SIZE} @ ${RES} m`,
    msPerScan: Object.fromEntries(Object.entries(scanNs).map(([k, v]) => [k, ms(v)])),
  },
  inflation: {
    grid: `${BIG}x${BIG} @ ${RES} m`,
    obstacleCells,
    params: inflation,
    msPerOp: Object.fromEntries(Object.entries(inflateNs).map(([k, v]) => [k, ms(v)])),
    baselineAgrees: agree,
  },
  ratios: {
    scanNaiveOverBresenham: round3(scanNs['naive half-cell stepping']! / scanNs['integrateScan (Bresenham)']!),
    inflationStampingOverDistanceTransform: round3(
      inflateNs['kernel stamping baseline (1000×1000)']! / inflateNs['distance-transform inflation (1000×1000)']!,
    ),
  },
});

describe('mapping: one 360-beam scan into 400×400 cells', () => {
  bench('integrateScan (Bresenham)', () => void map.integrateScan(scan, pose), { time: 300 });
  bench('naive half-cell stepping', () => naiveIntegrate(scan), { time: 300 });
});

describe('costmap: inflation of 1000×1000 cells', () => {
  bench('distance-transform inflation', () => inflateWindow(base, BIG, BIG, table, unknown, full, out, scratch), {
    time: 500,
  });
  bench('kernel stamping baseline', () => stampInflate(), { time: 500 });
});
