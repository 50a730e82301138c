import { describe, expect, it } from 'vitest';
import { GoalChecker } from './goal-checker.js';

const goal = { x: 1, y: 1, theta: Math.PI };

describe('GoalChecker', () => {
  it('needs both the position and the heading within tolerance', () => {
    const checker = new GoalChecker({ stateful: false });
    expect(checker.isGoalReached({ x: 1.1, y: 1.1, theta: Math.PI - 0.1 }, goal)).toBe(true);
    expect(checker.isGoalReached({ x: 1.3, y: 1, theta: Math.PI }, goal)).toBe(false);
    expect(checker.isGoalReached({ x: 1, y: 1, theta: Math.PI - 0.3 }, goal)).toBe(false);
    // Headings wrap: -π + 0.1 is 0.1 rad from π.
    expect(checker.isGoalReached({ x: 1, y: 1, theta: -Math.PI + 0.1 }, goal)).toBe(true);
  });

  it('latches the position once reached when stateful, until reset', () => {
    const checker = new GoalChecker();
    expect(checker.isGoalReached({ x: 1.2, y: 1, theta: 0 }, goal)).toBe(false);
    expect(checker.positionReached).toBe(true);
    // Turning in place drifted the centre out of tolerance: still counts.
    expect(checker.isGoalReached({ x: 1.3, y: 1, theta: Math.PI }, goal)).toBe(true);
    checker.reset();
    expect(checker.isGoalReached({ x: 1.3, y: 1, theta: Math.PI }, goal)).toBe(false);
    const stateless = new GoalChecker({ stateful: false });
    stateless.isGoalReached({ x: 1.2, y: 1, theta: 0 }, goal);
    expect(stateless.isGoalReached({ x: 1.3, y: 1, theta: Math.PI }, goal)).toBe(false);
  });

  it('can require the robot to have stopped', () => {
    const checker = new GoalChecker({ trans_stopped_velocity: 0.05, rot_stopped_velocity: 0.1 });
    expect(checker.isGoalReached(goal, goal, { linear: 0.1, angular: 0 })).toBe(false);
    expect(checker.isGoalReached(goal, goal, { linear: 0, angular: 0.2 })).toBe(false);
    expect(checker.isGoalReached(goal, goal, { linear: 0.01, angular: 0.05 })).toBe(true);
  });

  it('rejects negative tolerances', () => {
    expect(() => new GoalChecker({ xy_goal_tolerance: -1 })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_CONTROL_INVALID_PARAMS' }),
    );
  });
});
