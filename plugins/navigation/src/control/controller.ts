import type { Costmap, Pose2D } from '../grid/grid-types.js';

/** A velocity command: forward m/s and counter-clockwise rad/s (what `cmd_vel` carries for a diff drive). */
export interface VelocityCommand {
  readonly linear: number;
  readonly angular: number;
}

/** One control step's inputs. */
export interface ControlInput {
  /** Robot pose in the path's frame. */
  readonly pose: Pose2D;
  /** Current velocity. */
  readonly velocity: VelocityCommand;
  /** The path to follow (map frame), start to goal. */
  readonly path: readonly Pose2D[];
  readonly costmap: Costmap;
  /** Latest lidar scan as points in the map frame (obstacles seen now), may be empty. */
  readonly scanPoints: readonly { x: number; y: number }[];
  /** Seconds since the previous step. */
  readonly dt: number;
}

/**
 * A local controller, as Nav2's controller plugins: turns a path and the robot state into a
 * velocity command at a fixed rate. Implementations keep no global state between robots.
 */
export interface Controller {
  readonly name: string;
  computeVelocity(input: ControlInput): VelocityCommand;
  /** Forgets per-path state (a new path was given). */
  reset(): void;
}
