import { Observable, asyncScheduler } from 'rxjs';
import type { OperatorFunction, SchedulerLike, Subscription } from 'rxjs';

/**
 * Re-emits each value, then `undefined` once `maxAgeMs` of the scheduler's time pass without a new
 * one: downstream always holds the latest value *or knows it went stale*. The building block for
 * fusing several sensors only while each is fresh.
 *
 * @example
 * ```ts
 * combineLatest([imu$.pipe(latestWithin(50, s)), odom$.pipe(latestWithin(100, s))]).pipe(
 *   filter(([imu, odom]) => imu !== undefined && odom !== undefined),
 * );
 * ```
 */
export function latestWithin<T>(
  maxAgeMs: number,
  scheduler: SchedulerLike = asyncScheduler,
): OperatorFunction<T, T | undefined> {
  if (!Number.isFinite(maxAgeMs) || maxAgeMs <= 0) {
    throw new RangeError(`latestWithin: maxAgeMs must be a finite number > 0, got ${maxAgeMs}`);
  }
  return (source) =>
    new Observable<T | undefined>((subscriber) => {
      let staleTimer: Subscription | undefined;
      const inner = source.subscribe({
        next: (value) => {
          staleTimer?.unsubscribe();
          subscriber.next(value);
          staleTimer = scheduler.schedule(() => subscriber.next(undefined), maxAgeMs);
        },
        error: (error: unknown) => {
          staleTimer?.unsubscribe();
          subscriber.error(error);
        },
        complete: () => {
          staleTimer?.unsubscribe();
          subscriber.complete();
        },
      });
      return () => {
        staleTimer?.unsubscribe();
        inner.unsubscribe();
      };
    });
}
