import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHzStats, HzMeter } from './hz-meter.js';

describe('HzMeter', () => {
  it('needs two messages before it reports', () => {
    const meter = new HzMeter();
    expect(meter.stats()).toBeUndefined();
    meter.add(1000);
    expect(meter.stats()).toBeUndefined();
    meter.add(1500);
    expect(meter.stats()).toEqual({ rate: 2, min: 0.5, max: 0.5, stdDev: 0, window: 1 });
  });

  it('finds the rate of evenly spaced messages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 200 }), (periodMs, count) => {
        const meter = new HzMeter();
        for (let i = 0; i < count; i += 1) meter.add(5_000 + i * periodMs);
        const stats = meter.stats();
        expect(stats?.rate).toBeCloseTo(1000 / periodMs, 6);
        expect(stats?.window).toBe(count - 1);
        expect(stats?.stdDev).toBeCloseTo(0, 9);
      }),
    );
  });

  it('keeps only the last window of intervals', () => {
    const meter = new HzMeter(3);
    for (const t of [0, 1000, 2000, 2100, 2200, 2300]) meter.add(t);
    expect(meter.stats()).toMatchObject({ window: 3, min: 0.1, max: 0.1 });
    expect(meter.stats()?.rate).toBeCloseTo(10, 9);
    expect(meter.total).toBe(6);
  });

  it('restarts the window when the clock jumps back', () => {
    const meter = new HzMeter();
    for (const t of [10_000, 10_100, 10_200, 0, 500]) meter.add(t);
    expect(meter.stats()).toMatchObject({ window: 1, rate: 2 });
  });

  it('reports min, max and deviation', () => {
    const meter = new HzMeter();
    for (const t of [0, 100, 400]) meter.add(t);
    const stats = meter.stats();
    expect(stats).toMatchObject({ min: 0.1, max: 0.3, window: 2 });
    expect(stats?.stdDev).toBeCloseTo(0.1, 9);
    expect(formatHzStats(stats!)).toBe('average rate: 5.000\n\tmin: 0.100s max: 0.300s std dev: 0.10000s window: 2\n');
  });

  it('refuses a window smaller than one', () => {
    expect(() => new HzMeter(0)).toThrow(RangeError);
  });
});
