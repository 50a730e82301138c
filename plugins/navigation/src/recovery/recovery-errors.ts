import { OmniError } from '@omnimind/core';

/** Why a recovery behaviour failed (carried by its failed step, not thrown). */
export class RecoveryError extends OmniError {}

/** A recovery behaviour was given parameters outside their valid ranges (thrown by its constructor). */
export class RecoveryParamsInvalid extends RecoveryError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_RECOVERY_INVALID_PARAMS', message, { details });
  }
}

/** The behaviour did not finish within its time allowance. */
export class RecoveryTimedOut extends RecoveryError {
  constructor(behavior: string, allowance: number) {
    super('OMNI_ERR_RECOVERY_TIMED_OUT', `${behavior}: not done within its ${allowance} s allowance`, {
      details: { behavior, allowance },
    });
  }
}

/** Backing up stopped because the scan shows something behind the robot. */
export class RecoveryBlocked extends RecoveryError {
  constructor(behavior: string, x: number, y: number) {
    super('OMNI_ERR_RECOVERY_BLOCKED', `${behavior}: obstacle behind at (${x.toFixed(2)}, ${y.toFixed(2)})`, {
      details: { behavior, x, y },
    });
  }
}

/** The clear-costmap callback threw or its promise rejected. */
export class RecoveryCallbackFailed extends RecoveryError {
  constructor(behavior: string, cause: unknown) {
    super('OMNI_ERR_RECOVERY_CALLBACK_FAILED', `${behavior}: the callback failed: ${String(cause)}`, {
      cause,
      details: { behavior },
    });
  }
}
