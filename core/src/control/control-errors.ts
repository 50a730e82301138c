import { OmniError } from '../errors/omni-error.js';

/** Stable error codes raised by the control endpoint, its client and instance discovery. */
export const CONTROL_ERROR_CODES = {
  unauthorized: 'OMNI_ERR_CONTROL_UNAUTHORIZED',
  insecureBind: 'OMNI_ERR_CONTROL_INSECURE_BIND',
  badRequest: 'OMNI_ERR_CONTROL_BAD_REQUEST',
  unknownMethod: 'OMNI_ERR_CONTROL_UNKNOWN_METHOD',
  payloadTooLarge: 'OMNI_ERR_CONTROL_PAYLOAD_TOO_LARGE',
  internal: 'OMNI_ERR_CONTROL_INTERNAL',
  unreachable: 'OMNI_ERR_CONTROL_UNREACHABLE',
  protocol: 'OMNI_ERR_CONTROL_PROTOCOL',
  address: 'OMNI_ERR_CONTROL_ADDRESS',
  noRunningSystem: 'OMNI_ERR_NO_RUNNING_SYSTEM',
  instanceAmbiguous: 'OMNI_ERR_INSTANCE_AMBIGUOUS',
  instanceNotFound: 'OMNI_ERR_INSTANCE_NOT_FOUND',
} as const;

/** Base class of the errors the control endpoint and its client raise themselves. */
export class ControlError extends OmniError {}

/**
 * The control endpoint cannot be reached (nothing listens, connection reset, timeout) or refused
 * our token. The CLI exits with code 4 for these.
 */
export class ControlUnreachableError extends ControlError {}

/** No running OmniMind process was found, or the one asked for does not exist. CLI exit code 4. */
export class NoRunningSystemError extends ControlError {}

/** Several OmniMind processes run and none was chosen with `--instance`. CLI exit code 2. */
export class AmbiguousInstanceError extends ControlError {}

/**
 * An error the running system raised while serving a request, re-created on the client with the
 * same `code`, message and details. `status` is the HTTP status it came back with.
 */
export class RemoteControlError extends OmniError {
  /** HTTP status of the response (4xx: the system rejected the request; 5xx: it failed). */
  readonly status: number;
  /** Class name of the error on the server side, e.g. `UserInputError`. */
  readonly remoteName: string;

  constructor(
    code: string,
    message: string,
    status: number,
    remoteName: string,
    details: Record<string, unknown> = {},
  ) {
    super(code, message, { details });
    this.status = status;
    this.remoteName = remoteName;
  }
}
