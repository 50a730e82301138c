import { describe, expect, it } from 'vitest';
import { goalMet, type WorldSnapshot } from './goal-conditions.js';
import type { Goal } from './scenario-types.js';

const at = (x: number, y: number) => ({ position: { x, y }, label: `pose [${x}, ${y}]` });
const robotAt: Goal = { kind: 'robot_at', robot: 'robot1', target: at(1, 1), tolerance: 0.5 };
const boxAt: Goal = { kind: 'object_at', object: 'box', target: at(-2, 0), tolerance: 0.1 };

const snapshot = (robot?: [number, number], box?: [number, number]): WorldSnapshot => ({
  robots: new Map(robot ? [['robot1', { x: robot[0], y: robot[1], theta: 0 }]] : []),
  objects: new Map(box ? [['box', { x: box[0], y: box[1] }]] : []),
});

describe('goal conditions', () => {
  it('robot_at holds within the tolerance, boundary included', () => {
    expect(goalMet(robotAt, snapshot([1.3, 1.4]))).toBe(true);
    expect(goalMet(robotAt, snapshot([1.5, 1]))).toBe(true);
    expect(goalMet(robotAt, snapshot([1.51, 1]))).toBe(false);
  });

  it('object_at looks at the object, not the robot', () => {
    expect(goalMet(boxAt, snapshot([-2, 0], [0, 0]))).toBe(false);
    expect(goalMet(boxAt, snapshot(undefined, [-2.05, 0.05]))).toBe(true);
  });

  it('does not hold for something not seen yet', () => {
    expect(goalMet(robotAt, snapshot())).toBe(false);
    expect(goalMet(boxAt, snapshot([1, 1]))).toBe(false);
  });

  it('all holds when every part holds, and nests', () => {
    const both: Goal = { kind: 'all', goals: [robotAt, { kind: 'all', goals: [boxAt] }] };
    expect(goalMet(both, snapshot([1, 1], [-2, 0]))).toBe(true);
    expect(goalMet(both, snapshot([1, 1], [0, 0]))).toBe(false);
    expect(goalMet(both, snapshot([0, -1], [-2, 0]))).toBe(false);
  });
});
