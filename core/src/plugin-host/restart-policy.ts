/**
 * What the host does after a plugin instance crashes (an exception in a handler or hook).
 * `on-failure` restarts it after `initialDelayMs`, doubling (by `factor`) up to `maxDelayMs`,
 * at most `maxRetries` times in a row; a run that stays healthy for `resetAfterMs` resets the count.
 */
export interface RestartPolicy {
  readonly mode: 'never' | 'on-failure';
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
  readonly resetAfterMs: number;
}

/** Restart on failure, 5 times, 0.5 s doubling to 30 s; healthy for a minute resets the count. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = Object.freeze({
  mode: 'on-failure',
  maxRetries: 5,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  resetAfterMs: 60_000,
});

/** Delay before restart number `attempt` (1-based) under `policy`. */
export function restartDelayMs(policy: RestartPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.factor ** Math.max(0, attempt - 1));
}
