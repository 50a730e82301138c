import { Observable, asyncScheduler } from 'rxjs';
import type { MonoTypeOperatorFunction, SchedulerLike } from 'rxjs';

/**
 * Lets at most `hz` values per second through: a value passes when at least `1000 / hz` ms of the
 * scheduler's time went by since the last one that passed; the others are dropped (no trailing
 * emission, no timers). Pass a clock's scheduler to limit on simulation time.
 *
 * @example
 * ```ts
 * scans$.pipe(rateLimit(10, ctx.clock.scheduler)); // at most 10 Hz of sim time
 * ```
 */
export function rateLimit<T>(hz: number, scheduler: SchedulerLike = asyncScheduler): MonoTypeOperatorFunction<T> {
  if (!Number.isFinite(hz) || hz <= 0) throw new RangeError(`rateLimit: hz must be a finite number > 0, got ${hz}`);
  const periodMs = 1000 / hz;
  return (source) =>
    new Observable<T>((subscriber) => {
      let last = Number.NEGATIVE_INFINITY;
      return source.subscribe({
        next: (value) => {
          const now = scheduler.now();
          // A clock that jumped backwards (sim reset) must not silence the stream.
          if (now - last >= periodMs || now < last) {
            last = now;
            subscriber.next(value);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
