import { describe, expect, it } from 'vitest';
import { extractTextBoxes } from './db-postprocess.js';
import { readingOrder } from './text-box.js';
import { detectionInputSize } from './text-detector.js';

/** A probability map with rectangles of probability `p` on 0. */
function map(width: number, height: number, rects: Array<[number, number, number, number, number]>): Float32Array {
  const out = new Float32Array(width * height);
  for (const [x, y, w, h, p] of rects) {
    for (let row = y; row < y + h; row++) out.fill(p, row * width + x, row * width + x + w);
  }
  return out;
}

describe('extractTextBoxes', () => {
  const geometry = { mapWidth: 64, mapHeight: 32, imageWidth: 128, imageHeight: 64 };

  it('grows a region by area × 1.5 / perimeter and scales it to the image', () => {
    // 20×4 region: grow = 80 × 1.5 / 48 = 2.5 map pixels per side.
    const [box, ...rest] = extractTextBoxes(map(64, 32, [[10, 10, 20, 4, 0.9]]), geometry);
    expect(rest).toEqual([]);
    expect(box).toEqual({ x: 15, y: 15, width: 50, height: 18, score: expect.closeTo(0.9, 5) as number });
  });

  it('drops weak regions (mean under 0.6), regions under the threshold and regions thinner than 3', () => {
    const probability = map(64, 32, [
      [2, 2, 10, 5, 0.5],
      [2, 20, 10, 5, 0.2],
      [30, 20, 20, 2, 0.9],
    ]);
    expect(extractTextBoxes(probability, geometry)).toEqual([]);
  });

  it('clips grown boxes to the image', () => {
    const [box] = extractTextBoxes(map(64, 32, [[0, 0, 64, 32, 1]]), geometry);
    expect(box).toMatchObject({ x: 0, y: 0, width: 128, height: 64 });
  });
});

describe('detectionInputSize', () => {
  it('rounds sides to multiples of 32 and caps the longer side', () => {
    expect(detectionInputSize(480, 110, 960)).toEqual([480, 96]);
    expect(detectionInputSize(1920, 1080, 960)).toEqual([960, 544]);
    expect(detectionInputSize(10, 10, 960)).toEqual([32, 32]);
  });
});

describe('readingOrder', () => {
  it('sorts by line, then left to right', () => {
    const a = { x: 100, y: 12, width: 50, height: 20 };
    const b = { x: 10, y: 10, width: 50, height: 20 };
    const c = { x: 5, y: 60, width: 50, height: 20 };
    expect(readingOrder([c, a, b])).toEqual([b, a, c]);
  });
});
