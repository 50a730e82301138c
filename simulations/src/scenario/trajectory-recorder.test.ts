import { describe, expect, it } from 'vitest';
import { TrajectoryRecorder } from './trajectory-recorder.js';

describe('trajectory recorder', () => {
  it('keeps one pose per period of simulated time, then the last pose, rounded to thousandths', () => {
    const recorder = new TrajectoryRecorder(10);
    for (let step = 0; step <= 23; step++) recorder.add(step * 0.02, { x: step * 0.01001, y: 0, theta: 0.12345 });
    const points = recorder.finish();
    expect(points.map((p) => p.t)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.46]);
    expect(points[1]).toEqual({ t: 0.1, x: 0.05, y: 0, theta: 0.123 });
    expect(points[5]?.x).toBe(0.23);
  });

  it('does not repeat the last pose when it was just kept, and is empty when nothing came', () => {
    const recorder = new TrajectoryRecorder(10);
    recorder.add(0, { x: 1, y: 2, theta: 0 });
    expect(recorder.finish()).toEqual([{ t: 0, x: 1, y: 2, theta: 0 }]);
    expect(new TrajectoryRecorder(10).finish()).toEqual([]);
  });
});
