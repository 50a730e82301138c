import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTime, timeFromMs, timeFromNs, timeToMs, timeToNs } from './time.js';

describe('builtin_interfaces/Time conversions', () => {
  it('normalises milliseconds into seconds and nanoseconds', () => {
    expect(timeFromMs(1500.25)).toEqual({ sec: 1, nanosec: 500_250_000 });
    expect(timeFromMs(0)).toEqual({ sec: 0, nanosec: 0 });
    expect(timeFromMs(999.9999999)).toEqual({ sec: 1, nanosec: 0 });
    expect(timeToMs({ sec: 2, nanosec: 5_000_000 })).toBe(2005);
  });

  it('round-trips through integer nanoseconds exactly (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 4_000_000_000n * 1_000_000_000n }), (ns) => {
        const t = timeFromNs(ns);
        expect(t.nanosec).toBeGreaterThanOrEqual(0);
        expect(t.nanosec).toBeLessThan(1_000_000_000);
        expect(timeToNs(t)).toBe(ns);
      }),
    );
  });

  it('keeps sub-microsecond precision for wall-clock times in milliseconds (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.6e12, max: 2.2e12, noNaN: true }), (ms) => {
        const t = timeFromMs(ms);
        expect(t.nanosec).toBeLessThan(1_000_000_000);
        expect(Math.abs(timeToMs(t) - ms)).toBeLessThan(0.001);
      }),
    );
  });

  it('orders times', () => {
    expect(compareTime({ sec: 1, nanosec: 5 }, { sec: 1, nanosec: 7 })).toBeLessThan(0);
    expect(compareTime({ sec: 2, nanosec: 0 }, { sec: 1, nanosec: 999_999_999 })).toBeGreaterThan(0);
    expect(compareTime({ sec: 3, nanosec: 3 }, { sec: 3, nanosec: 3 })).toBe(0);
  });
});
