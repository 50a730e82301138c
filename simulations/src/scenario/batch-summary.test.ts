import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, quantile, summarizeBatch } from './batch-summary.js';
import type { EpisodeResult } from './episode-result.js';
import type { Scenario } from './scenario-types.js';

const episode = (seed: number, success: boolean, time: number, collisions: number): EpisodeResult => ({
  seed,
  success,
  reason: success ? 'goal_reached' : 'time_limit',
  endTimeS: time,
  metrics: { seed, success, time_s: time, collisions },
  starts: {},
  objectStarts: {},
  trajectories: {},
  collisions: [],
});

const scenario = {
  name: 'demo',
  description: 'd',
  file: '/s.yaml',
  world: { name: 'office' },
  robots: ['robot1'],
  goal: {
    kind: 'robot_at',
    robot: 'robot1',
    target: { position: { x: 1, y: 2 }, label: 'place kitchen' },
    tolerance: 0.25,
  },
  timeLimitS: 60,
  metrics: ['success', 'time_s', 'collisions'],
} as unknown as Scenario;

describe('batch statistics', () => {
  it('interpolates quantiles between ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('aggregates mean, median, p90, min and max', () => {
    expect(aggregate([3, 1, 2, 10])).toEqual({ n: 4, mean: 4, median: 2.5, p90: 7.9, min: 1, max: 10 });
    expect(aggregate([])).toBeUndefined();
  });

  it('keeps min ≤ median ≤ p90 ≤ max and the mean within [min, max] (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (values) => {
          const a = aggregate(values);
          if (!a) throw new Error('no aggregate');
          expect(a.min).toBeLessThanOrEqual(a.median + 1e-6);
          expect(a.median).toBeLessThanOrEqual(a.p90 + 1e-6);
          expect(a.p90).toBeLessThanOrEqual(a.max + 1e-6);
          expect(a.mean).toBeGreaterThanOrEqual(a.min - 1e-6);
          expect(a.mean).toBeLessThanOrEqual(a.max + 1e-6);
        },
      ),
    );
  });

  it('summarizes a batch: episodes by seed, success rate, each kept metric, errors', () => {
    const summary = summarizeBatch(
      scenario,
      [episode(3, false, 60, 2), episode(1, true, 20, 0), episode(2, true, 30, 1)],
      [{ seed: 4, code: 'OMNI_ERR_SCENARIO_EPISODE', message: 'stalled' }],
      { seeds: [1, 2, 3, 4], workers: 2, wallS: 1.5, createdAt: new Date('2025-01-02T03:04:05Z') },
    );
    expect(summary.episodes.map((e) => e.seed)).toEqual([1, 2, 3]);
    expect(summary.aggregates).toEqual({
      success_rate: 0.666667,
      time_s: { n: 3, mean: 36.666667, median: 30, p90: 54, min: 20, max: 60 },
      collisions: { n: 3, mean: 1, median: 1, p90: 1.8, min: 0, max: 2 },
    });
    expect(summary.scenario).toMatchObject({
      name: 'demo',
      world: 'office',
      goal: 'robot1 within 0.25 m of place kitchen',
    });
    expect(summary).toMatchObject({
      seeds: [1, 2, 3, 4],
      workers: 2,
      wall_s: 1.5,
      created_at: '2025-01-02T03:04:05.000Z',
    });
    expect(summary.errors).toEqual([{ seed: 4, code: 'OMNI_ERR_SCENARIO_EPISODE', message: 'stalled' }]);
  });
});
