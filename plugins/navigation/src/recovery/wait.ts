import { z } from 'zod';
import { ZERO, finished } from './recovery-behavior.js';
import type { RecoveryBehavior, RecoveryInput, RecoveryStep } from './recovery-behavior.js';
import { parseRecoveryParams } from './recovery-params.js';

/** Parameters of {@link Wait}. */
export const waitParams = z.object({
  duration: z.number().min(0).default(5).describe('Time to stand still (s).'),
});

/** Parameters of {@link Wait} as given (every field optional). */
export type WaitOptions = z.input<typeof waitParams>;

/**
 * Stands still for `duration` seconds of the step clock (so a dynamic obstacle can move away, or
 * a map can update). Sends zero commands while it waits.
 */
export class Wait implements RecoveryBehavior {
  readonly name = 'wait';
  readonly params: z.output<typeof waitParams>;
  private elapsed = 0;
  private done: RecoveryStep | undefined;

  constructor(options: WaitOptions = {}) {
    this.params = parseRecoveryParams(waitParams, options, 'wait');
  }

  /** Seconds waited so far. */
  get waited(): number {
    return this.elapsed;
  }

  step(input: RecoveryInput): RecoveryStep {
    if (this.done) return this.done;
    this.elapsed += Math.max(0, input.dt);
    if (this.elapsed >= this.params.duration) {
      this.done = finished('succeeded');
      return this.done;
    }
    return { command: ZERO, status: 'running' };
  }

  reset(): void {
    this.elapsed = 0;
    this.done = undefined;
  }
}
