/** Rate statistics over the recent window, as `omnimind topic hz` prints them. */
export interface HzStats {
  /** Messages per second: the inverse of the mean interval. */
  readonly rate: number;
  /** Shortest, longest interval and their standard deviation, in seconds. */
  readonly min: number;
  readonly max: number;
  readonly stdDev: number;
  /** Number of intervals in the window. */
  readonly window: number;
}

/**
 * Measures the publish rate of a topic from message stamps (the bus clock, so sim time when it
 * runs), over the last `windowSize` intervals. A stamp earlier than the previous one (the clock
 * jumped back, e.g. a simulation reset) restarts the window.
 */
export class HzMeter {
  private readonly intervals: number[] = [];
  private last: number | undefined;
  private count = 0;

  constructor(private readonly windowSize = 10_000) {
    if (!Number.isInteger(windowSize) || windowSize < 1) throw new RangeError('windowSize must be an integer ≥ 1');
  }

  /** Adds a message published at `timeMs` (clock milliseconds). */
  add(timeMs: number): void {
    this.count += 1;
    if (this.last !== undefined && timeMs < this.last) this.intervals.length = 0;
    else if (this.last !== undefined) {
      this.intervals.push((timeMs - this.last) / 1000);
      if (this.intervals.length > this.windowSize) this.intervals.shift();
    }
    this.last = timeMs;
  }

  /** Messages added so far. */
  get total(): number {
    return this.count;
  }

  /** Statistics of the current window; undefined until two messages arrived. */
  stats(): HzStats | undefined {
    const n = this.intervals.length;
    if (n === 0) return undefined;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const interval of this.intervals) {
      sum += interval;
      min = Math.min(min, interval);
      max = Math.max(max, interval);
    }
    const mean = sum / n;
    let squares = 0;
    for (const interval of this.intervals) squares += (interval - mean) ** 2;
    return { rate: mean > 0 ? 1 / mean : Infinity, min, max, stdDev: Math.sqrt(squares / n), window: n };
  }
}

/** The two lines `omnimind topic hz` prints per report. */
export function formatHzStats(stats: HzStats): string {
  return (
    `average rate: ${stats.rate.toFixed(3)}\n` +
    `\tmin: ${stats.min.toFixed(3)}s max: ${stats.max.toFixed(3)}s std dev: ${stats.stdDev.toFixed(5)}s window: ${stats.window}\n`
  );
}
