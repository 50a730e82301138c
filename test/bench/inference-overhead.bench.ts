import { InferenceSession, Tensor } from 'onnxruntime-node';
import { bench, describe } from 'vitest';
import { InferenceQueue, OnnxBackend } from '../../plugins/vision/src/inference/index.js';
import { mlpModel } from '../../plugins/vision/src/inference/testing/onnx-model-builder.js';
import { median, round3, writeResult } from './bench-helpers.js';

/**
 * The cost of the inference path (`InferenceQueue` in front of `OnnxBackend`) over a raw
 * onnxruntime `session.run` of the same model on the same tensor (baseline, same process and run):
 * a 4-layer 512-wide MLP (MatMul + Add + Relu per layer) on a [8, 512] float32 input, one frame at a
 * time, awaited. Both sessions run on the CPU with the same options.
 */

const SIZE = 512;
const ROWS = 8;
const LAYERS = 4;
const model = mlpModel(SIZE, LAYERS);
const sessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1 };

const raw = await InferenceSession.create(model, { ...sessionOptions, executionProviders: ['cpu'] });
const backend = await OnnxBackend.load(model, { sessionOptions });
const queue = new InferenceQueue(backend, { capacity: 4 });
const input = Float32Array.from({ length: ROWS * SIZE }, (_, i) => Math.sin(i));
const tensor = new Tensor('float32', input, [ROWS, SIZE]);
const feeds = { x: { type: 'float32', data: input, dims: [ROWS, SIZE] } };

async function rawRun(): Promise<Float32Array> {
  return (await raw.run({ x: tensor })).y!.data as Float32Array;
}
async function queuedRun(): Promise<Float32Array> {
  return (await queue.push(feeds)).y!.data as Float32Array;
}

async function timeMs(run: () => Promise<unknown>, ops: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) await run();
  return (performance.now() - t0) / ops;
}

const ours = await queuedRun();
const theirs = await rawRun();
let maxDiff = 0;
for (let i = 0; i < ours.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ours[i]! - theirs[i]!));

const OPS = 20;
const rawTimes: number[] = [];
const queueTimes: number[] = [];
for (let round = 0; round < 45; round++) {
  // Alternate the order so machine noise hits both alike; the first 5 rounds warm up.
  const rawFirst = round % 2 === 0;
  const a = await timeMs(rawFirst ? rawRun : queuedRun, OPS);
  const b = await timeMs(rawFirst ? queuedRun : rawRun, OPS);
  if (round >= 5) {
    rawTimes.push(rawFirst ? a : b);
    queueTimes.push(rawFirst ? b : a);
  }
}

writeResult('inference-overhead', {
  unit: `ms per run of a ${LAYERS}-layer ${SIZE}-wide MLP on a [${ROWS}, ${SIZE}] float32 input, CPU, 1 thread (median of 40 rounds of ${OPS})`,
  baseline: 'raw onnxruntime-node InferenceSession.run of the same model on the same tensor, same process',
  rawSessionRunMs: round3(median(rawTimes)),
  queueAndBackendMs: round3(median(queueTimes)),
  maxAbsDifference: maxDiff,
  ratios: { overheadVsRawRun: round3(median(queueTimes) / median(rawTimes)) },
});

describe(`MLP ${LAYERS}x${SIZE} on [${ROWS}, ${SIZE}]`, () => {
  bench('InferenceQueue + OnnxBackend', async () => void (await queuedRun()), { time: 500 });
  bench('raw session.run', async () => void (await rawRun()), { time: 500 });
});
