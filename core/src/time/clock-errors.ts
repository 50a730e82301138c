import { OmniError } from '../errors/omni-error.js';

/**
 * Raised when a wait (clock sleep, service call, goal) is abandoned because its `AbortSignal`
 * fired. The signal's reason is kept as `cause`.
 */
export class AbortedError extends OmniError {
  constructor(what: string, reason?: unknown) {
    super('OMNI_ERR_ABORTED', `${what} was aborted`, { cause: reason, details: { what } });
  }
}

/** Raised for a timer period or delay that is not a finite, non-negative number of milliseconds. */
export class InvalidDurationError extends OmniError {
  constructor(what: string, value: number) {
    super('OMNI_ERR_INVALID_DURATION', `${what} must be a finite number of milliseconds >= 0, got ${value}`, {
      details: { what, value },
    });
  }
}

/** Throws {@link InvalidDurationError} unless `ms` is finite and >= 0 (and > 0 when `positive`). */
export function checkDuration(what: string, ms: number, positive = false): void {
  if (!Number.isFinite(ms) || ms < 0 || (positive && ms === 0)) throw new InvalidDurationError(what, ms);
}
