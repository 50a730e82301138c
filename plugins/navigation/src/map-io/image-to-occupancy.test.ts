import { describe, expect, it } from 'vitest';
import type { GrayImage } from './gray-image.js';
import { imageToOccupancy, type PixelInterpretation } from './image-to-occupancy.js';

// One row per case would hide the flip; two rows: top row [0, 128], bottom row [205, 254].
const image = (gray: number[], alpha?: number[]): GrayImage => ({
  width: 2,
  height: 2,
  maxValue: 255,
  gray: Float32Array.from(gray),
  ...(alpha ? { alpha: Float32Array.from(alpha) } : {}),
});
const trinary: PixelInterpretation = { mode: 'trinary', negate: false, occupiedThresh: 0.65, freeThresh: 0.196 };

describe('imageToOccupancy', () => {
  it('thresholds trinary pixels and puts the bottom image row first', () => {
    // p: 0 → 1.0, 128 → 0.498, 205 → 0.196 (not below 0.196), 254 → 0.004.
    expect(Array.from(imageToOccupancy(image([0, 128, 205, 254]), trinary))).toEqual([-1, 0, 100, -1]);
  });

  it('reverses black and white with negate', () => {
    expect(Array.from(imageToOccupancy(image([0, 128, 205, 254]), { ...trinary, negate: true }))).toEqual([
      100, 100, 0, -1,
    ]);
  });

  it('scales in-between values linearly and reads transparency as unknown', () => {
    const how: PixelInterpretation = { mode: 'scale', negate: false, occupiedThresh: 0.8, freeThresh: 0.2 };
    // Bottom row: 127.5 → p 0.5 → 50; 255 transparent → -1. Top row: 0 → 100, 204 → p 0.2 → 0.
    expect(Array.from(imageToOccupancy(image([0, 204, 127.5, 255], [255, 255, 255, 0]), how))).toEqual([
      50, -1, 100, 0,
    ]);
  });

  it('passes raw values 0..100 through and makes the rest unknown', () => {
    const how: PixelInterpretation = { ...trinary, mode: 'raw', negate: true };
    expect(Array.from(imageToOccupancy(image([0, 100, 101, 255]), how))).toEqual([-1, -1, 0, 100]);
  });
});
