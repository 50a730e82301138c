import type { GridSearch } from './grid-search.js';
import { PlanCancelled, PlannerTimedOut } from './global-planner.js';

/** When a running search checks for cancellation and time, and when it lets other work run. */
export interface SearchBudget {
  readonly signal: AbortSignal | undefined;
  /** Milliseconds of wall-clock time allowed, `Infinity` for no limit. */
  readonly timeoutMs: number;
  /** Expansions between two checks of the signal and the clock. */
  readonly checkInterval: number;
  /** Milliseconds of computing after which the search yields to the event loop. */
  readonly yieldIntervalMs: number;
  /** Monotonic milliseconds. */
  readonly now: () => number;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `search` to its end in slices of `checkInterval` expansions. Between slices it rejects with
 * {@link PlanCancelled} once the signal is aborted and with {@link PlannerTimedOut} once the budget is
 * spent; every `yieldIntervalMs` it yields so that timers, I/O and an abort can happen meanwhile.
 */
export async function driveSearch(search: GridSearch, budget: SearchBudget): Promise<'found' | 'exhausted'> {
  const { signal, timeoutMs, checkInterval, yieldIntervalMs, now } = budget;
  const started = now();
  let lastYield = started;
  for (;;) {
    if (signal?.aborted) {
      throw new PlanCancelled(`planning cancelled after ${search.expansions} expansions`);
    }
    const state = search.step(checkInterval);
    if (state !== 'running') return state;
    const time = now();
    if (time - started > timeoutMs) {
      throw new PlannerTimedOut(
        `planning took over ${timeoutMs} ms (${search.expansions} expansions, search not finished)`,
      );
    }
    if (time - lastYield >= yieldIntervalMs) {
      await yieldToEventLoop();
      lastYield = now();
    }
  }
}
