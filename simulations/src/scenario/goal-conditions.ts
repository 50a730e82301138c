import type { Pose2D, Vec2 } from '../world/world-types.js';
import type { Goal } from './scenario-types.js';

/** Where the robots and movable objects are at one instant (map frame). */
export interface WorldSnapshot {
  /** Robots whose pose is known so far, by spawn name. */
  readonly robots: ReadonlyMap<string, Pose2D>;
  /** Movable objects whose pose is known so far, by id. */
  readonly objects: ReadonlyMap<string, Vec2>;
}

const within = (point: Vec2 | undefined, target: Vec2, tolerance: number): boolean =>
  point !== undefined && Math.hypot(point.x - target.x, point.y - target.y) <= tolerance;

/**
 * True when `goal` holds in `snapshot`. Something whose pose is not known yet is nowhere, so a
 * goal about it does not hold.
 *
 * @example
 * goalMet({ kind: 'robot_at', robot: 'robot1', target: { position: { x: 1, y: 0 }, label: 'pose [1, 0]' }, tolerance: 0.2 },
 *   { robots: new Map([['robot1', { x: 0.9, y: 0, theta: 0 }]]), objects: new Map() }); // true
 */
export function goalMet(goal: Goal, snapshot: WorldSnapshot): boolean {
  switch (goal.kind) {
    case 'robot_at':
      return within(snapshot.robots.get(goal.robot), goal.target.position, goal.tolerance);
    case 'object_at':
      return within(snapshot.objects.get(goal.object), goal.target.position, goal.tolerance);
    case 'all':
      return goal.goals.every((g) => goalMet(g, snapshot));
  }
}
