import type { Rgb } from '@omnimind/robots';

/** What a collider belongs to. */
export type SceneEntityKind = 'wall' | 'obstacle' | 'object' | 'robot';

/** Something sensors can see and the bumper can touch: a wall, obstacle, movable object or robot. */
export interface SceneEntity {
  /** Position in the scene's entity list (what the ray caster reports). */
  readonly index: number;
  readonly kind: SceneEntityKind;
  /** World id of the wall, obstacle or object, or the robot's instance name. */
  readonly id: string;
  readonly color: Rgb;
  /** Height cameras draw it with, metres. */
  readonly height: number;
}

/** Height cameras draw walls with, metres. */
export const WALL_HEIGHT = 1.0;
/** Height cameras draw static obstacles with, metres. */
export const OBSTACLE_HEIGHT = 0.5;
/** Bounds of the height of a movable object, taken from the smaller side of its footprint. */
export const OBJECT_HEIGHT_RANGE: readonly [number, number] = [0.05, 0.5];
