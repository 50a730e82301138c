import type { SourceLocation } from '@omnimind/core';
import type { Pose2D, Vec2, World } from '../world/world-types.js';

/** Metrics a scenario can keep; `seed` is always kept. */
export const METRIC_NAMES = ['success', 'time_s', 'collisions', 'path_length_m', 'energy_wh'] as const;

/** One of {@link METRIC_NAMES}. */
export type MetricName = (typeof METRIC_NAMES)[number];

/** A place a goal refers to, resolved to a position in the map frame. */
export interface GoalTarget {
  readonly position: Vec2;
  /** How the file named it, for reports: `place dock_approach`, `dock dock`, `pose [1, 2]`. */
  readonly label: string;
}

/** What must hold for an episode to succeed; checked on every simulated clock tick. */
export type Goal =
  | {
      readonly kind: 'robot_at';
      readonly robot: string;
      readonly target: GoalTarget;
      /** Metres between the robot's centre and the target. */
      readonly tolerance: number;
    }
  | {
      readonly kind: 'object_at';
      readonly object: string;
      readonly target: GoalTarget;
      readonly tolerance: number;
    }
  | { readonly kind: 'all'; readonly goals: readonly Goal[] };

/**
 * Where a robot starts in a scenario: its world spawn, or a pose the scenario gives, moved for each
 * seed by a random displacement (uniform in a square and an angle range).
 */
export interface RobotStart {
  /** Replaces the spawn pose of the world file (map frame, radians). */
  readonly pose: Pose2D | undefined;
  /** Largest shift along x and along y, metres. */
  readonly xy: number;
  /** Largest turn either way, radians. */
  readonly theta: number;
  /** State of charge (0–1) the robot starts with; its description's when undefined. */
  readonly battery?: number | undefined;
}

/**
 * Where a movable object starts in a scenario: its world pose, or a pose the scenario gives, moved
 * for each seed like a robot start (uniform in a square and an angle range).
 */
export interface ObjectStart {
  /** Replaces the object's pose in the world file (map frame, radians). */
  readonly pose: Pose2D | undefined;
  /** Largest shift along x and along y, metres. */
  readonly xy: number;
  /** Largest turn either way, radians. */
  readonly theta: number;
}

/** A node a scenario starts beside the simulator, written inline in the scenario file. */
export interface ScenarioNode {
  readonly pkg: string;
  readonly plugin: string;
  readonly name: string;
  readonly namespace: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Where each parameter was written. */
  readonly paramLocations: Readonly<Record<string, SourceLocation>>;
  readonly location: SourceLocation;
}

/** A scenario file, loaded and checked against its world. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Absolute path of the scenario file. */
  readonly file: string;
  /** Absolute path of the world file. */
  readonly worldFile: string;
  readonly world: World;
  /** Spawn names of the robots to start (the world's spawns when the file gives none). */
  readonly robots: readonly string[];
  readonly start: Readonly<Record<string, RobotStart>>;
  /** Objects the scenario places or moves per seed, by world object id, in file order. */
  readonly objects: Readonly<Record<string, ObjectStart>>;
  /** A launch file to start with the simulator (absolute path), and its arguments. */
  readonly launch: { readonly file: string; readonly args: Readonly<Record<string, string>> } | undefined;
  readonly nodes: readonly ScenarioNode[];
  readonly goal: Goal;
  /** Simulated seconds after which an episode that has not succeeded fails. */
  readonly timeLimitS: number;
  /** Metrics to report, in {@link METRIC_NAMES} order. */
  readonly metrics: readonly MetricName[];
  /** Where the `world` key's value was written (the simulator node's parameters point here). */
  readonly worldLocation: SourceLocation;
  /** Where `start` was written (the whole file when it was not). */
  readonly startLocation: SourceLocation;
  /** Where `objects` was written (the whole file when it was not). */
  readonly objectsLocation: SourceLocation;
}
