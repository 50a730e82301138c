import { formatBounds } from './world-checks.js';
import {
  outlineGap,
  outlineInsideBounds,
  placedOutline,
  wallOutlines,
  type PlacedOutline,
} from './geometry/outline-gap.js';
import type { MovableObject, Pose2D, World } from './world-types.js';

/** Something a placed object must stay clear of. */
export interface PlacementNeighbour {
  /** What it is, for messages: `wall`, `obstacle`, `object`, `robot`. */
  readonly kind: string;
  readonly id: string;
  readonly outline: PlacedOutline;
}

/** The walls and static obstacles of `world` as neighbours. */
export function staticNeighbours(world: World): PlacementNeighbour[] {
  return [
    ...world.walls.flatMap((wall) => wallOutlines(wall).map((outline) => ({ kind: 'wall', id: wall.id, outline }))),
    ...world.obstacles.map((o) => ({ kind: 'obstacle', id: o.id, outline: placedOutline(o.shape, o.pose) })),
  ];
}

/**
 * Why `object` cannot be placed at `pose`, or `undefined` when it can: its whole shape must lie
 * within the bounds and overlap (or touch) none of `neighbours`.
 *
 * @example
 * placementProblem(world, box, { x: 0, y: 0, theta: 0 }, staticNeighbours(world)); // "overlaps wall 'room_walls'" or undefined
 */
export function placementProblem(
  world: World,
  object: MovableObject,
  pose: Pose2D,
  neighbours: readonly PlacementNeighbour[],
): string | undefined {
  const outline = placedOutline(object.shape, pose);
  if (!outlineInsideBounds(outline, world.bounds))
    return `'${object.id}' would reach outside the bounds ${formatBounds(world.bounds)}`;
  for (const neighbour of neighbours) {
    if (neighbour.id === object.id) continue;
    if (outlineGap(outline, neighbour.outline) <= 0)
      return `'${object.id}' would overlap ${neighbour.kind} '${neighbour.id}'`;
  }
  return undefined;
}
