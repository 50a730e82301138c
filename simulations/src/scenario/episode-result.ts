import type { Pose2D } from '../world/world-types.js';
import type { CollisionEvent } from './episode-metrics.js';
import type { MetricName } from './scenario-types.js';
import type { TrajectoryPoint } from './trajectory-recorder.js';

/** Why an episode ended. */
export type EpisodeEndReason = 'goal_reached' | 'time_limit';

/** The kept metrics of one episode: `seed` always, the others as the scenario lists them. */
export type EpisodeMetrics = { readonly seed: number } & {
  readonly [K in MetricName]?: K extends 'success' ? boolean : number;
};

/**
 * What one episode (one seed) produced. Deterministic: the same scenario and seed give an equal
 * result (nothing here depends on wall-clock time).
 */
export interface EpisodeResult {
  readonly seed: number;
  readonly success: boolean;
  readonly reason: EpisodeEndReason;
  /** Simulated seconds at the end. */
  readonly endTimeS: number;
  readonly metrics: EpisodeMetrics;
  /** Where each robot started (after the scenario's start jitter). */
  readonly starts: Readonly<Record<string, Pose2D>>;
  /** Where each object of the scenario's `objects` section started (after its jitter), by id. */
  readonly objectStarts: Readonly<Record<string, Pose2D>>;
  /** Each robot's path from ground truth, downsampled. */
  readonly trajectories: Readonly<Record<string, readonly TrajectoryPoint[]>>;
  /** Every collision, in order. */
  readonly collisions: readonly CollisionEvent[];
}
