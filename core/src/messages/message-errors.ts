import { OmniError, UserInputError } from '../errors/omni-error.js';
import type { SourceLocation } from '../errors/omni-error.js';

/** Codes of the errors raised by the message registry, validation and CDR codecs. */
export const MessageErrorCode = {
  /** A type name that the registry does not know (or that is not a valid ROS 2 type name). */
  unknownType: 'OMNI_ERR_UNKNOWN_MESSAGE_TYPE',
  /** A `.msg`, `.srv` or `.action` definition that does not parse. */
  definition: 'OMNI_ERR_MESSAGE_DEFINITION',
  /** The same type registered twice with different definitions. */
  typeConflict: 'OMNI_ERR_MESSAGE_TYPE_CONFLICT',
  /** A message value that does not match its type. */
  invalid: 'OMNI_ERR_MESSAGE_INVALID',
  /** Bytes that are not a CDR encoding of the expected type. */
  cdrDecode: 'OMNI_ERR_CDR_DECODE',
  /** A message the CDR writer could not encode. */
  cdrEncode: 'OMNI_ERR_CDR_ENCODE',
} as const;

/** Raised when a message, service or action type name is not registered. */
export class UnknownMessageTypeError extends OmniError {
  /** The name that was asked for. */
  readonly typeName: string;
  /** Close known names, best first (may be empty). */
  readonly suggestions: readonly string[];

  constructor(kind: string, typeName: string, suggestions: readonly string[], context?: string) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : '';
    super(MessageErrorCode.unknownType, `unknown ${kind} type '${typeName}'${context ? ` (${context})` : ''}${hint}`, {
      details: { kind, typeName, suggestions },
    });
    this.typeName = typeName;
    this.suggestions = suggestions;
  }
}

/** Raised when a definition text is malformed; the message starts with `file:line:col`. */
export class MessageDefinitionError extends UserInputError {
  constructor(message: string, location?: SourceLocation, options: { cause?: unknown } = {}) {
    super(MessageErrorCode.definition, message, location, options);
  }
}

/** Raised when a type is registered again with a different definition. */
export class MessageTypeConflictError extends OmniError {
  constructor(typeName: string, firstSource: string, secondSource: string) {
    super(
      MessageErrorCode.typeConflict,
      `type '${typeName}' is already registered from ${firstSource} with a different definition than ${secondSource}`,
      { details: { typeName, firstSource, secondSource } },
    );
  }
}

/** One way in which a value does not match its message type. */
export interface MessageProblem {
  /** JSON-style path of the offending value, e.g. `pose.position.x` or `points[3].z`; empty for the root. */
  readonly path: string;
  /** What is wrong, e.g. `expected float64 (number), got string`. */
  readonly message: string;
}

/** Formats a problem as `path: message` (or just the message for the root). */
export function formatMessageProblem(problem: MessageProblem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}

/** Raised when a message value does not match its type; lists every problem found. */
export class MessageInvalidError extends OmniError {
  /** The message type checked against. */
  readonly typeName: string;
  /** Every problem found, each with its path. */
  readonly problems: readonly MessageProblem[];

  constructor(typeName: string, problems: readonly MessageProblem[]) {
    const lines = problems.map((p) => `  - ${formatMessageProblem(p)}`).join('\n');
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(MessageErrorCode.invalid, `invalid ${typeName} message (${count}):\n${lines}`, {
      details: { typeName, problems },
    });
    this.typeName = typeName;
    this.problems = problems;
  }
}

/** Raised when bytes cannot be decoded as CDR of the expected type. */
export class CdrDecodeError extends OmniError {
  constructor(typeName: string, byteLength: number, reason: string, cause?: unknown) {
    super(MessageErrorCode.cdrDecode, `cannot decode ${byteLength} bytes as CDR ${typeName}: ${reason}`, {
      cause,
      details: { typeName, byteLength },
    });
  }
}

/** Raised when the CDR writer rejects a message. */
export class CdrEncodeError extends OmniError {
  constructor(typeName: string, reason: string, cause?: unknown) {
    super(MessageErrorCode.cdrEncode, `cannot encode ${typeName} as CDR: ${reason}`, {
      cause,
      details: { typeName },
    });
  }
}

/** The message of an unknown thrown value, for wrapping. */
export function describeCause(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
