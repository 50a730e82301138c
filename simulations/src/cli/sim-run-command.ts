import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from '@omnimind/core';
import { writeBatchReport } from '../scenario/batch-report-files.js';
import { runBatch } from '../scenario/batch-runner.js';
import { checkScenarioNodes } from '../scenario/episode-preflight.js';
import { loadScenario, scenariosDir } from '../scenario/load-scenario.js';
import { barProgress, lineProgress, type BatchProgress } from './batch-progress.js';
import { parseSeedList } from './seed-list.js';
import { defaultWorkers } from './default-workers.js';

/** Options of `omnimind sim run`, as commander parses them. */
export interface SimRunOptions {
  readonly seeds: string;
  readonly workers?: number;
  readonly out?: string;
  readonly quiet?: boolean;
  readonly inProcess?: boolean;
  readonly logLevel: string;
}

/** The scenario file an argument names: a path from the current folder, else a shipped scenario's name. */
export function scenarioFileOf(argument: string, cwd: string): string {
  const file = path.resolve(cwd, argument);
  if (existsSync(file) || argument.includes('/') || /\.ya?ml$/i.test(argument)) return file;
  const shipped = path.join(scenariosDir(), `${argument}.yaml`);
  return existsSync(shipped) ? shipped : file;
}

/** `2025-01-02T03-04-05`: a timestamp that is also a portable folder name. */
export function folderTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/:/g, '-');
}

// The bar redraws a terminal line, so it goes straight to the terminal, and only when there is one.
function progressFor(ctx: CliContext, quiet: boolean): BatchProgress {
  const interactive = process.stderr.isTTY === true && ctx.env['CI'] === undefined && ctx.env['TERM'] !== 'dumb';
  return interactive && !quiet ? barProgress(process.stderr) : lineProgress(ctx.stderr);
}

/** `omnimind sim run`: runs the batch, writes its files, prints where; resolves with the exit code. */
export async function simRunCommand(ctx: CliContext, argument: string, options: SimRunOptions): Promise<number> {
  const seeds = parseSeedList(options.seeds);
  const scenario = loadScenario(scenarioFileOf(argument, ctx.cwd));
  await checkScenarioNodes(scenario);
  const createdAt = new Date();
  const outDir = path.resolve(
    ctx.cwd,
    options.out ?? path.join('sim-results', `${scenario.name}-${folderTimestamp(createdAt)}`),
  );
  const workers = options.workers ?? defaultWorkers();
  const progress = progressFor(ctx, options.quiet === true);
  const abort = new AbortController();
  const stopOnSignal = ctx.onSignal(() => abort.abort(new Error('interrupted')));
  progress.start(seeds.length);
  let run;
  try {
    run = await runBatch(scenario, {
      seeds,
      workers,
      mode: options.inProcess ? 'inline' : 'threads',
      episode: { logLevel: options.logLevel },
      onEpisode: (event) => progress.episode(event),
      signal: abort.signal,
    });
  } catch (error) {
    if (abort.signal.aborted) {
      ctx.stderr.write('interrupted: no files written\n');
      return 130;
    }
    throw error;
  } finally {
    stopOnSignal();
    progress.stop();
  }
  const { summary, summaryFile, reportFile } = writeBatchReport(outDir, scenario, run, seeds, createdAt);
  const ran = summary.episodes.length;
  const met = summary.episodes.filter((e) => e.success).length;
  const rate = ran > 0 ? ` (${((100 * met) / ran).toFixed(1)}%)` : '';
  ctx.stdout.write(
    `${scenario.name}: ${ran} episode${ran === 1 ? '' : 's'} ran on ${run.workers} worker${run.workers === 1 ? '' : 's'} in ${run.wallS.toFixed(1)} s, ${met} met the goal${rate}` +
      (run.errors.length > 0 ? `, ${run.errors.length} could not run` : '') +
      `\nwrote ${summaryFile}\nwrote ${reportFile}\n`,
  );
  return run.errors.length > 0 ? 1 : 0;
}
