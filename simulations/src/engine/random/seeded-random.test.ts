import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAUSSIAN_BYTE_TABLE } from './gaussian-table.js';
import { RandomStreams, isValidSeed } from './seeded-random.js';

function draws(seed: number, stream: number, count: number): number[] {
  const streams = new RandomStreams(seed);
  for (let i = 0; i < stream; i++) streams.next();
  const random = streams.next();
  return Array.from({ length: count }, () => random.gaussian());
}

describe('RandomStreams and SeededRandom', () => {
  it('give the same numbers for the same seed and different ones for another seed (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), (a, b) => {
        expect(draws(a, 0, 8)).toEqual(draws(a, 0, 8));
        if (a !== b) expect(draws(a, 0, 8)).not.toEqual(draws(b, 0, 8));
      }),
      { numRuns: 200 },
    );
  });

  it('uses the high bits of the seed', () => {
    expect(draws(1, 0, 4)).not.toEqual(draws(1 + 2 ** 32, 0, 4));
    expect(draws(-1, 0, 4)).not.toEqual(draws(2 ** 32 - 1, 0, 4));
  });

  it('hands out streams that differ from each other', () => {
    expect(draws(5, 0, 8)).not.toEqual(draws(5, 1, 8));
    expect(draws(5, 1, 8)).not.toEqual(draws(5, 2, 8));
  });

  it('draws uniform numbers in [0, 1) and standard normal ones', () => {
    const random = new RandomStreams(42).next();
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let uniformSum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const g = random.gaussian();
      sum += g;
      sumSquares += g * g;
      const u = random.uniform();
      uniformSum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(uniformSum / n - 0.5)).toBeLessThan(0.005);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });

  it('scales normal samples and draws nothing for a zero deviation', () => {
    const a = new RandomStreams(3).next();
    const b = new RandomStreams(3).next();
    expect(a.normal(0)).toBe(0);
    expect(a.normal(2)).toBe(2 * b.gaussian());
  });

  it('accepts safe integers as seeds only', () => {
    expect(isValidSeed(0)).toBe(true);
    expect(isValidSeed(-123)).toBe(true);
    expect(isValidSeed(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isValidSeed(0.5)).toBe(false);
    expect(isValidSeed(Number.NaN)).toBe(false);
    expect(isValidSeed(2 ** 60)).toBe(false);
  });
});

describe('GAUSSIAN_BYTE_TABLE', () => {
  it('holds 256 increasing, symmetric quantiles with unit variance', () => {
    expect(GAUSSIAN_BYTE_TABLE).toHaveLength(256);
    let sumSquares = 0;
    for (let k = 0; k < 256; k++) {
      if (k > 0) expect(GAUSSIAN_BYTE_TABLE[k]!).toBeGreaterThan(GAUSSIAN_BYTE_TABLE[k - 1]!);
      expect(GAUSSIAN_BYTE_TABLE[k]!).toBeCloseTo(-GAUSSIAN_BYTE_TABLE[255 - k]!, 6);
      sumSquares += GAUSSIAN_BYTE_TABLE[k]! ** 2;
    }
    expect(sumSquares / 256).toBeCloseTo(1, 9);
    // The median bins sit near the centre, the extreme bins near ±2.66σ (the 1/512 quantile, rescaled).
    expect(GAUSSIAN_BYTE_TABLE[128]!).toBeCloseTo(0.0049, 3);
    expect(GAUSSIAN_BYTE_TABLE[255]!).toBeGreaterThan(2.6);
  });
});
