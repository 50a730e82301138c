const SLOTS = 64;

/**
 * Publish-rate estimate from the last 64 publish times, kept in a preallocated ring so that
 * recording costs one store and no allocation.
 */
export class RateMeter {
  private readonly stamps = new Float64Array(SLOTS);
  private count = 0;

  constructor(private readonly windowMs: number = 10_000) {}

  /** Records a publish at `nowMs`. */
  record(nowMs: number): void {
    this.stamps[this.count & (SLOTS - 1)] = nowMs;
    this.count++;
  }

  /**
   * Messages per second over the recorded publishes that fall within the window before `nowMs`;
   * 0 when fewer than two do.
   */
  rateHz(nowMs: number): number {
    const n = Math.min(this.count, SLOTS);
    if (n < 2) return 0;
    const newest = this.stamps[(this.count - 1) & (SLOTS - 1)]!;
    if (nowMs - newest > this.windowMs) return 0;
    let used = 1;
    let oldest = newest;
    for (let i = 2; i <= n; i++) {
      const t = this.stamps[(this.count - i) & (SLOTS - 1)]!;
      if (nowMs - t > this.windowMs) break;
      oldest = t;
      used++;
    }
    const span = newest - oldest;
    return used < 2 || span <= 0 ? 0 : ((used - 1) * 1000) / span;
  }
}
