import { OmniError } from '@omnimind/core';
import { ScenarioErrorCode } from '../scenario/scenario-errors.js';

/** A bad argument to `omnimind sim` (exit code 2). */
export class SimUsageError extends OmniError {
  constructor(message: string) {
    super(ScenarioErrorCode.Usage, message);
  }
}
