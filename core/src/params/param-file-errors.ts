import { UserInputError, type SourceLocation } from '../errors/omni-error.js';

/**
 * Stable codes of the errors raised while reading a ROS 2 parameter file, listed with cause and
 * fix in docs/reference/errors.md.
 */
export const ParamFileErrorCode = {
  /** The parameter file cannot be read. */
  NotFound: 'OMNI_ERR_PARAM_FILE_NOT_FOUND',
  /** The file is not well-formed YAML. */
  Yaml: 'OMNI_ERR_PARAM_FILE_YAML',
  /** A mapping was expected (top level, a namespace, `ros__parameters`) and something else was found. */
  Shape: 'OMNI_ERR_PARAM_FILE_SHAPE',
  /** A node block has no `ros__parameters` key. */
  MissingRosParameters: 'OMNI_ERR_PARAM_FILE_MISSING_ROS_PARAMETERS',
  /** A parameter value is empty, a nested list, or a list holding a mapping. */
  Value: 'OMNI_ERR_PARAM_FILE_VALUE',
  /** A node name or namespace key is not a valid name or pattern. */
  Name: 'OMNI_ERR_PARAM_FILE_NAME',
  /** YAML aliases expand to too many nodes. */
  TooComplex: 'OMNI_ERR_PARAM_FILE_TOO_COMPLEX',
} as const;

/** One of the {@link ParamFileErrorCode} values. */
export type ParamFileErrorCode = (typeof ParamFileErrorCode)[keyof typeof ParamFileErrorCode];

/** An error in a ROS 2 parameter file; the message starts with `file:line:col`. */
export class ParamFileError extends UserInputError {
  constructor(
    code: ParamFileErrorCode,
    message: string,
    location?: SourceLocation,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(code, message, location, options);
  }
}
