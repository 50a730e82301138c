import { OmniError, UserInputError } from '../errors/omni-error.js';
import { CONTROL_ERROR_CODES, RemoteControlError } from './control-errors.js';
import { toJsonSafe, type JsonValue } from './json-safe.js';

/** The JSON body of an error response: the OmniError's code, message, class name and details. */
export interface WireError {
  readonly code: string;
  readonly message: string;
  readonly name: string;
  readonly details?: Record<string, JsonValue>;
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [CONTROL_ERROR_CODES.unauthorized]: 401,
  [CONTROL_ERROR_CODES.badRequest]: 400,
  [CONTROL_ERROR_CODES.unknownMethod]: 404,
  [CONTROL_ERROR_CODES.payloadTooLarge]: 413,
  [CONTROL_ERROR_CODES.internal]: 500,
};

/**
 * The HTTP status for an error thrown while serving a request. Errors the system raises on
 * purpose are 4xx (the request was rejected: 400 bad input, 404 unknown name, 504 timed out…,
 * 409 otherwise); anything else is a 500 `OMNI_ERR_CONTROL_INTERNAL`.
 */
export function httpStatusOf(error: unknown): number {
  if (!(error instanceof OmniError)) return 500;
  const known = STATUS_BY_CODE[error.code];
  if (known !== undefined) return known;
  if (error instanceof UserInputError) return 400;
  if (/NOT_FOUND|UNKNOWN|NO_SUCH/.test(error.code)) return 404;
  if (/TIMEOUT|TIMED_OUT/.test(error.code)) return 504;
  return 409;
}

/** Serialises a thrown value for an error response. */
export function toWireError(error: unknown): { status: number; body: WireError } {
  const status = httpStatusOf(error);
  if (error instanceof OmniError) {
    const details = toJsonSafe(error.details);
    const body: WireError = { code: error.code, message: error.message, name: error.name };
    return {
      status,
      body: isNonEmptyObject(details) ? { ...body, details } : body,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    status,
    body: { code: CONTROL_ERROR_CODES.internal, message: `internal error: ${message}`, name: 'Error' },
  };
}

/** Re-creates the error of an error response on the client side, keeping its code. */
export function fromWireError(status: number, body: unknown): RemoteControlError {
  const wire = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<keyof WireError, unknown>>;
  const code = typeof wire.code === 'string' ? wire.code : CONTROL_ERROR_CODES.protocol;
  const message = typeof wire.message === 'string' ? wire.message : `control endpoint answered HTTP ${status}`;
  const name = typeof wire.name === 'string' ? wire.name : 'Error';
  const details =
    typeof wire.details === 'object' && wire.details !== null ? (wire.details as Record<string, unknown>) : {};
  return new RemoteControlError(code, message, status, name, details);
}

function isNonEmptyObject(value: JsonValue): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}
