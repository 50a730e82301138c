import cliProgress from 'cli-progress';
import type { TextOutput } from '@omnimind/core';
import type { EpisodeEvent } from '../scenario/batch-runner.js';

/** Shows a batch's progress as episodes finish. */
export interface BatchProgress {
  /** Before the first episode: how many there will be. */
  start(total: number): void;
  /** As each episode finishes. */
  episode(event: EpisodeEvent): void;
  /** After the last one (or on interruption); may be called twice. */
  stop(): void;
}

/** One line about a finished episode: `[3/10] seed 7: success in 21.4 s, 0 collisions, 5.12 m, 0.031 Wh`. */
export function episodeLine(event: EpisodeEvent): string {
  const head = `[${event.finished}/${event.total}] seed ${event.seed}:`;
  if (event.error) return `${head} could not run: [${event.error.code}] ${event.error.message}`;
  const result = event.result;
  if (!result) return `${head} finished`;
  const m = result.metrics;
  const details = [
    m.collisions === undefined ? '' : `${m.collisions} collision${m.collisions === 1 ? '' : 's'}`,
    m.path_length_m === undefined ? '' : `${m.path_length_m.toFixed(2)} m`,
    m.energy_wh === undefined ? '' : `${m.energy_wh.toFixed(3)} Wh`,
  ].filter(Boolean);
  const outcome = result.success
    ? `success in ${result.endTimeS.toFixed(1)} s`
    : `failure (time limit ${result.endTimeS.toFixed(1)} s)`;
  return `${head} ${[outcome, ...details].join(', ')}`;
}

/** A line per finished episode, for logs, pipes and `--quiet`. */
export function lineProgress(out: TextOutput): BatchProgress {
  return {
    start: () => undefined,
    episode: (event) => out.write(`${episodeLine(event)}\n`),
    stop: () => undefined,
  };
}

/** A progress bar (redrawn in place) with the running success count, for an interactive terminal. */
export function barProgress(stream: NodeJS.WritableStream): BatchProgress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        'episodes {bar} {value}/{total} | {succeeded} met the goal, {errors} could not run | {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let succeeded = 0;
  let errors = 0;
  return {
    start: (total) => bar.start(total, 0, { succeeded, errors }),
    episode: (event) => {
      if (event.result?.success) succeeded += 1;
      if (event.error) errors += 1;
      bar.increment(1, { succeeded, errors });
    },
    stop: () => bar.stop(),
  };
}
