import { describe, expect, it } from 'vitest';
import { createYoloCandidates, type YoloCandidates } from './yolo-candidates.js';
import { intersectionOverUnion, nonMaxSuppression } from './non-max-suppression.js';

type Box = [x1: number, y1: number, x2: number, y2: number, score: number, classId: number];

function candidates(boxes: readonly Box[]): YoloCandidates {
  const out = createYoloCandidates(boxes.length);
  boxes.forEach(([x1, y1, x2, y2, score, classId], i) => {
    out.boxes.set([x1, y1, x2, y2], i * 4);
    out.scores[i] = score;
    out.classIds[i] = classId;
  });
  out.count = boxes.length;
  return out;
}

const options = { iouThreshold: 0.5, maxDetections: 100 };

describe('intersectionOverUnion', () => {
  it('is intersection over union, zero for touching boxes and zero (not NaN) for empty boxes', () => {
    expect(intersectionOverUnion(0, 0, 2, 1, 0, 0, 1, 1)).toBe(0.5);
    expect(intersectionOverUnion(0, 0, 2, 2, 1, 1, 3, 3)).toBeCloseTo(1 / 7, 12);
    expect(intersectionOverUnion(0, 0, 1, 1, 1, 0, 2, 1)).toBe(0);
    expect(intersectionOverUnion(5, 5, 5, 5, 5, 5, 5, 5)).toBe(0);
  });
});

describe('nonMaxSuppression', () => {
  it('keeps the best of identical boxes, the first one on a score tie', () => {
    const c = candidates([
      [0, 0, 10, 10, 0.5, 0],
      [0, 0, 10, 10, 0.9, 0],
      [0, 0, 10, 10, 0.9, 0],
    ]);
    expect([...nonMaxSuppression(c, options)]).toEqual([1]);
  });

  it('keeps overlapping boxes of different classes, and suppresses them when class-agnostic', () => {
    const c = candidates([
      [0, 0, 10, 10, 0.9, 0],
      [0, 0, 10, 10, 0.8, 1],
      [1, 0, 11, 10, 0.7, 0],
    ]);
    expect([...nonMaxSuppression(c, options)]).toEqual([0, 1]);
    expect([...nonMaxSuppression(c, { ...options, classAgnostic: true })]).toEqual([0]);
  });

  it('keeps touching boxes even at IoU threshold 0', () => {
    const c = candidates([
      [0, 0, 10, 10, 0.9, 0],
      [10, 0, 20, 10, 0.8, 0],
      [0, 10, 10, 20, 0.7, 0],
      [5, 5, 15, 15, 0.6, 0],
    ]);
    expect([...nonMaxSuppression(c, { ...options, iouThreshold: 0 })]).toEqual([0, 1, 2]);
  });

  it('keeps a box whose IoU equals the threshold and suppresses it just above', () => {
    // IoU of [0,0,2,1] and [0,0,1,1] is exactly 0.5.
    const c = candidates([
      [0, 0, 2, 1, 0.9, 0],
      [0, 0, 1, 1, 0.8, 0],
    ]);
    expect([...nonMaxSuppression(c, { ...options, iouThreshold: 0.5 })]).toEqual([0, 1]);
    expect([...nonMaxSuppression(c, { ...options, iouThreshold: 0.4999 })]).toEqual([0]);
  });

  it('never lets zero-area boxes suppress or be suppressed', () => {
    const c = candidates([
      [5, 5, 5, 5, 0.9, 0],
      [5, 5, 5, 5, 0.8, 0],
      [0, 0, 10, 10, 0.7, 0],
      [0, 5, 10, 5, 0.6, 0],
    ]);
    expect([...nonMaxSuppression(c, { ...options, iouThreshold: 0 })]).toEqual([0, 1, 2, 3]);
  });

  it('returns the best boxes first, at most maxDetections, and nothing for no candidates', () => {
    const c = candidates([
      [0, 0, 1, 1, 0.3, 0],
      [2, 0, 3, 1, 0.9, 0],
      [4, 0, 5, 1, 0.6, 1],
      [6, 0, 7, 1, 0.7, 2],
    ]);
    expect([...nonMaxSuppression(c, options)]).toEqual([1, 3, 2, 0]);
    expect([...nonMaxSuppression(c, { ...options, maxDetections: 2 })]).toEqual([1, 3]);
    expect([...nonMaxSuppression(c, { ...options, maxDetections: 0 })]).toEqual([]);
    expect([...nonMaxSuppression(createYoloCandidates(0), options)]).toEqual([]);
  });

  it('suppresses along a chain only against kept boxes', () => {
    // b overlaps a (suppressed); c overlaps b but not a, so c is kept.
    const c = candidates([
      [0, 0, 10, 10, 0.9, 0],
      [2, 0, 12, 10, 0.8, 0],
      [9.5, 0, 19.5, 10, 0.7, 0],
    ]);
    expect([...nonMaxSuppression(c, options)]).toEqual([0, 2]);
  });

  it('rejects out-of-range options', () => {
    const c = candidates([]);
    for (const bad of [
      { iouThreshold: 1.5, maxDetections: 1 },
      { iouThreshold: Number.NaN, maxDetections: 1 },
      { iouThreshold: 0.5, maxDetections: -1 },
      { iouThreshold: 0.5, maxDetections: 2.5 },
    ]) {
      expect(() => nonMaxSuppression(c, bad)).toThrow(
        expect.objectContaining({ code: 'OMNI_ERR_VISION_DETECTION_OPTIONS' }),
      );
    }
    expect(() => nonMaxSuppression(c, { iouThreshold: 2, maxDetections: 1 })).toThrow(
      'iouThreshold must be a number in 0..1, got 2',
    );
  });
});
