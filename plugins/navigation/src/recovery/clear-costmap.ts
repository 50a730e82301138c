import { ZERO, finished } from './recovery-behavior.js';
import type { RecoveryBehavior, RecoveryInput, RecoveryStep } from './recovery-behavior.js';
import { RecoveryCallbackFailed } from './recovery-errors.js';

/** Clears a costmap (or several); may be synchronous or return a promise. */
export type ClearCostmapCallback = () => void | Promise<void>;

/**
 * Calls `clear` once (typically: wipe the local costmap's obstacle layer so stale obstacles go)
 * and succeeds when it returns or its promise resolves. Stands still meanwhile. A throw or a
 * rejection fails it with `OMNI_ERR_RECOVERY_CALLBACK_FAILED`, the original error as `cause`.
 */
export class ClearCostmap implements RecoveryBehavior {
  readonly name = 'clear_costmap';
  private state: 'idle' | 'pending' | 'done' = 'idle';
  private result: RecoveryStep | undefined;
  private generation = 0;

  constructor(private readonly clear: ClearCostmapCallback) {}

  step(_input: RecoveryInput): RecoveryStep {
    if (this.state === 'idle') this.invoke();
    if (this.state === 'done') return this.result!;
    return { command: ZERO, status: 'running' };
  }

  reset(): void {
    // A promise from the previous run may still settle; the generation check makes it a no-op.
    this.generation++;
    this.state = 'idle';
    this.result = undefined;
  }

  private invoke(): void {
    const generation = this.generation;
    const settle = (step: RecoveryStep): void => {
      if (generation !== this.generation) return;
      this.result = step;
      this.state = 'done';
    };
    let returned: void | Promise<void>;
    try {
      returned = this.clear();
    } catch (error) {
      settle(finished('failed', new RecoveryCallbackFailed(this.name, error)));
      return;
    }
    if (returned instanceof Promise) {
      this.state = 'pending';
      returned.then(
        () => settle(finished('succeeded')),
        (error: unknown) => settle(finished('failed', new RecoveryCallbackFailed(this.name, error))),
      );
      return;
    }
    settle(finished('succeeded'));
  }
}
