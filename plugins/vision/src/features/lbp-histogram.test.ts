import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { UNIFORM_LBP_BINS, lbpHistogram, uniformLbpBin } from './lbp-histogram.js';
import { imageFrom, renderSvg } from './testing/render-svg.js';
import { cosineSimilarity } from './similarity.js';

const sum = (values: Float32Array): number => values.reduce((a, b) => a + b, 0);

describe('lbpHistogram', () => {
  it('maps the 58 uniform codes to bins 0–57 and every other code to 58', () => {
    const bins = Array.from({ length: 256 }, (_, code) => uniformLbpBin(code));
    expect(new Set(bins.filter((b) => b < 58)).size).toBe(58);
    expect(bins.filter((b) => b === 58)).toHaveLength(256 - 58);
    expect(uniformLbpBin(0)).toBe(0);
    expect(uniformLbpBin(255)).toBe(57);
    expect(uniformLbpBin(0b00001111)).toBeLessThan(58);
    expect(uniformLbpBin(0b01010101)).toBe(58);
  });

  it('puts a flat image entirely in code 255', () => {
    const full = lbpHistogram(
      imageFrom(10, 10, () => [50, 50, 50]),
      { uniform: false },
    );
    expect(full).toHaveLength(256);
    expect(full[255]).toBeCloseTo(1, 6);
  });

  it('splits a one-pixel checkerboard between all-ones and the alternating patterns', () => {
    const board = imageFrom(12, 12, (x, y) => ((x + y) % 2 === 0 ? [255, 255, 255] : [0, 0, 0]));
    const full = lbpHistogram(board, { uniform: false });
    // A white centre has white diagonals and black edge neighbours: bits 7,5,3,1 set.
    expect(full[0b10101010]).toBeCloseTo(0.5, 6);
    expect(full[255]).toBeCloseTo(0.5, 6);
    const uniform = lbpHistogram(board);
    expect(uniform).toHaveLength(UNIFORM_LBP_BINS);
    expect(uniform[58]).toBeCloseTo(0.5, 6);
    expect(uniform[57]).toBeCloseTo(0.5, 6);
  });

  it('tells vertical from horizontal stripes and matches the same texture rendered at another size', async () => {
    const stripes = (size: number, vertical: boolean) =>
      renderSvg(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><defs><pattern id="p" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="${vertical ? 2 : 4}" height="${vertical ? 4 : 2}" fill="#fff"/></pattern></defs><rect width="${size}" height="${size}" fill="#000"/><rect width="${size}" height="${size}" fill="url(#p)"/></svg>`,
      );
    const a = lbpHistogram(await stripes(64, true));
    const b = lbpHistogram(await stripes(96, true));
    const across = lbpHistogram(await stripes(64, false));
    expect(sum(a)).toBeCloseTo(1, 5);
    expect(cosineSimilarity(a, b)).toBeGreaterThan(0.99);
    // Both have half their pixels at code 255 (dark stripes), the rest at differently rotated codes.
    expect(cosineSimilarity(a, across)).toBeLessThan(0.75);
  });

  it('refuses an image without interior pixels', () => {
    try {
      lbpHistogram(imageFrom(2, 5, () => [0, 0, 0]));
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_VISION_FEATURE_ARGUMENT')).toBe(true);
    }
  });
});
