/**
 * Scenario runs: scenario files (a world, robots, nodes, a goal, a time limit), the episode runner
 * (one seed), the batch runner (many seeds in worker threads) and its summary and HTML report.
 */
export type * from './scenario-types.js';
export { METRIC_NAMES } from './scenario-types.js';
export { ScenarioErrorCode } from './scenario-errors.js';
export { loadScenario, parseScenario, scenariosDir, scenarioWorldFile } from './load-scenario.js';
export { scenarioFileSchema, DEFAULT_GOAL_TOLERANCE } from './scenario-schema.js';
export type { ScenarioFile, GoalInFile } from './scenario-schema.js';
export { describeGoal } from './resolve-goal.js';
export { goalMet } from './goal-conditions.js';
export type { WorldSnapshot } from './goal-conditions.js';
export { CollisionCounter, EnergyMeter, PathLength } from './episode-metrics.js';
export type { CollisionEvent } from './episode-metrics.js';
export { TrajectoryRecorder } from './trajectory-recorder.js';
export type { TrajectoryPoint } from './trajectory-recorder.js';
export { EpisodeMonitor } from './episode-monitor.js';
export type { EpisodeMonitorOptions } from './episode-monitor.js';
export type { EpisodeEndReason, EpisodeMetrics, EpisodeResult } from './episode-result.js';
export { runEpisode } from './episode-runner.js';
export { checkScenarioNodes } from './episode-preflight.js';
export type { EpisodeOptions } from './episode-runner.js';
export { episodeWorld } from './start-jitter.js';
export type { EpisodeWorld } from './start-jitter.js';
export { episodeRequests } from './episode-requests.js';
export type { EpisodeRequestOptions } from './episode-requests.js';
export { runBatch, episodeWorkerFile } from './batch-runner.js';
export type { BatchOptions, BatchRun, EpisodeEvent } from './batch-runner.js';
export { summarizeBatch, aggregate, quantile } from './batch-summary.js';
export type { BatchSummary, EpisodeFailure, MetricAggregate } from './batch-summary.js';
export { writeBatchReport, summaryJson } from './batch-report-files.js';
export type { BatchReportFiles } from './batch-report-files.js';
export { reportHtml, seedList } from './report-html.js';
export { mapSvg } from './report-map-svg.js';
export { histogramSvg, histogramBins, booleanBins } from './report-histogram-svg.js';
export type { HistogramBin } from './report-histogram-svg.js';
