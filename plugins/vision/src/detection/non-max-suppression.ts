import { InvalidDetectionOptions } from './detection-errors.js';
import type { YoloCandidates } from './yolo-candidates.js';

/** Settings of {@link nonMaxSuppression}. */
export interface NmsOptions {
  /**
   * A box is suppressed when its IoU with a kept, higher-scoring box is strictly greater than this
   * (0..1). At exactly the threshold both are kept.
   */
  readonly iouThreshold: number;
  /** Keep at most this many boxes, best first (integer ≥ 0). */
  readonly maxDetections: number;
  /** When true, boxes of different classes suppress each other too; when false (default), NMS runs per class. */
  readonly classAgnostic?: boolean | undefined;
}

/**
 * Intersection over union of two boxes given by corners. Zero when they only touch, and zero
 * (not NaN) when both have zero area.
 *
 * @example
 * intersectionOverUnion(0, 0, 2, 1, 0, 0, 1, 1); // → 0.5
 */
export function intersectionOverUnion(
  ax1: number,
  ay1: number,
  ax2: number,
  ay2: number,
  bx1: number,
  by1: number,
  bx2: number,
  by2: number,
): number {
  const iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
  const ih = Math.min(ay2, by2) - Math.max(ay1, by1);
  if (iw <= 0 || ih <= 0) return 0;
  const intersection = iw * ih;
  const union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - intersection;
  return union > 0 ? intersection / union : 0;
}

/** Throws {@link InvalidDetectionOptions} unless the IoU threshold is in 0..1 and maxDetections an integer ≥ 0. */
export function validateNmsOptions(options: NmsOptions): void {
  const { iouThreshold, maxDetections } = options;
  if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
    throw new InvalidDetectionOptions('iouThreshold', iouThreshold, 'a number in 0..1');
  }
  if (!(Number.isInteger(maxDetections) && maxDetections >= 0)) {
    throw new InvalidDetectionOptions('maxDetections', maxDetections, 'an integer ≥ 0');
  }
}

/**
 * Greedy non-maximum suppression: visits the candidates from the highest score down (ties in
 * candidate order) and keeps a box unless it overlaps a kept box of the same class (of any class
 * with `classAgnostic`) with IoU above `iouThreshold`. Returns the indices of the kept candidates,
 * best first, at most `maxDetections` of them.
 *
 * @example
 * const kept = nonMaxSuppression(candidates, { iouThreshold: 0.45, maxDetections: 300 });
 * for (const i of kept) console.log(candidates.classIds[i], candidates.scores[i]);
 */
export function nonMaxSuppression(candidates: YoloCandidates, options: NmsOptions): Int32Array {
  validateNmsOptions(options);
  const { count, boxes, scores, classIds } = candidates;
  const { iouThreshold, maxDetections } = options;
  const agnostic = options.classAgnostic === true;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const kept = new Int32Array(Math.min(count, maxDetections));
  const areas = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    areas[i] = (boxes[i * 4 + 2]! - boxes[i * 4]!) * (boxes[i * 4 + 3]! - boxes[i * 4 + 1]!);
  }
  let keptCount = 0;
  for (let o = 0; o < count && keptCount < kept.length; o++) {
    const i = order[o]!;
    const ix1 = boxes[i * 4]!;
    const iy1 = boxes[i * 4 + 1]!;
    const ix2 = boxes[i * 4 + 2]!;
    const iy2 = boxes[i * 4 + 3]!;
    const cls = classIds[i]!;
    let suppressed = false;
    for (let k = 0; k < keptCount; k++) {
      const j = kept[k]!;
      if (!agnostic && classIds[j] !== cls) continue;
      const iw = Math.min(ix2, boxes[j * 4 + 2]!) - Math.max(ix1, boxes[j * 4]!);
      if (iw <= 0) continue;
      const ih = Math.min(iy2, boxes[j * 4 + 3]!) - Math.max(iy1, boxes[j * 4 + 1]!);
      if (ih <= 0) continue;
      const intersection = iw * ih;
      const union = areas[i]! + areas[j]! - intersection;
      if (union > 0 && intersection / union > iouThreshold) {
        suppressed = true;
        break;
      }
    }
    if (!suppressed) kept[keptCount++] = i;
  }
  return kept.subarray(0, keptCount);
}
