import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GO_TO_GOAL_GAINS, goToGoalStep, type GoToGoalCommand, type GoToGoalPhase } from './go-to-goal-law.js';
import type { Pose2D, Vec2 } from '../world/world-types.js';

const gains = DEFAULT_GO_TO_GOAL_GAINS;

/** Integrates a unicycle driven by the law at 20 Hz; returns the poses and phases it went through. */
function drive(
  start: Pose2D,
  target: Vec2,
  seconds: number,
): { poses: Pose2D[]; phases: GoToGoalPhase[]; commands: GoToGoalCommand[] } {
  const dt = 0.05;
  let pose = start;
  let phase: GoToGoalPhase = 'turning';
  const poses = [pose];
  const phases: GoToGoalPhase[] = [];
  const commands: GoToGoalCommand[] = [];
  for (let t = 0; t < seconds; t += dt) {
    const command = goToGoalStep(pose, target, phase, gains);
    phase = command.phase;
    phases.push(phase);
    commands.push(command);
    pose = {
      x: pose.x + command.linear * Math.cos(pose.theta) * dt,
      y: pose.y + command.linear * Math.sin(pose.theta) * dt,
      theta: pose.theta + command.angular * dt,
    };
    poses.push(pose);
  }
  return { poses, phases, commands };
}

describe('the go-to-goal law', () => {
  it('turns in place towards a target behind it, at most at the angular limit', () => {
    const command = goToGoalStep({ x: 0, y: 0, theta: 0 }, { x: -2, y: 0.1 }, 'turning', gains);
    expect(command.phase).toBe('turning');
    expect(command.linear).toBe(0);
    expect(command.angular).toBe(gains.maxAngularSpeed);
    expect(command.headingError).toBeCloseTo(Math.PI - Math.atan2(0.1, 2), 12);
  });

  it('turns clockwise when the target is to the right', () => {
    const command = goToGoalStep({ x: 0, y: 0, theta: 0 }, { x: 1, y: -0.2 }, 'turning', gains);
    expect(command.angular).toBeCloseTo(gains.angularGain * Math.atan2(-0.2, 1), 12);
  });

  it('drives once aligned, with speed proportional to distance up to the limit', () => {
    const far = goToGoalStep({ x: 0, y: 0, theta: 0 }, { x: 3, y: 0 }, 'turning', gains);
    expect(far).toMatchObject({ phase: 'driving', linear: gains.maxLinearSpeed, angular: 0, distance: 3 });
    const near = goToGoalStep({ x: 0, y: 0, theta: 0 }, { x: 0.15, y: 0 }, 'driving', gains);
    expect(near.linear).toBeCloseTo(gains.linearGain * 0.15, 12);
  });

  it('slows with the heading error and goes back to turning past the threshold', () => {
    const slight = goToGoalStep({ x: 0, y: 0, theta: 0.3 }, { x: 3, y: 0 }, 'driving', gains);
    expect(slight.phase).toBe('driving');
    expect(slight.linear).toBeCloseTo(gains.maxLinearSpeed * Math.cos(0.3), 12);
    expect(slight.angular).toBeCloseTo(-0.6, 12);
    const wide = goToGoalStep({ x: 0, y: 0, theta: 0.8 }, { x: 3, y: 0 }, 'driving', gains);
    expect(wide).toMatchObject({ phase: 'turning', linear: 0 });
  });

  it('stops within the tolerance and holds until pushed past twice the tolerance', () => {
    expect(goToGoalStep({ x: 0.95, y: 0, theta: 2 }, { x: 1, y: 0 }, 'driving', gains)).toMatchObject({
      phase: 'arrived',
      linear: 0,
      angular: 0,
    });
    expect(goToGoalStep({ x: 0.85, y: 0, theta: 0 }, { x: 1, y: 0 }, 'arrived', gains).phase).toBe('arrived');
    expect(goToGoalStep({ x: 0.85, y: 0, theta: 0 }, { x: 1, y: 0 }, 'driving', gains).phase).toBe('driving');
    expect(goToGoalStep({ x: 0.7, y: 0, theta: 0 }, { x: 1, y: 0 }, 'arrived', gains).phase).toBe('driving');
  });

  it('reaches any target on an open floor, never reversing or exceeding its limits (property)', () => {
    const coordinate = fc.double({ min: -5, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        coordinate,
        coordinate,
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        coordinate,
        coordinate,
        (x, y, theta, tx, ty) => {
          const target = { x: tx, y: ty };
          // 14.2 m at most at 0.2 m/s, plus turning and the slow final approach.
          const { poses, commands } = drive({ x, y, theta }, target, 90);
          const end = poses[poses.length - 1] as Pose2D;
          expect(Math.hypot(end.x - tx, end.y - ty)).toBeLessThanOrEqual(gains.tolerance);
          const outOfLimits = commands.filter(
            (c) => c.linear < 0 || c.linear > gains.maxLinearSpeed || Math.abs(c.angular) > gains.maxAngularSpeed,
          );
          expect(outOfLimits).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stays put once arrived', () => {
    const { phases, poses } = drive({ x: 0, y: 0, theta: 0 }, { x: 1, y: 1 }, 30);
    const firstArrival = phases.indexOf('arrived');
    expect(firstArrival).toBeGreaterThan(0);
    expect(phases.slice(firstArrival).every((p) => p === 'arrived')).toBe(true);
    expect(poses[poses.length - 1]).toEqual(poses[firstArrival + 1]);
  });
});
