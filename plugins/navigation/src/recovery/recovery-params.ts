import type { z } from 'zod';
import { parseParams } from '../control/control-params.js';
import { RecoveryParamsInvalid } from './recovery-errors.js';

/** Parses a behaviour's parameters; a failure throws `OMNI_ERR_RECOVERY_INVALID_PARAMS`. */
export function parseRecoveryParams<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  return parseParams(schema, input, what, (message, details) => new RecoveryParamsInvalid(message, details));
}
