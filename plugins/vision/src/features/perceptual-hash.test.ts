import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { resizeGrayArea } from './area-resize.js';
import { toGray } from './grayscale.js';
import { dHash, pHash } from './perceptual-hash.js';
import { cosineSimilarity, hammingDistance } from './similarity.js';
import { OTHER_SCENE_SVG, SCENE_SVG, imageFrom, renderSvg, resizeWithSharp, withNoise } from './testing/render-svg.js';

describe('perceptual hashes', async () => {
  const scene = await renderSvg(SCENE_SVG);
  const other = await renderSvg(OTHER_SCENE_SVG);
  const resizedNoisy = withNoise(await resizeWithSharp(scene, 200, 150), 12);

  for (const [name, hash] of [
    ['dHash', dHash],
    ['pHash', pHash],
  ] as const) {
    it(`${name}: same picture 0 bits apart, a noisy smaller copy few, a different picture many`, () => {
      const h = hash(scene);
      expect(typeof h).toBe('bigint');
      expect(h >> 64n).toBe(0n);
      expect(hammingDistance(h, hash(scene))).toBe(0);
      expect(hammingDistance(h, hash(resizedNoisy))).toBeLessThanOrEqual(10);
      expect(hammingDistance(h, hash(other))).toBeGreaterThanOrEqual(20);
    });
  }

  it('dHash sets a bit where the left pixel is brighter: a left-to-right dark ramp sets all 64', () => {
    expect(dHash(imageFrom(90, 80, (x) => [255 - x * 2, 255 - x * 2, 255 - x * 2]))).toBe((1n << 64n) - 1n);
    expect(dHash(imageFrom(90, 80, (x) => [x * 2, x * 2, x * 2]))).toBe(0n);
  });

  it('pHash is unchanged by a uniform brightness change', () => {
    const brighter = { ...scene, data: scene.data.map((v) => Math.min(255, v + 20)) };
    expect(hammingDistance(pHash(scene), pHash(brighter))).toBeLessThanOrEqual(2);
  });

  it('area resize averages exact blocks and keeps the mean', () => {
    const gray = toGray(imageFrom(4, 2, (x) => [x * 10, x * 10, x * 10]));
    const half = resizeGrayArea(gray, 2, 1);
    expect(Array.from(half.data)).toEqual([expect.closeTo(5, 4), expect.closeTo(25, 4)]);
    const odd = resizeGrayArea(toGray(scene), 7, 5);
    const mean = (d: Float32Array) => d.reduce((a, b) => a + b, 0) / d.length;
    expect(mean(odd.data)).toBeCloseTo(mean(toGray(scene).data), 1);
  });

  it('hamming distance counts differing bits and refuses what is not a 64-bit hash', () => {
    expect(hammingDistance(0b1011n, 0b0010n)).toBe(2);
    expect(hammingDistance(0n, (1n << 64n) - 1n)).toBe(64);
    try {
      hammingDistance(1n << 64n, 0n);
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_VISION_FEATURE_ARGUMENT')).toBe(true);
    }
  });

  it('cosine similarity: 1 for parallel vectors, -1 opposite, 0 for a zero vector, error on length mismatch', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 9);
    expect(cosineSimilarity([1, 0], [-3, 0])).toBeCloseTo(-1, 9);
    expect(cosineSimilarity([1, 0], [0, 1])).toBeCloseTo(0, 9);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow(/same length, got 2 and 3/);
  });
});
