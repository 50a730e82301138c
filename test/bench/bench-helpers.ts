import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder the benchmarks write their computed numbers to. */
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'results');

/** Writes `data` as `results/<name>.json` and returns the path. */
export function writeResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ name, node: process.version, date: new Date().toISOString(), ...(data as object) }, null, 2)}\n`,
  );
  return file;
}

/** The `p`-th percentile (0..100) of `values` (sorted copy, nearest rank). */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Array.from(values).sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median of `values`. */
export function median(values: ArrayLike<number>): number {
  return percentile(values, 50);
}

/**
 * Runs each variant `ops` times per round, round after round, alternating the variants so that
 * machine noise hits them alike; returns the median nanoseconds per operation of each.
 */
export function compareNsPerOp(
  variants: Record<string, (ops: number) => void>,
  options: { ops?: number; rounds?: number; warmupRounds?: number } = {},
): Record<string, number> {
  const ops = options.ops ?? 20_000;
  const rounds = options.rounds ?? 25;
  const warmup = options.warmupRounds ?? 5;
  const samples: Record<string, number[]> = {};
  const names = Object.keys(variants);
  for (const name of names) samples[name] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const run = variants[name]!;
      const start = process.hrtime.bigint();
      run(ops);
      const ns = Number(process.hrtime.bigint() - start) / ops;
      if (round >= warmup) samples[name]!.push(ns);
    }
  }
  const out: Record<string, number> = {};
  for (const name of names) out[name] = round3(median(samples[name]!));
  return out;
}

/** Rounds to 3 decimals (for readable JSON). */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A payload of `bytes` bytes (a typed array: passed by reference, as a real message would be). */
export function payload(bytes: number): { data: Uint8Array } {
  return { data: new Uint8Array(bytes) };
}
