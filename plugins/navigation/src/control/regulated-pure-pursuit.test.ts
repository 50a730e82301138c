import { describe, expect, it } from 'vitest';
import { COST } from '../grid/grid-types.js';
import { createRegulatedPurePursuit } from './regulated-pure-pursuit.js';
import { arcPath, distanceToPath, freeCostmap, paintDisc, simulate, straightPath } from './testing/control-fixtures.js';

const at = (x: number, y: number, theta = 0) => ({ x, y, theta });
const cruising = { linear: 0.22, angular: 0 };

describe('RegulatedPurePursuit', () => {
  it('follows a straight path closely and stops near the goal', () => {
    const path = straightPath(0, 0, 3, 0);
    const run = simulate(createRegulatedPurePursuit(), { start: at(0, 0.1), path, seconds: 25 });
    const last = run.poses[run.poses.length - 1]!;
    expect(Math.hypot(last.x - 3, last.y)).toBeLessThan(0.26);
    // After the first metre the 10 cm start offset is gone.
    for (const pose of run.poses.filter((q) => q.x > 1)) expect(Math.abs(pose.y)).toBeLessThan(0.02);
  });

  it('follows a curve within 3 cm', () => {
    const path = arcPath(0, 1, 1, -Math.PI / 2, Math.PI);
    const run = simulate(createRegulatedPurePursuit(), { start: path[0]!, path, seconds: 30 });
    const errors = run.poses.map((q) => distanceToPath(path, q.x, q.y));
    expect(Math.max(...errors)).toBeLessThan(0.03);
    const last = run.poses[run.poses.length - 1]!;
    expect(Math.hypot(last.x - path[path.length - 1]!.x, last.y - path[path.length - 1]!.y)).toBeLessThan(0.26);
  });

  it('slows down on a tight turn', () => {
    const controller = createRegulatedPurePursuit();
    const costmap = freeCostmap();
    const straight = controller.computeVelocity({
      pose: at(0, 0),
      velocity: cruising,
      path: straightPath(0, 0, 3, 0),
      costmap,
      scanPoints: [],
      dt: 0.05,
    });
    controller.reset();
    // Circle of radius 0.3 m, far below the 0.9 m regulation radius; the robot sits on it, heading along.
    const tight = arcPath(0, 0.3, 0.3, -Math.PI / 2, Math.PI);
    const turning = controller.computeVelocity({
      pose: tight[0]!,
      velocity: cruising,
      path: tight,
      costmap,
      scanPoints: [],
      dt: 0.05,
    });
    expect(straight.linear).toBeCloseTo(0.22, 6);
    expect(controller.debug!.regulatedLinear).toBeCloseTo(0.22 * (0.3 / 0.9), 2);
    expect(turning.linear).toBeLessThan(straight.linear * 0.6);
    expect(turning.angular).toBeGreaterThan(0);
  });

  it('slows down near obstacles by the costmap cost under the robot', () => {
    const controller = createRegulatedPurePursuit({ use_collision_detection: false });
    const costmap = freeCostmap();
    const path = straightPath(0, 0, 3, 0);
    const input = { pose: at(0, 0), velocity: cruising, path, costmap, scanPoints: [], dt: 0.05 };
    expect(controller.computeVelocity(input).linear).toBeCloseTo(0.22, 6);
    paintDisc(costmap, 0, 0, 0.3, 200);
    const slowed = controller.computeVelocity(input).linear;
    const distance = 0.105 - Math.log(200 / 252) / 3;
    expect(controller.debug!.regulatedLinear).toBeCloseTo((0.22 * distance) / 0.6, 4);
    expect(slowed).toBeLessThan(0.22 * 0.5);
  });

  it('scales the lookahead with speed between its bounds', () => {
    const controller = createRegulatedPurePursuit();
    expect(controller.lookahead(0)).toBe(0.3);
    expect(controller.lookahead(0.3)).toBeCloseTo(0.45);
    expect(controller.lookahead(2)).toBe(0.9);
    expect(createRegulatedPurePursuit({ use_velocity_scaled_lookahead_dist: false }).lookahead(0.2)).toBe(0.6);
  });

  it('puts the carrot on the path by interpolation at the lookahead distance', () => {
    const controller = createRegulatedPurePursuit();
    // Sparse poses: the carrot must still be exactly 0.3 m away, between poses.
    const path = straightPath(0, 0.1, 3, 0.1, 1);
    controller.computeVelocity({
      pose: at(0, 0),
      velocity: { linear: 0, angular: 0 },
      path,
      costmap: freeCostmap(),
      scanPoints: [],
      dt: 0.05,
    });
    const { carrot, lookahead } = controller.debug!;
    expect(lookahead).toBe(0.3);
    expect(Math.hypot(carrot.x, carrot.y)).toBeCloseTo(0.3, 9);
    expect(carrot.y).toBeCloseTo(0.1, 9);
  });

  it('slows on the approach to the goal', () => {
    const controller = createRegulatedPurePursuit();
    expect(controller.regulate(0, COST.FREE, 0.3)).toBeCloseTo(0.11);
    expect(controller.regulate(0, COST.FREE, 0.01)).toBe(0.05);
    expect(controller.regulate(0, COST.FREE, 5)).toBeCloseTo(0.22);
  });

  it('rotates in place towards a path that starts behind it', () => {
    const controller = createRegulatedPurePursuit();
    const path = straightPath(0, 0, -3, 0);
    const input = {
      pose: at(0, 0, 0.1),
      velocity: { linear: 0, angular: 0 },
      path,
      costmap: freeCostmap(),
      scanPoints: [],
      dt: 0.05,
    };
    const cmd = controller.computeVelocity(input);
    expect(controller.debug!.mode).toBe('rotate_to_path');
    expect(cmd.linear).toBe(0);
    // Heading 0.1 rad: turning counter-clockwise is the short way round to π.
    expect(cmd.angular).toBeGreaterThan(0);
    expect(cmd.angular).toBeLessThanOrEqual(3.2 * 0.05 + 1e-12);
    const run = simulate(controller, { start: at(0, 0, 0.1), path, seconds: 4 });
    const turned = run.poses.findIndex((q) => Math.abs(Math.cos(q.theta) + 1) < 0.3);
    expect(turned).toBeGreaterThan(0);
    // It turned before it drove: still near where it started when facing the path.
    expect(Math.hypot(run.poses[turned]!.x, run.poses[turned]!.y)).toBeLessThan(0.02);
  });

  it('turns to the goal heading once within goal_dist_tol', () => {
    const controller = createRegulatedPurePursuit();
    const path = [at(0, 0), at(1, 0, Math.PI / 2)];
    const cmd = controller.computeVelocity({
      pose: at(0.9, 0),
      velocity: { linear: 0, angular: 1 },
      path,
      costmap: freeCostmap(),
      scanPoints: [],
      dt: 0.05,
    });
    expect(controller.debug!.mode).toBe('rotate_to_goal');
    expect(cmd).toEqual({ linear: 0, angular: expect.closeTo(1.16, 6) as number });
  });

  it('respects the speed and acceleration limits', () => {
    const controller = createRegulatedPurePursuit();
    const path = arcPath(0, 0.5, 0.5, -Math.PI / 2, 3 * Math.PI);
    const run = simulate(controller, { start: at(0, 0, -1), path, seconds: 15 });
    let previous = { linear: 0, angular: 0 };
    for (const cmd of run.commands) {
      expect(Math.abs(cmd.linear)).toBeLessThanOrEqual(0.22 + 1e-12);
      expect(Math.abs(cmd.angular)).toBeLessThanOrEqual(2.84 + 1e-12);
      expect(Math.abs(cmd.linear - previous.linear)).toBeLessThanOrEqual(2.5 * 0.05 + 1e-12);
      expect(Math.abs(cmd.angular - previous.angular)).toBeLessThanOrEqual(3.2 * 0.05 + 1e-12);
      previous = cmd;
    }
  });

  it('refuses to drive into an obstacle seen in the scan', () => {
    const controller = createRegulatedPurePursuit();
    const path = straightPath(0, 0, 3, 0);
    const input = { pose: at(0, 0), velocity: cruising, path, costmap: freeCostmap(), dt: 0.05 };
    expect(() => controller.computeVelocity({ ...input, scanPoints: [{ x: 0.25, y: 0 }] })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_CONTROL_COLLISION_AHEAD' }),
    );
    expect(() => controller.computeVelocity({ ...input, scanPoints: [{ x: 0.25, y: 0.5 }] })).not.toThrow();
  });

  it('refuses to drive into a lethal costmap cell', () => {
    const controller = createRegulatedPurePursuit({ use_cost_regulated_linear_velocity_scaling: false });
    const costmap = freeCostmap();
    paintDisc(costmap, 0.2, 0, 0.05, COST.LETHAL);
    const input = {
      pose: at(0, 0),
      velocity: cruising,
      path: straightPath(0, 0, 3, 0),
      costmap,
      scanPoints: [],
      dt: 0.05,
    };
    expect(() => controller.computeVelocity(input)).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_CONTROL_COLLISION_AHEAD' }),
    );
  });

  it('rejects an empty path and invalid parameters with typed errors', () => {
    const controller = createRegulatedPurePursuit();
    expect(() =>
      controller.computeVelocity({
        pose: at(0, 0),
        velocity: cruising,
        path: [],
        costmap: freeCostmap(),
        scanPoints: [],
        dt: 0.05,
      }),
    ).toThrow(expect.objectContaining({ code: 'OMNI_ERR_CONTROL_EMPTY_PATH' }));
    expect(() => createRegulatedPurePursuit({ max_linear_vel: -1 })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_CONTROL_INVALID_PARAMS' }),
    );
    expect(() => createRegulatedPurePursuit({ min_lookahead_dist: 2, max_lookahead_dist: 1 })).toThrow(
      /min_lookahead_dist/,
    );
  });

  it('does not short-cut a path that doubles back on itself', () => {
    // Out 1.5 m, across 0.25 m, and back: from the return leg the outbound leg is closer than the carrot.
    const path = [...straightPath(0, 0, 1.5, 0), ...straightPath(1.5, 0.25, 0, 0.25)];
    const run = simulate(createRegulatedPurePursuit({ goal_dist_tol: 0.1 }), { start: at(0, 0), path, seconds: 30 });
    expect(Math.max(...run.poses.map((q) => q.x))).toBeGreaterThan(1.3);
  });
});
