import { Observable } from 'rxjs';
import type { MonoTypeOperatorFunction } from 'rxjs';
import type { MessageEvent } from '../bus/bus-types.js';
import { timeToMs } from '../time/time.js';
import type { Time } from '../time/time.js';

/**
 * The stamp of a bus message: `message.header.stamp` when the message has a ROS header, otherwise
 * the envelope's publish time.
 */
export function messageStamp(event: MessageEvent<unknown>): Time {
  const header = (event.message as { header?: { stamp?: Time } } | null | undefined)?.header;
  const stamp = header?.stamp;
  return stamp !== undefined && typeof stamp.sec === 'number' && typeof stamp.nanosec === 'number'
    ? stamp
    : event.publishTime;
}

/**
 * Keeps one value per `periodMs` of *message* time: a value passes when its stamp is at least
 * `periodMs` after the stamp of the last value that passed (or earlier than it: a replayed or
 * reset stream starts over). Needs no clock, so it behaves the same live, in simulation and when
 * replaying a recording.
 *
 * @example
 * ```ts
 * images$.pipe(throttleByStamp(100)); // 10 Hz of camera time
 * ```
 */
export function throttleByStamp<T>(
  periodMs: number,
  stampOf: (value: T) => Time | number = (value) => messageStamp(value as MessageEvent<unknown>),
): MonoTypeOperatorFunction<T> {
  if (!Number.isFinite(periodMs) || periodMs < 0) {
    throw new RangeError(`throttleByStamp: periodMs must be a finite number >= 0, got ${periodMs}`);
  }
  return (source) =>
    new Observable<T>((subscriber) => {
      let last: number | undefined;
      return source.subscribe({
        next: (value) => {
          const stamp = stampOf(value);
          const ms = typeof stamp === 'number' ? stamp : timeToMs(stamp);
          if (last === undefined || ms - last >= periodMs || ms < last) {
            last = ms;
            subscriber.next(value);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
