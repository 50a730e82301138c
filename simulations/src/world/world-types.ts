import type { Rgb } from '@omnimind/robots';

/** A point in the world (map) frame, metres. */
export interface Vec2 {
  readonly x: number;
  readonly y: number;
}

/** A planar pose: position in metres, heading `theta` in radians (REP-103: x forward, counter-clockwise). */
export interface Pose2D {
  readonly x: number;
  readonly y: number;
  readonly theta: number;
}

/** A wall: a polyline of segments with a thickness. */
export interface Wall {
  readonly id: string;
  readonly points: readonly Vec2[];
  readonly thickness: number;
  readonly color: Rgb;
}

/** The shape of an obstacle or object, in its own frame (centred on its pose). */
export type Shape =
  | { readonly kind: 'box'; readonly width: number; readonly height: number }
  | { readonly kind: 'circle'; readonly radius: number }
  /** A simple (closed, not self-intersecting) polygon; points relative to the pose. */
  | { readonly kind: 'polygon'; readonly points: readonly Vec2[] };

/** Something fixed in the world. */
export interface StaticObstacle {
  readonly id: string;
  readonly shape: Shape;
  readonly pose: Pose2D;
  readonly color: Rgb;
  /** Class label, for perception ground truth (e.g. `shelf`). */
  readonly label: string;
}

/** Something that moves when pushed, and that a gripper may carry when graspable. */
export interface MovableObject {
  readonly id: string;
  readonly shape: Shape;
  readonly pose: Pose2D;
  readonly mass: number;
  readonly friction: number;
  /** Class label (e.g. `box`, `ball`): what a detector should say it is. */
  readonly label: string;
  readonly color: Rgb;
  /** Colour name as people say it (e.g. `red`), for goals like "bring the red box". */
  readonly colorName: string;
  readonly graspable: boolean;
}

/** A charging dock: a robot whose centre is within `radius` of `pose` charges. */
export interface ChargingDock {
  readonly id: string;
  readonly pose: Pose2D;
  readonly radius: number;
}

/** Where a robot starts. */
export interface SpawnPoint {
  /** Robot instance name; also its namespace (`/<name>`). */
  readonly name: string;
  /** Robot type, resolved against `robots/<type>/robot.yaml`. */
  readonly robot: string;
  readonly pose: Pose2D;
}

/** A world, loaded and checked. */
export interface World {
  readonly name: string;
  readonly description: string;
  /** The file it was loaded from. */
  readonly file: string;
  /** Axis-aligned area the world covers (also its outer limits for sensors and the map). */
  readonly bounds: { readonly min: Vec2; readonly max: Vec2 };
  /** Floor and sky colours for cameras. */
  readonly floorColor: Rgb;
  readonly skyColor: Rgb;
  readonly walls: readonly Wall[];
  readonly obstacles: readonly StaticObstacle[];
  readonly objects: readonly MovableObject[];
  readonly docks: readonly ChargingDock[];
  /** Named places (e.g. `kitchen`, `dock_approach`). */
  readonly places: Readonly<Record<string, Pose2D>>;
  readonly spawns: readonly SpawnPoint[];
}
