import { UserInputError, type SourceLocation } from '../errors/omni-error.js';

/**
 * Stable codes of the errors raised while loading a launch file. Each one is listed with its
 * cause and fix in docs/reference/errors.md.
 */
export const LaunchErrorCode = {
  /** The file is not well-formed YAML (or holds several documents). */
  Yaml: 'OMNI_ERR_LAUNCH_YAML',
  /** The launch file given to the loader cannot be read. */
  FileNotFound: 'OMNI_ERR_LAUNCH_FILE_NOT_FOUND',
  /** The YAML is well formed but not shaped like a launch file (a list where a mapping belongs, ...). */
  Shape: 'OMNI_ERR_LAUNCH_SHAPE',
  /** An entry of an action list names no known action. */
  UnknownAction: 'OMNI_ERR_LAUNCH_UNKNOWN_ACTION',
  /** An action has a key it does not accept. */
  UnknownKey: 'OMNI_ERR_LAUNCH_UNKNOWN_KEY',
  /** An action lacks a key it requires, or gives it no value. */
  MissingField: 'OMNI_ERR_LAUNCH_MISSING_FIELD',
  /** A value has the wrong type (`respawn: maybe`, a list where text belongs, ...). */
  ValueType: 'OMNI_ERR_LAUNCH_VALUE_TYPE',
  /** An `if`/`unless` value is not true, false, 1 or 0. */
  Condition: 'OMNI_ERR_LAUNCH_CONDITION',
  /** A launch argument without a default was not given. */
  MissingArg: 'OMNI_ERR_LAUNCH_MISSING_ARG',
  /** A command-line launch argument is not of the form `name:=value`. */
  ArgumentSyntax: 'OMNI_ERR_LAUNCH_ARGUMENT_SYNTAX',
  /** A `$(...)` substitution is malformed or has the wrong number of arguments. */
  SubstitutionSyntax: 'OMNI_ERR_LAUNCH_SUBSTITUTION_SYNTAX',
  /** A `$(name ...)` substitution names no known substitution. */
  UnknownSubstitution: 'OMNI_ERR_LAUNCH_UNKNOWN_SUBSTITUTION',
  /** `$(var x)` names a launch configuration that was never set. */
  UndefinedVar: 'OMNI_ERR_LAUNCH_UNDEFINED_VAR',
  /** `$(env X)` names an unset environment variable and gives no default. */
  EnvUnset: 'OMNI_ERR_LAUNCH_ENV_UNSET',
  /** `$(find-pkg-share pkg)` found no such package. */
  PackageNotFound: 'OMNI_ERR_LAUNCH_PACKAGE_NOT_FOUND',
  /** A `$(eval ...)` expression is malformed or cannot be computed. */
  Eval: 'OMNI_ERR_LAUNCH_EVAL',
  /** An included launch file does not exist. */
  IncludeNotFound: 'OMNI_ERR_LAUNCH_INCLUDE_NOT_FOUND',
  /** Launch files include each other in a cycle. */
  IncludeCycle: 'OMNI_ERR_LAUNCH_INCLUDE_CYCLE',
  /** Two nodes end up with the same fully qualified name. */
  DuplicateNode: 'OMNI_ERR_LAUNCH_DUPLICATE_NODE',
  /** A node name, namespace, remap topic or argument name breaks the naming rules. */
  InvalidName: 'OMNI_ERR_LAUNCH_INVALID_NAME',
  /** A `param: [{from: file}]` file does not exist. */
  ParamFileNotFound: 'OMNI_ERR_LAUNCH_PARAM_FILE_NOT_FOUND',
  /** YAML aliases expand to more nodes than a launch file may reasonably hold. */
  TooComplex: 'OMNI_ERR_LAUNCH_TOO_COMPLEX',
} as const;

/** One of the {@link LaunchErrorCode} values. */
export type LaunchErrorCode = (typeof LaunchErrorCode)[keyof typeof LaunchErrorCode];

/**
 * An error in a launch file or in the launch command line. The message starts with
 * `file:line:col` when the place is known; nothing has been started when it is thrown.
 */
export class LaunchFileError extends UserInputError {
  constructor(
    code: LaunchErrorCode,
    message: string,
    location?: SourceLocation,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, location, options);
  }
}
