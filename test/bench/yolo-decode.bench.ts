import { bench, describe } from 'vitest';
import { YoloDecoder } from '../../plugins/vision/src/detection/index.js';
import { median, round3, writeResult } from './bench-helpers.js';

/**
 * Decode + class-aware NMS of a YOLOv8 output [1, 84, 8400] (80 classes) holding 40 objects, each
 * seen by 8 jittered candidates (320 above the 0.25 threshold) and background noise below it,
 * against a straightforward decoder in the same process: an object per candidate, sort, pairwise IoU.
 */

const CLASSES = 80;
const N = 8400;
const CONFIDENCE = 0.25;
const IOU = 0.45;

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

function realisticOutput(): { data: Float32Array; dims: number[] } {
  const rnd = random(11);
  const data = new Float32Array((4 + CLASSES) * N);
  for (let i = 0; i < N; i++) {
    data[i] = rnd() * 640;
    data[N + i] = rnd() * 640;
    data[2 * N + i] = 4 + rnd() * 60;
    data[3 * N + i] = 4 + rnd() * 60;
    for (let c = 0; c < CLASSES; c++) data[(4 + c) * N + i] = rnd() * 0.05;
  }
  for (let object = 0; object < 40; object++) {
    const cx = 40 + rnd() * 560;
    const cy = 40 + rnd() * 560;
    const w = 20 + rnd() * 100;
    const h = 20 + rnd() * 100;
    const cls = Math.floor(rnd() * CLASSES);
    for (let k = 0; k < 8; k++) {
      const i = Math.floor(rnd() * N);
      data[i] = cx + (rnd() - 0.5) * 6;
      data[N + i] = cy + (rnd() - 0.5) * 6;
      data[2 * N + i] = w * (0.9 + rnd() * 0.2);
      data[3 * N + i] = h * (0.9 + rnd() * 0.2);
      data[(4 + cls) * N + i] = 0.3 + rnd() * 0.65;
    }
  }
  return { data, dims: [1, 4 + CLASSES, N] };
}

interface NaiveBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  score: number;
  classId: number;
}

/** The baseline: what one writes first. */
function naiveDecode(data: Float32Array): NaiveBox[] {
  const boxes: NaiveBox[] = [];
  for (let i = 0; i < N; i++) {
    const scores: number[] = [];
    for (let c = 0; c < CLASSES; c++) scores.push(data[(4 + c) * N + i]!);
    const score = Math.max(...scores);
    if (score < CONFIDENCE) continue;
    const [cx, cy, w, h] = [data[i]!, data[N + i]!, data[2 * N + i]!, data[3 * N + i]!];
    boxes.push({
      x1: cx - w / 2,
      y1: cy - h / 2,
      x2: cx + w / 2,
      y2: cy + h / 2,
      score,
      classId: scores.indexOf(score),
    });
  }
  boxes.sort((a, b) => b.score - a.score);
  const kept: NaiveBox[] = [];
  for (const box of boxes) {
    if (!kept.some((k) => k.classId === box.classId && iou(k, box) > IOU)) kept.push(box);
    if (kept.length === 300) break;
  }
  return kept;
}

function iou(a: NaiveBox, b: NaiveBox): number {
  const iw = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const ih = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const inter = iw * ih;
  return inter / ((a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - inter);
}

const output = realisticOutput();
const decoder = new YoloDecoder({ confidenceThreshold: CONFIDENCE, iouThreshold: IOU, maxDetections: 300 });
let aboveThreshold = 0;
for (let i = 0; i < N; i++) {
  for (let c = 0; c < CLASSES; c++) {
    if (output.data[(4 + c) * N + i]! >= CONFIDENCE) {
      aboveThreshold++;
      break;
    }
  }
}
const ours = decoder.detect(output);
const theirs = naiveDecode(output.data);
if (ours.length !== theirs.length) throw new Error(`decoders disagree: ${ours.length} vs ${theirs.length} detections`);

function timeMs(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

const oursMs: number[] = [];
const naiveMs: number[] = [];
for (let round = 0; round < 220; round++) {
  const o = timeMs(() => decoder.detect(output));
  const n = timeMs(() => naiveDecode(output.data));
  if (round >= 20) {
    oursMs.push(o);
    naiveMs.push(n);
  }
}
writeResult('yolo-decode', {
  unit: 'ms per decode + class-aware NMS of [1, 84, 8400] (median of 200 alternating rounds)',
  baseline:
    'object per candidate, Math.max over a score array, Array.sort, pairwise IoU against kept boxes; same process',
  candidatesAboveThreshold: aboveThreshold,
  detections: ours.length,
  yoloDecoderMs: round3(median(oursMs)),
  naiveMs: round3(median(naiveMs)),
  goals: { yoloDecoderUnderMs: 2 },
  ratios: { speedupVsNaive: round3(median(naiveMs) / median(oursMs)) },
});

describe('YOLOv8 decode + NMS, 8400 candidates × 80 classes', () => {
  bench('YoloDecoder.detect', () => void decoder.detect(output), { time: 500 });
  bench('naive objects + sort + pairwise IoU', () => void naiveDecode(output.data), { time: 500 });
});
