import { OmniError, UserInputError } from '../errors/omni-error.js';

/** Stable codes of the errors the CLI raises itself. */
export const CLI_ERROR_CODES = {
  /** A command-line argument is malformed (`name:=value` expected, unknown transition, ...). */
  usage: 'OMNI_ERR_CLI_USAGE',
  /** A value typed on the command line is not valid YAML. */
  value: 'OMNI_ERR_CLI_VALUE',
  /** The running system refused the operation (a parameter change it rejected). */
  rejected: 'OMNI_ERR_CLI_REJECTED',
  /** An echo or hz stream ended because the running system went away. */
  streamEnded: 'OMNI_ERR_CLI_STREAM_ENDED',
} as const;

/**
 * Something typed on the command line is wrong; the CLI exits with code 2 and nothing is started.
 * Its location's `file` names the argument (`<value>`, `--param`), line and column point into it.
 */
export class CliUsageError extends UserInputError {}

/** The running system answered but refused the request (e.g. a parameter change). Exit code 5. */
export class OperationRejectedError extends OmniError {}

/** A stream from the running system ended before the command was done. Exit code 4. */
export class StreamEndedError extends OmniError {}
