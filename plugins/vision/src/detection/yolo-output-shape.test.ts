import { describe, expect, it } from 'vitest';
import { describeYoloOutput, matchYoloOutput } from './yolo-output-shape.js';

const shapeError = (message: RegExp) =>
  expect.objectContaining({ code: 'OMNI_ERR_VISION_MODEL_SHAPE', message: expect.stringMatching(message) });

describe('describeYoloOutput', () => {
  it('detects the stock export layouts from the dims alone', () => {
    expect(describeYoloOutput([1, 84, 8400])).toEqual({ layout: 'v8', numClasses: 80, numCandidates: 8400 });
    expect(describeYoloOutput([1, 25200, 85])).toEqual({ layout: 'v5', numClasses: 80, numCandidates: 25200 });
    expect(describeYoloOutput([1, 5, 2100])).toEqual({ layout: 'v8', numClasses: 1, numCandidates: 2100 });
  });

  it('uses the class count to choose, and to reject dims that do not match it', () => {
    // Tiny candidate counts, where the channel axis is the larger one: the class count decides.
    expect(describeYoloOutput([1, 7, 3], { numClasses: 3 })).toEqual({ layout: 'v8', numClasses: 3, numCandidates: 3 });
    expect(describeYoloOutput([1, 3, 8], { numClasses: 3 })).toEqual({ layout: 'v5', numClasses: 3, numCandidates: 3 });
    expect(() => describeYoloOutput([1, 84, 8400], { numClasses: 3 })).toThrow(
      shapeError(/dims \[1, 84, 8400\]; expected .* for 3 classes \(v8: \[1, 7, N\], v5: \[1, N, 8\]\)/),
    );
  });

  it('asks for an explicit layout when the class count fits both', () => {
    // [1, 6, 7] with 2 classes: v8 over 7 candidates or v5 over 6.
    expect(() => describeYoloOutput([1, 6, 7], { numClasses: 2 })).toThrow(shapeError(/fit both .* pass layout/));
    expect(describeYoloOutput([1, 6, 7], { numClasses: 2, layout: 'v8' })).toEqual({
      layout: 'v8',
      numClasses: 2,
      numCandidates: 7,
    });
  });

  it('checks an explicit layout', () => {
    expect(() => describeYoloOutput([1, 84, 8400], { layout: 'v5', numClasses: 80 })).toThrow(
      shapeError(/not the v5 layout: expected dims\[2\] = 5\+C/),
    );
  });

  it('rejects dims that fit no layout, saying what was expected', () => {
    for (const dims of [
      [84, 8400],
      [2, 84, 8400],
      [1, 84, 8400, 1],
      [1, 4, 3],
      [1, 3, 4],
      [1, 84, 0],
    ]) {
      expect(() => describeYoloOutput(dims)).toThrow(
        shapeError(/expected a float32 tensor \[1, 4\+C, N\] .* or \[1, N, 5\+C\]/),
      );
    }
  });

  it('rejects bad options', () => {
    expect(() => describeYoloOutput([1, 84, 8400], { numClasses: 0 })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_VISION_DETECTION_OPTIONS' }),
    );
    expect(() => describeYoloOutput([1, 84, 8400], { layout: 'v9' as 'v8' })).toThrow(
      /layout must be 'v8', 'v5' or 'auto', got "v9"/,
    );
  });

  it('accepts symbolic batch and candidate dims from model metadata', () => {
    expect(matchYoloOutput(['batch', 84, 'anchors'])).toEqual({
      layout: 'v8',
      numClasses: 80,
      numCandidates: undefined,
    });
    expect(matchYoloOutput([1, 'n', 85])).toEqual({ layout: 'v5', numClasses: 80, numCandidates: undefined });
    expect(() => matchYoloOutput([1, 'c', 'n'])).toThrow(shapeError(/expected/));
  });
});
