import { describe, expect, it } from 'vitest';
import { ProgressChecker } from './progress-checker.js';

describe('ProgressChecker', () => {
  it('reports not progressing once the time allowance passes without leaving the radius', () => {
    const checker = new ProgressChecker({ required_movement_radius: 0.5, movement_time_allowance: 10 });
    expect(checker.check({ x: 0, y: 0, theta: 0 }, 0.05).progressing).toBe(true);
    let status = checker.check({ x: 0.1, y: 0, theta: 0 }, 5);
    expect(status).toEqual({ progressing: true, elapsed: 5, moved: 0.1 });
    status = checker.check({ x: 0.4, y: 0, theta: 1 }, 5);
    expect(status.progressing).toBe(true);
    status = checker.check({ x: 0.45, y: 0, theta: 2 }, 0.1);
    expect(status.progressing).toBe(false);
    expect(status.elapsed).toBeCloseTo(10.1);
  });

  it('moves its reference whenever the robot gets far enough, restarting the clock', () => {
    const checker = new ProgressChecker({ required_movement_radius: 0.5, movement_time_allowance: 2 });
    checker.check({ x: 0, y: 0, theta: 0 }, 0);
    for (let i = 1; i <= 100; i++) {
      // 0.2 m/s, checked at 20 Hz: 0.5 m every 2.5 s > 2 s allowance, unless the reference moves.
      const status = checker.check({ x: i * 0.0125 * 2, y: 0, theta: 0 }, 0.05);
      expect(status.progressing).toBe(true);
    }
    checker.reset();
    expect(checker.check({ x: 9, y: 9, theta: 0 }, 100).progressing).toBe(true);
    expect(checker.check({ x: 9, y: 9, theta: 0 }, 2.5).progressing).toBe(false);
  });

  it('rejects a non-positive radius or allowance', () => {
    expect(() => new ProgressChecker({ movement_time_allowance: 0 })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_CONTROL_INVALID_PARAMS' }),
    );
  });
});
