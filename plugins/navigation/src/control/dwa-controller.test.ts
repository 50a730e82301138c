import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST } from '../grid/grid-types.js';
import { createDwaController } from './dwa-controller.js';
import {
  distanceToPath,
  freeCostmap,
  integrate,
  paintInflatedDisc,
  simulate,
  straightPath,
} from './testing/control-fixtures.js';

const at = (x: number, y: number, theta = 0) => ({ x, y, theta });
const RADIUS = 0.105;

function minDistanceToPoints(
  poses: readonly { x: number; y: number }[],
  points: readonly { x: number; y: number }[],
): number {
  let best = Number.POSITIVE_INFINITY;
  for (const q of poses) for (const p of points) best = Math.min(best, Math.hypot(q.x - p.x, q.y - p.y));
  return best;
}

describe('DwaController', () => {
  it('follows a straight path to its goal', () => {
    const path = straightPath(0, 0, 3, 0);
    const run = simulate(createDwaController(), {
      start: at(0, 0.1),
      path,
      seconds: 30,
      stop: (q) => Math.hypot(q.x - 3, q.y) < 0.1,
    });
    const last = run.poses[run.poses.length - 1]!;
    expect(Math.hypot(last.x - 3, last.y)).toBeLessThan(0.1);
    expect(Math.max(...run.poses.map((q) => distanceToPath(path, q.x, q.y)))).toBeLessThan(0.12);
  });

  it('goes around an obstacle on the path that only the scan shows', () => {
    const path = straightPath(0, 0, 4, 0);
    const obstacle = [{ x: 1.5, y: 0 }];
    const costmap = freeCostmap();
    const run = simulate(createDwaController(), {
      start: at(0, 0),
      path,
      costmap,
      scanPoints: obstacle,
      seconds: 40,
      stop: (q) => Math.hypot(q.x - 4, q.y) < 0.15,
    });
    expect(costmap.data.every((c) => c === COST.FREE)).toBe(true);
    expect(minDistanceToPoints(run.poses, obstacle)).toBeGreaterThan(RADIUS);
    const last = run.poses[run.poses.length - 1]!;
    expect(Math.hypot(last.x - 4, last.y)).toBeLessThan(0.15);
  });

  it.each([-0.12, -0.05, 0.03, 0.1])(
    'goes around a scan obstacle %f m beside the path, and a costmap one',
    (offset) => {
      const path = straightPath(0, 0, 4, 0);
      const obstacle = [{ x: 1.5, y: offset }];
      const done = (q: { x: number; y: number }) => Math.hypot(q.x - 4, q.y) < 0.15;
      const scanRun = simulate(createDwaController(), {
        start: at(0, 0),
        path,
        scanPoints: obstacle,
        seconds: 40,
        stop: done,
      });
      expect(minDistanceToPoints(scanRun.poses, obstacle)).toBeGreaterThan(RADIUS);
      expect(done(scanRun.poses[scanRun.poses.length - 1]!)).toBe(true);
      const costmap = freeCostmap();
      paintInflatedDisc(costmap, 1.5, offset, 0.05);
      const mapRun = simulate(createDwaController(), { start: at(0, 0), path, costmap, seconds: 40, stop: done });
      expect(minDistanceToPoints(mapRun.poses, obstacle)).toBeGreaterThan(0.05 + RADIUS);
      expect(done(mapRun.poses[mapRun.poses.length - 1]!)).toBe(true);
    },
  );

  it('goes around a wall segment on the path that only the scan shows', () => {
    const path = straightPath(0, 0, 4, 0);
    const wall = Array.from({ length: 7 }, (_, i) => ({ x: 1.5, y: -0.15 + i * 0.05 }));
    const run = simulate(createDwaController(), {
      start: at(0, 0),
      path,
      scanPoints: wall,
      seconds: 40,
      stop: (q) => Math.hypot(q.x - 4, q.y) < 0.15,
    });
    expect(minDistanceToPoints(run.poses, wall)).toBeGreaterThan(RADIUS);
    expect(run.poses[run.poses.length - 1]!.x).toBeGreaterThan(3.8);
  });

  it('goes around an inflated costmap obstacle on the path', () => {
    const costmap = freeCostmap();
    paintInflatedDisc(costmap, 1.5, 0, 0.1);
    const path = straightPath(0, 0, 4, 0);
    const run = simulate(createDwaController(), {
      start: at(0, 0),
      path,
      costmap,
      seconds: 40,
      stop: (q) => q.x > 3.8,
    });
    // Centre outside the inscribed ring: the footprint never touched the obstacle.
    for (const q of run.poses) expect(Math.hypot(q.x - 1.5, q.y)).toBeGreaterThan(0.1 + RADIUS);
    expect(run.poses[run.poses.length - 1]!.x).toBeGreaterThan(3.8);
  });

  it('turns towards a path that starts behind it', () => {
    const path = straightPath(0, 0, -3, 0);
    const run = simulate(createDwaController(), { start: at(0, 0, 0.1), path, seconds: 30, stop: (q) => q.x < -2.8 });
    expect(run.poses[run.poses.length - 1]!.x).toBeLessThan(-2.8);
    expect(Math.max(...run.poses.map((q) => q.x))).toBeLessThan(0.3);
  });

  it('stays within the velocity window and the limits', () => {
    const controller = createDwaController();
    const path = straightPath(0, 0, 3, 1);
    const run = simulate(controller, { start: at(0, 0, -2), path, seconds: 20 });
    let previous = { linear: 0, angular: 0 };
    for (const cmd of run.commands) {
      expect(cmd.linear).toBeGreaterThanOrEqual(0);
      expect(cmd.linear).toBeLessThanOrEqual(0.22 + 1e-12);
      expect(Math.abs(cmd.angular)).toBeLessThanOrEqual(2.84 + 1e-12);
      expect(Math.abs(cmd.linear - previous.linear)).toBeLessThanOrEqual(2.5 * 0.05 + 1e-12);
      expect(Math.abs(cmd.angular - previous.angular)).toBeLessThanOrEqual(3.2 * 0.05 + 1e-12);
      previous = cmd;
    }
    expect(controller.debug!.samples).toBeGreaterThanOrEqual(11 * 21);
  });

  it('never picks a command whose trajectory hits a scan point within the horizon (property)', () => {
    const controller = createDwaController();
    const costmap = freeCostmap();
    const path = straightPath(0, 0, 3, 0);
    // Points anywhere from just outside the footprint to 1.5 m away, in every direction.
    const point = fc
      .tuple(
        fc.double({ min: RADIUS + 1e-6, max: 1.5, noNaN: true }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
      )
      .map(([r, a]) => ({ x: r * Math.cos(a), y: r * Math.sin(a) }));
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 0.22, noNaN: true }),
        fc.double({ min: -2.84, max: 2.84, noNaN: true }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        (points, v0, w0, theta) => {
          const pose = at(0, 0, theta);
          controller.reset();
          let cmd;
          try {
            cmd = controller.computeVelocity({
              pose,
              velocity: { linear: v0, angular: w0 },
              path,
              costmap,
              scanPoints: points,
              dt: 0.05,
            });
          } catch (error) {
            // Allowed only when moving too fast to stop this step: then every sample moves.
            expect(error).toMatchObject({ code: 'OMNI_ERR_CONTROL_NO_VALID_COMMAND' });
            expect(v0 - 2.5 * 0.05).toBeGreaterThan(0);
            return;
          }
          // Re-simulate the chosen command finely over the whole 1.5 s horizon.
          let q = pose;
          let closest = Number.POSITIVE_INFINITY;
          for (let k = 0; k < 150; k++) {
            q = integrate(q, cmd, 0.01);
            for (const p of points) closest = Math.min(closest, Math.hypot(q.x - p.x, q.y - p.y));
          }
          expect(closest).toBeGreaterThanOrEqual(RADIUS);
          expect(cmd.linear).toBeGreaterThanOrEqual(Math.max(0, v0 - 0.125) - 1e-12);
          expect(cmd.linear).toBeLessThanOrEqual(Math.min(0.22, v0 + 0.125) + 1e-12);
          expect(Math.abs(cmd.angular - w0)).toBeLessThanOrEqual(0.16 + 1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never picks a command whose trajectory enters an inscribed or lethal cell (property)', () => {
    const controller = createDwaController();
    const path = straightPath(0, 0, 3, 0);
    const cell = fc.record({ col: fc.integer({ min: 0, max: 79 }), row: fc.integer({ min: 0, max: 79 }) });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 0.22, noNaN: true }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        (cells, v0, theta) => {
          const costmap = freeCostmap(-2, -2, 4, 4);
          for (const { col, row } of cells) costmap.data[row * 80 + col] = COST.LETHAL;
          // Keep the robot's own cell free, else no promise can be made.
          costmap.data[40 * 80 + 40] = COST.FREE;
          const pose = at(0.025, 0.025, theta);
          controller.reset();
          let cmd;
          try {
            cmd = controller.computeVelocity({
              pose,
              velocity: { linear: v0, angular: 0 },
              path,
              costmap,
              scanPoints: [],
              dt: 0.05,
            });
          } catch (error) {
            expect(error).toMatchObject({ code: 'OMNI_ERR_CONTROL_NO_VALID_COMMAND' });
            return;
          }
          let q = pose;
          for (let k = 0; k < 150; k++) {
            q = integrate(q, cmd, 0.01);
            const col = Math.floor((q.x + 2) / 0.05);
            const row = Math.floor((q.y + 2) / 0.05);
            expect(costmap.data[row * 80 + col] ?? 0).toBeLessThan(COST.INSCRIBED);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports no valid command when it is too fast to avoid what is right ahead', () => {
    const controller = createDwaController();
    const input = {
      pose: at(0, 0),
      velocity: { linear: 0.22, angular: 0 },
      path: straightPath(0, 0, 3, 0),
      costmap: freeCostmap(),
      scanPoints: [{ x: 0.16, y: 0 }],
      dt: 0.05,
    };
    expect(() => controller.computeVelocity(input)).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_CONTROL_NO_VALID_COMMAND' }),
    );
    expect(controller.debug!.valid).toBe(0);
    // Slow enough to stop: standing still (and turning) is always allowed, and it does not creep in.
    const slow = controller.computeVelocity({ ...input, velocity: { linear: 0.05, angular: 0 } });
    expect(slow.linear * 1.5).toBeLessThan(0.16 - RADIUS);
  });

  it('uses the control period when dt is 0', () => {
    const controller = createDwaController();
    const cmd = controller.computeVelocity({
      pose: at(0, 0),
      velocity: { linear: 0, angular: 0 },
      path: straightPath(0, 0, 3, 0),
      costmap: freeCostmap(),
      scanPoints: [],
      dt: 0,
    });
    expect(cmd.linear).toBeCloseTo(0.125, 9);
  });

  it('rejects invalid parameters', () => {
    expect(() => createDwaController({ vx_samples: 0 })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_CONTROL_INVALID_PARAMS' }),
    );
    expect(() => createDwaController({ sim_time: -1 })).toThrow(/sim_time/);
  });
});
