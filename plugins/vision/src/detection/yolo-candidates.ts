import type { YoloOutputShape } from './yolo-output-shape.js';

/**
 * Boxes that passed the confidence threshold, as parallel typed arrays (no object per box, so that
 * decoding thousands of candidates allocates nothing). Entries `0..count-1` are valid.
 */
export interface YoloCandidates {
  /** Number of valid entries. */
  count: number;
  /** Corners x1, y1, x2, y2 of each box, in model-input pixels: 4 floats per box. */
  readonly boxes: Float32Array;
  /** Score of each box in 0..1: the best class score (v8) or objectness × best class score (v5). */
  readonly scores: Float32Array;
  /** Index of the best class of each box. */
  readonly classIds: Int32Array;
}

/** Allocates room for `capacity` candidates. */
export function createYoloCandidates(capacity: number): YoloCandidates {
  return {
    count: 0,
    boxes: new Float32Array(capacity * 4),
    scores: new Float32Array(capacity),
    classIds: new Int32Array(capacity),
  };
}

/**
 * Reads every candidate of a YOLO output tensor and keeps those whose score is at least
 * `confidenceThreshold` (compared at float32 precision, so a score equal to the threshold passes)
 * and whose width and height are positive and finite. Each box gets its best class only.
 *
 * `data` must hold exactly the elements `shape` describes; `into` (reused between frames to avoid
 * allocation) must have room for `shape.numCandidates` boxes.
 *
 * @example
 * const shape = describeYoloOutput(tensor.dims);
 * const candidates = decodeYoloCandidates(tensor.data as Float32Array, shape, 0.25);
 */
export function decodeYoloCandidates(
  data: Float32Array,
  shape: YoloOutputShape,
  confidenceThreshold: number,
  into: YoloCandidates = createYoloCandidates(shape.numCandidates),
): YoloCandidates {
  // Scores live in float32: comparing against the float32 threshold keeps "equal passes" exact.
  const threshold = Math.fround(confidenceThreshold);
  into.count = 0;
  if (shape.layout === 'v8') decodeV8(data, shape, threshold, into);
  else decodeV5(data, shape, threshold, into);
  return into;
}

function decodeV8(data: Float32Array, shape: YoloOutputShape, threshold: number, out: YoloCandidates): void {
  const n = shape.numCandidates;
  const classes = shape.numClasses;
  // Class scores are stored class-major, so a first pass walks memory in order and only marks the
  // candidates with some class above the threshold (a few hundred of 8400); the strided arg-max
  // then runs for those alone.
  const marked = markedScratch(n);
  marked.fill(0);
  const end = (4 + classes) * n;
  for (let offset = 4 * n; offset < end; offset += n) {
    for (let i = 0; i < n; i++) {
      if (data[offset + i]! >= threshold) marked[i] = 1;
    }
  }
  const { boxes, scores, classIds } = out;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (marked[i] === 0) continue;
    let best = -Infinity;
    let bestClass = 0;
    for (let c = 0, offset = 4 * n + i; c < classes; c++, offset += n) {
      const score = data[offset]!;
      if (score > best) {
        best = score;
        bestClass = c;
      }
    }
    const w = data[2 * n + i]!;
    const h = data[3 * n + i]!;
    if (!(w > 0 && h > 0 && w < Infinity && h < Infinity)) continue;
    const cx = data[i]!;
    const cy = data[n + i]!;
    const b = count * 4;
    boxes[b] = cx - w / 2;
    boxes[b + 1] = cy - h / 2;
    boxes[b + 2] = cx + w / 2;
    boxes[b + 3] = cy + h / 2;
    scores[count] = best;
    classIds[count] = bestClass;
    count++;
  }
  out.count = count;
}

function decodeV5(data: Float32Array, shape: YoloOutputShape, threshold: number, out: YoloCandidates): void {
  const n = shape.numCandidates;
  const classes = shape.numClasses;
  const stride = 5 + classes;
  const { boxes, scores, classIds } = out;
  let count = 0;
  for (let i = 0, row = 0; i < n; i++, row += stride) {
    const objectness = data[row + 4]!;
    // Class scores are probabilities (≤ 1), so objectness below the threshold cannot pass.
    if (!(objectness >= threshold)) continue;
    let best = -Infinity;
    let bestClass = 0;
    for (let c = 0; c < classes; c++) {
      const score = data[row + 5 + c]!;
      if (score > best) {
        best = score;
        bestClass = c;
      }
    }
    const score = Math.fround(objectness * best);
    if (!(score >= threshold)) continue;
    const w = data[row + 2]!;
    const h = data[row + 3]!;
    if (!(w > 0 && h > 0 && w < Infinity && h < Infinity)) continue;
    const cx = data[row]!;
    const cy = data[row + 1]!;
    const b = count * 4;
    boxes[b] = cx - w / 2;
    boxes[b + 1] = cy - h / 2;
    boxes[b + 2] = cx + w / 2;
    boxes[b + 3] = cy + h / 2;
    scores[count] = score;
    classIds[count] = bestClass;
    count++;
  }
  out.count = count;
}

let marks = new Uint8Array(0);

function markedScratch(size: number): Uint8Array {
  if (marks.length < size) marks = new Uint8Array(size);
  return marks;
}
