import { describe, expect, it } from 'vitest';
import type { vision_msgs } from '@omnimind/core';
import { YoloDecoder } from './yolo-decoder.js';
import { v5Tensor, v8Tensor, type GoldenCandidate } from './testing/golden-yolo-tensors.js';

const header = { stamp: { sec: 12, nanosec: 500 }, frame_id: 'camera_optical' };
const names = ['person', 'bicycle', 'car'];

/** Three objects, one duplicate of the person, one low-score box and one zero-size box. */
const golden: GoldenCandidate[] = [
  { cx: 100, cy: 120, w: 40, h: 80, scores: { 0: 0.92, 2: 0.1 } },
  { cx: 102, cy: 121, w: 40, h: 80, scores: { 0: 0.81 } },
  { cx: 300, cy: 200, w: 120, h: 60, scores: { 2: 0.75, 1: 0.3 } },
  { cx: 500, cy: 400, w: 30, h: 30, scores: { 1: 0.55 } },
  { cx: 50, cy: 50, w: 10, h: 10, scores: { 1: 0.2 } },
  { cx: 60, cy: 60, w: 0, h: 10, scores: { 0: 0.99 } },
];

function summary(msg: vision_msgs.Detection2DArray) {
  return msg.detections.map((d) => ({
    classId: d.results[0]!.hypothesis.class_id,
    score: d.results[0]!.hypothesis.score,
    center: [d.bbox.center.position.x, d.bbox.center.position.y],
    size: [d.bbox.size_x, d.bbox.size_y],
  }));
}

const expected = [
  { classId: 'person', score: Math.fround(0.92), center: [100, 120], size: [40, 80] },
  { classId: 'car', score: Math.fround(0.75), center: [300, 200], size: [120, 60] },
  { classId: 'bicycle', score: Math.fround(0.55), center: [500, 400], size: [30, 30] },
];

