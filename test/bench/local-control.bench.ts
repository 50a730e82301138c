import { bench, describe } from 'vitest';
import { createDwaController, createRegulatedPurePursuit } from '../../plugins/navigation/src/control/index.js';
import type { ControlInput } from '../../plugins/navigation/src/control/index.js';
import {
  freeCostmap,
  paintInflatedDisc,
  straightPath,
} from '../../plugins/navigation/src/control/testing/control-fixtures.js';
import { compareNsPerOp, percentile, round3, writeResult } from './bench-helpers.js';

/**
 * Cost of one control step of the local controllers on a realistic input: a 10 m path, a 10 × 10 m
 * costmap at 5 cm with inflated obstacles, and a 360-point scan (a room plus clutter). The baseline
 * is the least any sampling controller does: the same 231 (v, ω) samples rolled out for 1.5 s in
 * 30 steps with one costmap lookup per pose, in the same process, no scan and no scoring.
 */
const costmap = freeCostmap(-5, -5, 10, 10, 0.05);
for (const [x, y] of [
  [1.5, 0.4],
  [2.5, -0.5],
  [-1, 1],
]) {
  paintInflatedDisc(costmap, x!, y!, 0.1);
}
const scanPoints = Array.from({ length: 360 }, (_, i) => {
  const a = (i * Math.PI) / 180;
  const r = i % 7 === 0 ? 0.8 + (i % 5) * 0.1 : 2.5;
  return { x: r * Math.cos(a), y: r * Math.sin(a) };
});
const input: ControlInput = {
  pose: { x: 0, y: 0.05, theta: 0.1 },
  velocity: { linear: 0.15, angular: 0.1 },
  path: straightPath(0, 0, 10, 0),
  costmap,
  scanPoints,
  dt: 0.05,
};
const dwa = createDwaController();
const rpp = createRegulatedPurePursuit();
let sink = 0;

function bareRollout(): void {
  const { info, data } = costmap;
  for (let i = 0; i < 11; i++) {
    const v = 0.025 + (0.25 * i) / 10;
    for (let j = 0; j < 21; j++) {
      const w = -0.06 + (0.32 * j) / 20;
      let x = input.pose.x;
      let y = input.pose.y;
      let theta = input.pose.theta;
      for (let k = 0; k < 30; k++) {
        x += v * Math.cos(theta) * 0.05;
        y += v * Math.sin(theta) * 0.05;
        theta += w * 0.05;
        const col = Math.floor((x - info.originX) / info.resolution);
        const row = Math.floor((y - info.originY) / info.resolution);
        sink += data[row * info.width + col]!;
      }
    }
  }
}

const variants: Record<string, (ops: number) => void> = {
  'bare rollout (baseline)': (ops) => {
    for (let i = 0; i < ops; i++) bareRollout();
  },
  dwa: (ops) => {
    for (let i = 0; i < ops; i++) sink += dwa.computeVelocity(input).linear;
  },
  'regulated pure pursuit': (ops) => {
    for (let i = 0; i < ops; i++) {
      rpp.reset();
      sink += rpp.computeVelocity(input).linear;
    }
  },
};
const ns = compareNsPerOp(variants, { ops: 50, rounds: 25, warmupRounds: 5 });

// Tail latency of single steps, as a 20 Hz loop sees them; the baseline measured the same way shows
// how much of the tail is the machine (scheduling, other processes) rather than the controller.
function stepMs(run: () => void): { p50: number; p99: number; max: number } {
  const steps = new Float64Array(2000);
  for (let i = 0; i < steps.length; i++) {
    const start = process.hrtime.bigint();
    run();
    steps[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return { p50: round3(percentile(steps, 50)), p99: round3(percentile(steps, 99)), max: round3(Math.max(...steps)) };
}
const dwaSteps = stepMs(() => void (sink += dwa.computeVelocity(input).angular));
const bareSteps = stepMs(bareRollout);
writeResult('local-control', {
  unit: 'ns per control step (median of rounds); ms for the single-step percentiles',
  dwaSamplesPerStep: dwa.debug?.samples,
  nsPerStep: ns,
  stepMs: { dwa: dwaSteps, 'bare rollout (baseline)': bareSteps },
  ratios: {
    dwaVsBareRollout: round3(ns.dwa! / ns['bare rollout (baseline)']!),
    purePursuitVsBareRollout: round3(ns['regulated pure pursuit']! / ns['bare rollout (baseline)']!),
    dwaP50VsBudget5ms: round3(dwaSteps.p50 / 5),
    dwaP99VsBudget5ms: round3(dwaSteps.p99 / 5),
  },
  sink: sink === 0 ? 0 : 1,
});

describe('local control step', () => {
  bench('bare rollout (baseline)', bareRollout, { time: 300 });
  bench('dwa', () => void (sink += dwa.computeVelocity(input).linear), { time: 300 });
  bench('regulated pure pursuit', () => void (sink += rpp.computeVelocity(input).linear), { time: 300 });
});
