import type { Pose2D } from '../grid/grid-types.js';
import type { VelocityCommand } from '../control/controller.js';
import type { RecoveryError } from './recovery-errors.js';

/** Where a recovery behaviour stands after a step. */
export type RecoveryStatus = 'running' | 'succeeded' | 'failed';

/** One step's inputs. */
export interface RecoveryInput {
  /** Robot pose (any fixed frame: only changes of it are used). */
  readonly pose: Pose2D;
  /** Seconds since the previous step, from the (possibly simulated) clock. */
  readonly dt: number;
  /** Latest scan as points in the same frame as `pose`; used by behaviours that move. */
  readonly scanPoints?: readonly { x: number; y: number }[];
}

/** One step's outcome: the command to send now and the status. */
export interface RecoveryStep {
  readonly command: VelocityCommand;
  readonly status: RecoveryStatus;
  /** Why, when `status` is `failed`. */
  readonly error?: RecoveryError;
}

/**
 * A recovery behaviour (Nav2's behaviours: spin, back up, wait, clear costmap) as a small state
 * machine: the caller steps it at its control rate until the status is no longer `running`, sending
 * each step's command. Once finished, further steps repeat the final status with a zero command.
 * {@link reset} makes it ready to run again from wherever the robot is.
 */
export interface RecoveryBehavior {
  readonly name: string;
  step(input: RecoveryInput): RecoveryStep;
  reset(): void;
}

/** The zero command, frozen. */
export const ZERO: VelocityCommand = Object.freeze({ linear: 0, angular: 0 });

/** A finished step, remembered so that later steps repeat it. */
export function finished(status: 'succeeded' | 'failed', error?: RecoveryError): RecoveryStep {
  return error === undefined ? { command: ZERO, status } : { command: ZERO, status, error };
}