describe('YoloDecoder', () => {
  it('decodes a v8 [1, 4+C, N] tensor into a Detection2DArray', () => {
    const decoder = new YoloDecoder({ classNames: names });
    const msg = decoder.decode(v8Tensor(golden, 3, 64), header);
    expect(msg.header).toBe(header);
    expect(summary(msg)).toEqual(expected);
    const first = msg.detections[0]!;
    expect(first.header).toBe(header);
    expect(first.bbox.center.theta).toBe(0);
    expect(first.id).toBe('');
    expect(first.results).toHaveLength(1);
  });

  it('decodes a v5 [1, N, 5+C] tensor with score = objectness × class score', () => {
    const withObjectness = golden.map((c) => ({ ...c, objectness: 1 }));
    // 0.8 × 0.5 = 0.4 passes 0.25; 0.4 × 0.5 = 0.2 does not.
    withObjectness.push({ cx: 600, cy: 100, w: 20, h: 20, scores: { 2: 0.5 }, objectness: 0.8 });
    withObjectness.push({ cx: 600, cy: 300, w: 20, h: 20, scores: { 2: 0.5 }, objectness: 0.4 });
    const msg = new YoloDecoder({ classNames: names }).decode(v5Tensor(withObjectness, 3, 50), header);
    expect(summary(msg)).toEqual([
      ...expected,
      { classId: 'car', score: Math.fround(Math.fround(0.8) * 0.5), center: [600, 100], size: [20, 20] },
    ]);
  });

  it('detects the layout, and names classes by index without a class list', () => {
    const msg = new YoloDecoder().decode(v8Tensor(golden, 3, 64), header);
    expect(summary(msg).map((d) => d.classId)).toEqual(['0', '2', '1']);
    const v5 = new YoloDecoder().decode(v5Tensor(golden, 3, 64), header);
    expect(summary(v5).map((d) => d.classId)).toEqual(['0', '2', '1']);
  });

  it('keeps a score equal to the confidence threshold and drops the next float below', () => {
    const at = Math.fround(0.3);
    const below = new Float32Array([at]);
    new Uint32Array(below.buffer)[0]! -= 1;
    const tensor = v8Tensor(
      [
        { cx: 10, cy: 10, w: 4, h: 4, scores: { 0: at } },
        { cx: 30, cy: 10, w: 4, h: 4, scores: { 0: below[0]! } },
      ],
      1,
      4,
    );
    expect(new YoloDecoder({ confidenceThreshold: 0.3 }).detect(tensor).map((d) => d.x1)).toEqual([8]);
    expect(new YoloDecoder({ confidenceThreshold: 0 }).detect(tensor)).toHaveLength(2);
    expect(new YoloDecoder({ confidenceThreshold: 1 }).detect(tensor)).toHaveLength(0);
  });

  it('returns an empty array when nothing passes', () => {
    expect(new YoloDecoder().decode(v8Tensor([], 80, 100), header)).toEqual({ header, detections: [] });
  });

  it('maps boxes back through the letterbox, clips them and drops boxes left in the padding', () => {
    // A 200×100 frame at scale 2 in a 400×400 input: 100 rows of padding above and below.
    const letterbox = { scale: 2, padX: 0, padY: 100, originalWidth: 200, originalHeight: 100 };
    const tensor = v8Tensor(
      [
        { cx: 200, cy: 200, w: 100, h: 60, scores: { 0: 0.9 } },
        { cx: 390, cy: 280, w: 40, h: 40, scores: { 1: 0.8 } },
        { cx: 100, cy: 50, w: 40, h: 40, scores: { 2: 0.7 } },
      ],
      3,
      16,
    );
    const detections = new YoloDecoder({ classNames: names }).detect(tensor, letterbox);
    expect(detections.map(({ x1, y1, x2, y2, className }) => ({ x1, y1, x2, y2, className }))).toEqual([
      { x1: 75, y1: 35, x2: 125, y2: 65, className: 'person' },
      { x1: 185, y1: 80, x2: 200, y2: 100, className: 'bicycle' },
    ]);
  });

  it('keeps at most maxDetections and can run NMS across classes', () => {
    const overlapping: GoldenCandidate[] = [
      { cx: 50, cy: 50, w: 20, h: 20, scores: { 0: 0.9 } },
      { cx: 50, cy: 50, w: 20, h: 20, scores: { 1: 0.8 } },
      { cx: 150, cy: 50, w: 20, h: 20, scores: { 2: 0.7 } },
    ];
    expect(new YoloDecoder().detect(v8Tensor(overlapping, 3, 8))).toHaveLength(3);
    expect(new YoloDecoder({ classAgnostic: true }).detect(v8Tensor(overlapping, 3, 8))).toHaveLength(2);
    expect(new YoloDecoder({ maxDetections: 1 }).detect(v8Tensor(overlapping, 3, 8))).toHaveLength(1);
  });

  it('reuses its buffers across frames of different sizes', () => {
    const decoder = new YoloDecoder();
    expect(decoder.detect(v8Tensor(golden, 3, 8))).toHaveLength(3);
    expect(decoder.detect(v8Tensor(golden, 3, 200))).toHaveLength(3);
    expect(decoder.detect(v8Tensor(golden.slice(2), 3, 8))).toHaveLength(2);
  });

  it('rejects output that is not a YOLO float32 tensor, saying what was expected', () => {
    const decoder = new YoloDecoder({ classNames: names });
    const shapeError = (message: RegExp) =>
      expect.objectContaining({ code: 'OMNI_ERR_VISION_MODEL_SHAPE', message: expect.stringMatching(message) });
    expect(() => decoder.detect(v8Tensor(golden, 80, 64))).toThrow(
      shapeError(/dims \[1, 84, 64\].*for 3 classes \(v8: \[1, 7, N\], v5: \[1, N, 8\]\)/),
    );
    expect(() => decoder.detect({ dims: [1, 7, 64], data: new Float64Array(7 * 64) })).toThrow(
      shapeError(/data is Float64Array; expected a Float32Array/),
    );
    expect(() => decoder.detect({ dims: [1, 7, 64], data: new Float32Array(10) })).toThrow(
      shapeError(/has 10 elements; dims \[1, 7, 64\] need 448/),
    );
    expect(() => decoder.detect({ dims: [7, 64], data: new Float32Array(448) })).toThrow(shapeError(/with batch 1/));
  });

  it('rejects bad options and letterbox transforms', () => {
    const optionsError = expect.objectContaining({ code: 'OMNI_ERR_VISION_DETECTION_OPTIONS' });
    expect(() => new YoloDecoder({ confidenceThreshold: 1.2 })).toThrow(
      /confidenceThreshold must be a number in 0..1, got 1.2/,
    );
    expect(() => new YoloDecoder({ iouThreshold: -0.1 })).toThrow(optionsError);
    expect(() => new YoloDecoder({ maxDetections: 1.5 })).toThrow(optionsError);
    expect(() => new YoloDecoder({ classNames: [] })).toThrow(optionsError);
    const letterbox = { scale: 0, padX: 0, padY: 0, originalWidth: 10, originalHeight: 10 };
    expect(() => new YoloDecoder().detect(v8Tensor(golden, 3, 8), letterbox)).toThrow(/letterbox\.scale/);
  });
});
