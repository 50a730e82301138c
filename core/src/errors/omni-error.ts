/**
 * Base class of every error OmniMind raises on purpose.
 *
 * Each error carries a stable `code` (`OMNI_ERR_*`) listed in docs/reference/errors.md with its
 * cause and fix, so that scripts and tests match on the code, never on the message text.
 */
export class OmniError extends Error {
  /** Stable machine-readable code, e.g. `OMNI_ERR_INVALID_NAME`. */
  readonly code: string;
  /** Structured facts about the failure (what was expected, what was found). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
    this.name = new.target.name;
  }
}

/** A place in a user-authored file; lines and columns start at 1. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Formats a location the way editors and compilers do: `file:line:col`. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.col}`;
}

/**
 * An error in something a user wrote (launch file, parameter file, world file, CLI argument).
 * The message starts with `file:line:col` so editors and terminals can jump to it.
 */
export class UserInputError extends OmniError {
  readonly location: SourceLocation | undefined;

  constructor(
    code: string,
    message: string,
    location?: SourceLocation,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(code, location ? `${formatLocation(location)}: ${message}` : message, options);
    this.location = location;
  }
}

/** True when `error` is an {@link OmniError} with the given code. */
export function hasErrorCode(error: unknown, code: string): error is OmniError {
  return error instanceof OmniError && error.code === code;
}
