import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OmniError } from '@omnimind/core';
import type { EpisodeFailure } from './batch-summary.js';
import { checkScenarioNodes } from './episode-preflight.js';
import { runEpisode } from './episode-runner.js';
import type { EpisodeResult } from './episode-result.js';
import type { EpisodeWorkerData, EpisodeWorkerReply } from './episode-worker.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import type { Scenario } from './scenario-types.js';

/** One finished episode, as the batch reports its progress. */
export interface EpisodeEvent {
  readonly seed: number;
  /** Present when the episode ran (whether or not it met its goal). */
  readonly result?: EpisodeResult;
  /** Present when it could not run. */
  readonly error?: EpisodeFailure;
  /** Episodes finished so far, this one included. */
  readonly finished: number;
  readonly total: number;
}

/** How to run a batch. */
export interface BatchOptions {
  readonly seeds: readonly number[];
  /** Worker threads (at most one per seed). */
  readonly workers: number;
  /**
   * `threads` (default): episodes in parallel worker threads, which run the built package
   * (`dist/`). `inline`: one after the other in this thread (for tests of the sources).
   */
  readonly mode?: 'threads' | 'inline';
  readonly episode?: EpisodeWorkerData['options'];
  /** Called as each episode finishes, in finishing order. */
  readonly onEpisode?: (event: EpisodeEvent) => void;
  /** Aborting stops the workers and rejects the batch. */
  readonly signal?: AbortSignal;
}

/** What a batch produced. */
export interface BatchRun {
  readonly results: readonly EpisodeResult[];
  readonly errors: readonly EpisodeFailure[];
  /** Workers used. */
  readonly workers: number;
  readonly wallS: number;
}

/**
 * The worker entry: `episode-worker.js` beside this module in the build. Worker threads cannot load
 * TypeScript, so when this module runs from its sources, the entry is the built one in `dist/`.
 */
export function episodeWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return path.join(path.dirname(here), 'episode-worker.js');
  return path.resolve(path.dirname(here), '../../dist/scenario/episode-worker.js');
}

/**
 * The Node options for a worker: this process's, without export conditions. A test runner that
 * resolves packages to their TypeScript sources (the `source` condition) must not pass that on to
 * workers, which run the JavaScript build.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (arg === '--conditions' || arg === '-C') i++;
    else if (!arg.startsWith('--conditions=') && !arg.startsWith('-C=')) kept.push(arg);
  }
  return kept;
}

const failureOf = (seed: number, error: unknown): EpisodeFailure => ({
  seed,
  code: error instanceof OmniError ? error.code : ScenarioErrorCode.Episode,
  message: error instanceof Error ? error.message : String(error),
});

/**
 * Runs an episode of `scenario` for every seed, in parallel worker threads (or inline), and
 * collects the results. The nodes are checked first: a configuration problem (unknown plugin, bad
 * parameter) throws before any episode runs. An episode that then cannot run is recorded as an
 * error; the others go on.
 */
export async function runBatch(scenario: Scenario, options: BatchOptions): Promise<BatchRun> {
  const started = performance.now();
  await checkScenarioNodes(scenario);
  const results: EpisodeResult[] = [];
  const errors: EpisodeFailure[] = [];
  const total = options.seeds.length;
  const record = (seed: number, outcome: { result: EpisodeResult } | { error: EpisodeFailure }): void => {
    if ('result' in outcome) results.push(outcome.result);
    else errors.push(outcome.error);
    options.onEpisode?.({ seed, ...outcome, finished: results.length + errors.length, total });
  };
  let workers = 1;
  if ((options.mode ?? 'threads') === 'inline') {
    for (const seed of options.seeds) {
      options.signal?.throwIfAborted();
      try {
        record(seed, { result: await runEpisode(scenario, seed, options.episode ?? {}) });
      } catch (error) {
        record(seed, { error: failureOf(seed, error) });
      }
    }
  } else {
    workers = Math.max(1, Math.min(options.workers, total));
    if (total > 0) await runInWorkers(scenario, options, workers, record);
  }
  return { results, errors, workers, wallS: (performance.now() - started) / 1000 };
}

function runInWorkers(
  scenario: Scenario,
  options: BatchOptions,
  count: number,
  record: (seed: number, outcome: { result: EpisodeResult } | { error: EpisodeFailure }) => void,
): Promise<void> {
  const entry = episodeWorkerFile();
  if (!existsSync(entry)) {
    return Promise.reject(
      new OmniError(
        ScenarioErrorCode.Episode,
        `the episode worker ${entry} is missing: build the simulator package first (npm run build)`,
      ),
    );
  }
  const data: EpisodeWorkerData = { scenario, options: options.episode ?? {} };
  const queue = [...options.seeds];
  const live = new Set<Worker>();
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      const stopping = [...live].map((w) => w.terminate());
      live.clear();
      void Promise.all(stopping).then(() => (error === undefined ? resolve() : reject(error)));
    };
    const onAbort = (): void => finish(options.signal?.reason ?? new Error('aborted'));
    options.signal?.addEventListener('abort', onAbort);

    const start = (): void => {
      const worker = new Worker(entry, { workerData: data, execArgv: workerExecArgv(process.execArgv) });
      live.add(worker);
      let current: number | undefined;
      const next = (): void => {
        current = queue.shift();
        if (current !== undefined) worker.postMessage({ seed: current });
        else {
          live.delete(worker);
          void worker.terminate();
          if (live.size === 0) finish();
        }
      };
      // A worker that dies takes its episode with it; a fresh one carries on with the queue.
      const lost = (why: string): void => {
        if (settled || !live.has(worker)) return;
        live.delete(worker);
        if (current !== undefined)
          record(current, { error: { seed: current, code: ScenarioErrorCode.Episode, message: why } });
        current = undefined;
        if (queue.length > 0) start();
        else if (live.size === 0) finish();
      };
      worker.on('message', (reply: EpisodeWorkerReply) => {
        if (settled) return;
        record(
          reply.seed,
          'result' in reply ? { result: reply.result } : { error: { seed: reply.seed, ...reply.error } },
        );
        next();
      });
      worker.on('error', (error) => lost(`the worker failed: ${error.message}`));
      worker.on('exit', (code) => lost(`the worker exited with code ${code}`));
      next();
    };
    for (let i = 0; i < count && queue.length > 0; i++) start();
  });
}
