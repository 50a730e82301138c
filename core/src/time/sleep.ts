import type { Clock } from './clock.js';
import { AbortedError, checkDuration } from './clock-errors.js';

/** Implements {@link Clock.sleep} on top of a clock's one-shot timers. */
export function sleepOn(clock: Pick<Clock, 'setTimeout'>, delayMs: number, signal?: AbortSignal): Promise<void> {
  checkDuration('sleep duration', delayMs);
  if (signal?.aborted) return Promise.reject(new AbortedError('sleep', signal.reason));
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      timer.cancel();
      reject(new AbortedError('sleep', signal?.reason));
    };
    const timer = clock.setTimeout(delayMs, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
