import { parentPort, workerData } from 'node:worker_threads';
import { OmniError } from '@omnimind/core';
import { runEpisode, type EpisodeOptions } from './episode-runner.js';
import { ScenarioErrorCode } from './scenario-errors.js';
import type { EpisodeResult } from './episode-result.js';
import type { Scenario } from './scenario-types.js';

/** What a batch hands each worker when it starts it. */
export interface EpisodeWorkerData {
  readonly scenario: Scenario;
  readonly options: Pick<EpisodeOptions, 'trajectoryHz' | 'logLevel' | 'stallTimeoutMs'>;
}

/** A request to a worker: run the episode of this seed. */
export interface EpisodeWorkerRequest {
  readonly seed: number;
}

/** A worker's answer to one request. */
export type EpisodeWorkerReply =
  | { readonly seed: number; readonly result: EpisodeResult }
  | { readonly seed: number; readonly error: { readonly code: string; readonly message: string } };

// The entry of a batch's worker threads: it runs one episode at a time, as the main thread asks.
// Imported anywhere else (no parent port), it does nothing.
if (parentPort) {
  const port = parentPort;
  const { scenario, options } = workerData as EpisodeWorkerData;
  port.on('message', (request: EpisodeWorkerRequest) => {
    runEpisode(scenario, request.seed, options).then(
      (result) => port.postMessage({ seed: request.seed, result } satisfies EpisodeWorkerReply),
      (error: unknown) =>
        port.postMessage({
          seed: request.seed,
          error: {
            code: error instanceof OmniError ? error.code : ScenarioErrorCode.Episode,
            message: error instanceof Error ? error.message : String(error),
          },
        } satisfies EpisodeWorkerReply),
    );
  });
}
