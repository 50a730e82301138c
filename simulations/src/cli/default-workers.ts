import { availableParallelism } from 'node:os';

/** Default `--workers`: one per core, leaving one for the rest of the machine; at least 1. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}
