import type { Costmap, Pose2D } from '../../grid/grid-types.js';
import type { Controller, VelocityCommand } from '../controller.js';

/** A free costmap covering [x0, x0 + width] × [y0, y0 + height] metres. */
export function freeCostmap(x0 = -5, y0 = -5, width = 10, height = 10, resolution = 0.05): Costmap {
  const cols = Math.round(width / resolution);
  const rows = Math.round(height / resolution);
  return {
    info: { width: cols, height: rows, resolution, originX: x0, originY: y0 },
    data: new Uint8Array(cols * rows),
  };
}

/** Sets every cell whose centre lies within `radius` of (x, y) to `cost`. */
export function paintDisc(costmap: Costmap, x: number, y: number, radius: number, cost: number): void {
  const { info } = costmap;
  for (let row = 0; row < info.height; row++) {
    for (let col = 0; col < info.width; col++) {
      const cx = info.originX + (col + 0.5) * info.resolution;
      const cy = info.originY + (row + 0.5) * info.resolution;
      if (Math.hypot(cx - x, cy - y) <= radius) costmap.data[row * info.width + col] = cost;
    }
  }
}

/**
 * Paints a round obstacle of radius `obstacleRadius` with Nav2-style inflation around it: lethal
 * inside, inscribed within `inscribedRadius` of its edge, then `252 · exp(-k (d - inscribed))`
 * out to `inflationRadius`.
 */
export function paintInflatedDisc(
  costmap: Costmap,
  x: number,
  y: number,
  obstacleRadius: number,
  inscribedRadius = 0.105,
  inflationRadius = 0.55,
  k = 3,
): void {
  const { info } = costmap;
  for (let row = 0; row < info.height; row++) {
    for (let col = 0; col < info.width; col++) {
      const d =
        Math.hypot(info.originX + (col + 0.5) * info.resolution - x, info.originY + (row + 0.5) * info.resolution - y) -
        obstacleRadius;
      const cost =
        d <= 0
          ? 254
          : d <= inscribedRadius
            ? 253
            : d <= inflationRadius
              ? Math.floor(252 * Math.exp(-k * (d - inscribedRadius)))
              : 0;
      const i = row * info.width + col;
      costmap.data[i] = Math.max(costmap.data[i]!, cost);
    }
  }
}

/** Poses every `spacing` metres on the segment from (x0, y0) to (x1, y1). */
export function straightPath(x0: number, y0: number, x1: number, y1: number, spacing = 0.05): Pose2D[] {
  const length = Math.hypot(x1 - x0, y1 - y0);
  const n = Math.max(1, Math.ceil(length / spacing));
  const theta = Math.atan2(y1 - y0, x1 - x0);
  return Array.from({ length: n + 1 }, (_, i) => ({ x: x0 + ((x1 - x0) * i) / n, y: y0 + ((y1 - y0) * i) / n, theta }));
}

/** Poses on a counter-clockwise circular arc around (cx, cy), from angle `a0` through `sweep` radians. */
export function arcPath(cx: number, cy: number, radius: number, a0: number, sweep: number, spacing = 0.05): Pose2D[] {
  const n = Math.max(1, Math.ceil((radius * Math.abs(sweep)) / spacing));
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = a0 + (sweep * i) / n;
    return { x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a), theta: a + Math.sign(sweep) * (Math.PI / 2) };
  });
}

/** One exact unicycle step: the pose after driving `cmd` for `dt` seconds. */
export function integrate(pose: Pose2D, cmd: VelocityCommand, dt: number): Pose2D {
  const { linear: v, angular: w } = cmd;
  if (Math.abs(w) < 1e-9) {
    return { x: pose.x + v * Math.cos(pose.theta) * dt, y: pose.y + v * Math.sin(pose.theta) * dt, theta: pose.theta };
  }
  const theta = pose.theta + w * dt;
  return {
    x: pose.x + (v / w) * (Math.sin(theta) - Math.sin(pose.theta)),
    y: pose.y - (v / w) * (Math.cos(theta) - Math.cos(pose.theta)),
    theta,
  };
}

/** A closed-loop run: poses and the commands that produced them. */
export interface Run {
  readonly poses: Pose2D[];
  readonly commands: VelocityCommand[];
}

/**
 * Drives `controller` at `hz` with a perfect unicycle until `stop` says so or `seconds` pass.
 * Scan points are given in the map frame, as the controllers expect.
 */
export function simulate(
  controller: Controller,
  options: {
    start: Pose2D;
    path: readonly Pose2D[];
    costmap?: Costmap;
    scanPoints?: readonly { x: number; y: number }[];
    seconds: number;
    hz?: number;
    stop?: (pose: Pose2D) => boolean;
  },
): Run {
  const dt = 1 / (options.hz ?? 20);
  const costmap = options.costmap ?? freeCostmap();
  let pose = options.start;
  let velocity: VelocityCommand = { linear: 0, angular: 0 };
  const poses = [pose];
  const commands: VelocityCommand[] = [];
  for (let t = 0; t < options.seconds; t += dt) {
    if (options.stop?.(pose)) break;
    velocity = controller.computeVelocity({
      pose,
      velocity,
      path: options.path,
      costmap,
      scanPoints: options.scanPoints ?? [],
      dt,
    });
    commands.push(velocity);
    pose = integrate(pose, velocity, dt);
    poses.push(pose);
  }
  return { poses, commands };
}

/** Distance from (x, y) to the polyline `path`. */
export function distanceToPath(path: readonly Pose2D[], x: number, y: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - a.x) * dx + (y - a.y) * dy) / len2));
    best = Math.min(best, Math.hypot(x - a.x - t * dx, y - a.y - t * dy));
  }
  return path.length === 1 ? Math.hypot(x - path[0]!.x, y - path[0]!.y) : best;
}
