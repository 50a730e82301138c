import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BatchRun } from './batch-runner.js';
import { summarizeBatch, type BatchSummary } from './batch-summary.js';
import { reportHtml } from './report-html.js';
import type { Scenario } from './scenario-types.js';

/** The files a batch wrote. */
export interface BatchReportFiles {
  readonly summary: BatchSummary;
  readonly summaryFile: string;
  readonly reportFile: string;
}

// A trajectory point is one short line, not six: 50 episodes of 60 s stay a few hundred kilobytes.
const POINT = /\{\n\s+"t": (\S+),\n\s+"x": (\S+),\n\s+"y": (\S+),\n\s+"theta": (\S+)\n\s+\}/g;

/** The summary as `summary.json` holds it: indented, with each trajectory point on one line. */
export function summaryJson(summary: BatchSummary): string {
  return `${JSON.stringify(summary, null, 2).replace(POINT, '{ "t": $1, "x": $2, "y": $3, "theta": $4 }')}\n`;
}

/** Writes `summary.json` and `report.html` of a finished batch into `outDir` (created when missing). */
export function writeBatchReport(
  outDir: string,
  scenario: Scenario,
  run: BatchRun,
  seeds: readonly number[],
  createdAt: Date,
): BatchReportFiles {
  const summary = summarizeBatch(scenario, run.results, run.errors, {
    seeds,
    workers: run.workers,
    wallS: run.wallS,
    createdAt,
  });
  mkdirSync(outDir, { recursive: true });
  const summaryFile = path.join(outDir, 'summary.json');
  const reportFile = path.join(outDir, 'report.html');
  writeFileSync(summaryFile, summaryJson(summary));
  writeFileSync(reportFile, reportHtml(summary, scenario.world, scenario.goal));
  return { summary, summaryFile, reportFile };
}
