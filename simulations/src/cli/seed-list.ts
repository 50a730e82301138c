import { SimUsageError } from './sim-usage-error.js';

/** The most episodes one `--seeds` may ask for. */
export const MAX_SEEDS = 100_000;

const SEED = /^\d+$/;

function seedOf(text: string, spec: string): number {
  if (!SEED.test(text))
    throw new SimUsageError(`--seeds '${spec}': '${text}' is not a seed (a whole number ≥ 0); write 1..50 or 1,2,7`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new SimUsageError(`--seeds '${spec}': seed ${text} is too large`);
  return value;
}

/**
 * Parses a `--seeds` value: comma-separated seeds and inclusive ranges `a..b`, e.g. `1..50`,
 * `1,2,7`, `1..3,10`. Seeds are whole numbers ≥ 0, each at most once; the order given is kept.
 *
 * @example parseSeedList('1..3,7') // [1, 2, 3, 7]
 */
export function parseSeedList(spec: string): number[] {
  const seeds: number[] = [];
  const seen = new Set<number>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    if (part === '') throw new SimUsageError(`--seeds '${spec}': empty entry; write 1..50 or 1,2,7`);
    const range = part.split('..');
    if (range.length > 2) throw new SimUsageError(`--seeds '${spec}': '${part}' is not a range a..b`);
    const from = seedOf(range[0] ?? '', spec);
    const to = range.length === 2 ? seedOf(range[1] ?? '', spec) : from;
    if (to < from) throw new SimUsageError(`--seeds '${spec}': range ${part} goes down; write ${to}..${from}`);
    if (seeds.length + (to - from + 1) > MAX_SEEDS)
      throw new SimUsageError(`--seeds '${spec}': more than ${MAX_SEEDS} seeds`);
    for (let seed = from; seed <= to; seed++) {
      if (seen.has(seed)) throw new SimUsageError(`--seeds '${spec}': seed ${seed} is listed twice`);
      seen.add(seed);
      seeds.push(seed);
    }
  }
  return seeds;
}
