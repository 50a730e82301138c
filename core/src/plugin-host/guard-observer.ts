import type { Observer } from 'rxjs';

/**
 * Wraps a plugin's observer so that whatever its callbacks throw — and an error the source
 * emits when the plugin gave no error callback — goes to `crash(where)` instead of RxJS's
 * unhandled-error path (which would rethrow it on a later tick and end the process).
 */
export function guardObserver<T>(
  observer: Partial<Observer<T>> | ((value: T) => void),
  crash: (where: string) => (error: unknown) => void,
): Observer<T> {
  const target: Partial<Observer<T>> = typeof observer === 'function' ? { next: observer } : observer;
  const run = (where: string, fn: (() => void) | undefined): void => {
    try {
      fn?.();
    } catch (error) {
      crash(where)(error);
    }
  };
  return {
    next: (value) => run('subscription', target.next && (() => target.next?.(value))),
    error: (error: unknown) =>
      target.error ? run('subscription error handler', () => target.error?.(error)) : crash('subscription')(error),
    complete: () => run('subscription complete handler', target.complete && (() => target.complete?.())),
  };
}
