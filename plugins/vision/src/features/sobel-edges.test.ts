import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { sobelEdges } from './sobel-edges.js';
import { imageFrom, renderSvg } from './testing/render-svg.js';

describe('sobelEdges', () => {
  it('finds a vertical edge as a horizontal gradient, only along the edge', () => {
    const image = imageFrom(20, 10, (x) => (x < 10 ? [0, 0, 0] : [255, 255, 255]));
    const { gradientX, gradientY, magnitude, density } = sobelEdges(image);
    for (let y = 0; y < 10; y++) {
      for (let x = 0; x < 20; x++) {
        const p = y * 20 + x;
        expect(gradientY[p]).toBeCloseTo(0, 3);
        if (x === 9 || x === 10) expect(gradientX[p]).toBeCloseTo(4 * 255, 2);
        else expect(magnitude[p]).toBeCloseTo(0, 3);
      }
    }
    expect(density).toBeCloseTo(2 / 20, 6);
  });

  it('gives a flat image no edges, borders included', () => {
    const { magnitude, density } = sobelEdges(imageFrom(8, 8, () => [90, 140, 200]));
    expect(Math.max(...magnitude)).toBeCloseTo(0, 3);
    expect(density).toBe(0);
  });

  it('finds a horizontal edge of a rendered picture as a vertical gradient pointing down to the light', async () => {
    const image = await renderSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="20" fill="#000"/><rect y="20" width="40" height="20" fill="#fff"/></svg>',
    );
    const { gradientX, gradientY } = sobelEdges(image);
    const p = 19 * 40 + 20;
    expect(gradientY[p]).toBeGreaterThan(900);
    expect(Math.abs(gradientX[p]!)).toBeLessThan(1);
  });

  it('has more edge density on a checkerboard than on a single step', () => {
    const step = sobelEdges(imageFrom(32, 32, (x) => (x < 16 ? [0, 0, 0] : [255, 255, 255])));
    const board = sobelEdges(
      imageFrom(32, 32, (x, y) => (((x >> 2) + (y >> 2)) % 2 === 0 ? [0, 0, 0] : [255, 255, 255])),
    );
    expect(board.density).toBeGreaterThan(4 * step.density);
  });

  it('refuses a negative threshold and a buffer of the wrong size', () => {
    const image = imageFrom(4, 4, () => [0, 0, 0]);
    expect(() => sobelEdges(image, { threshold: -1 })).toThrow(/threshold/);
    try {
      sobelEdges({ data: new Uint8Array(10), width: 4, height: 4 });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_VISION_RGB_IMAGE')).toBe(true);
      expect((error as Error).message).toContain('4×4×3 = 48 bytes');
    }
  });
});
