import { describeGoal } from './resolve-goal.js';
import type { EpisodeResult } from './episode-result.js';
import type { MetricName, Scenario } from './scenario-types.js';

/** Distribution of one numeric metric over the episodes. */
export interface MetricAggregate {
  /** Episodes counted. */
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  /** 90th percentile. */
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

/** An episode that could not run to its end (as opposed to one that ran and failed its goal). */
export interface EpisodeFailure {
  readonly seed: number;
  readonly code: string;
  readonly message: string;
}

/** What `summary.json` holds. */
export interface BatchSummary {
  readonly scenario: {
    readonly name: string;
    readonly description: string;
    readonly file: string;
    readonly world: string;
    readonly robots: readonly string[];
    readonly goal: string;
    readonly time_limit_s: number;
    readonly metrics: readonly MetricName[];
  };
  readonly seeds: readonly number[];
  /** Episodes that ran, by seed. */
  readonly episodes: readonly EpisodeResult[];
  /** Episodes that could not run. */
  readonly errors: readonly EpisodeFailure[];
  readonly aggregates: {
    /** Fraction of the episodes that ran whose goal was met (when `success` is kept). */
    readonly success_rate?: number;
  } & { readonly [K in Exclude<MetricName, 'success'>]?: MetricAggregate };
  readonly workers: number;
  /** Wall-clock seconds the whole batch took. */
  readonly wall_s: number;
  readonly created_at: string;
}

/**
 * The `q`-quantile (0–1) of ascending `sorted` values, interpolating linearly between the two
 * closest ranks (the usual "type 7" definition, as spreadsheets and NumPy compute it).
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Mean, median, 90th percentile, min and max of `values` (rounded to 6 decimals); undefined when empty. */
export function aggregate(values: readonly number[]): MetricAggregate | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    mean: round6(sorted.reduce((sum, v) => sum + v, 0) / sorted.length),
    median: round6(quantile(sorted, 0.5)),
    p90: round6(quantile(sorted, 0.9)),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}

/**
 * Builds the batch summary: episodes ordered by seed, and for every kept metric its distribution
 * over all episodes that ran (a failed episode counts with the values it had when it stopped, so
 * `time_s` of a failure is the time limit).
 */
export function summarizeBatch(
  scenario: Scenario,
  results: readonly EpisodeResult[],
  errors: readonly EpisodeFailure[],
  run: {
    readonly seeds: readonly number[];
    readonly workers: number;
    readonly wallS: number;
    readonly createdAt: Date;
  },
): BatchSummary {
  const episodes = [...results].sort((a, b) => a.seed - b.seed);
  const aggregates: Record<string, number | MetricAggregate> = {};
  for (const metric of scenario.metrics) {
    if (metric === 'success') {
      if (episodes.length > 0)
        aggregates['success_rate'] = round6(episodes.filter((e) => e.success).length / episodes.length);
      continue;
    }
    const values = episodes.map((e) => e.metrics[metric]).filter((v): v is number => typeof v === 'number');
    const found = aggregate(values);
    if (found) aggregates[metric] = found;
  }
  return {
    scenario: {
      name: scenario.name,
      description: scenario.description,
      file: scenario.file,
      world: scenario.world.name,
      robots: scenario.robots,
      goal: describeGoal(scenario.goal),
      time_limit_s: scenario.timeLimitS,
      metrics: scenario.metrics,
    },
    seeds: run.seeds,
    episodes,
    errors: [...errors].sort((a, b) => a.seed - b.seed),
    aggregates: aggregates as BatchSummary['aggregates'],
    workers: run.workers,
    wall_s: round6(run.wallS),
    created_at: run.createdAt.toISOString(),
  };
}
