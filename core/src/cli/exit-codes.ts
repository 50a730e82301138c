import { CommanderError } from 'commander';
import { UserInputError } from '../errors/omni-error.js';
import {
  AmbiguousInstanceError,
  CONTROL_ERROR_CODES,
  ControlError,
  ControlUnreachableError,
  NoRunningSystemError,
  RemoteControlError,
} from '../control/control-errors.js';
import { CliUsageError, OperationRejectedError, StreamEndedError } from './cli-errors.js';

/** Exit codes of the `omnimind` command; scripts may rely on them. */
export const EXIT_CODES = {
  /** Success. */
  ok: 0,
  /** Runtime failure (a plugin crashed the start, an internal error, a failed doctor check). */
  failure: 1,
  /** Usage error: bad arguments or options. */
  usage: 2,
  /** Launch or configuration validation failed (bad launch file, bad parameters): nothing started. */
  validation: 3,
  /** No running system, or its control endpoint is unreachable. */
  unreachable: 4,
  /** The running system rejected the operation (parameter change refused, invalid transition...). */
  rejected: 5,
  /** Interrupted: a second Ctrl-C (or SIGTERM) forced the exit. */
  interrupted: 130,
} as const;

/** One of the {@link EXIT_CODES} values. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** The exit code for an error that ended a command. */
export function exitCodeForError(error: unknown): ExitCode {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
  if (error instanceof CliUsageError || error instanceof AmbiguousInstanceError) return EXIT_CODES.usage;
  if (error instanceof NoRunningSystemError || error instanceof ControlUnreachableError) return EXIT_CODES.unreachable;
  if (error instanceof StreamEndedError) return EXIT_CODES.unreachable;
  if (error instanceof OperationRejectedError) return EXIT_CODES.rejected;
  if (error instanceof RemoteControlError) {
    if (error.status === 401) return EXIT_CODES.unreachable;
    return error.status >= 500 ? EXIT_CODES.failure : EXIT_CODES.rejected;
  }
  if (error instanceof ControlError && error.code === CONTROL_ERROR_CODES.address) return EXIT_CODES.usage;
  if (error instanceof UserInputError) return EXIT_CODES.validation;
  return EXIT_CODES.failure;
}
