import { OmniError, UserInputError } from '@omnimind/core';

/** Codes of the model adapters' errors (detector node parameters, classification). */
export const ADAPTER_CODES = Object.freeze({
  /** `yolo_detector`: `classes` and `classes_file` both given, or the class file missing, empty or with duplicates. */
  CLASSES: 'OMNI_ERR_VISION_CLASSES',
  /** `yolo_detector`: no input size (dynamic model and no `input_size`), or one that contradicts the model. */
  INPUT_SIZE: 'OMNI_ERR_VISION_INPUT_SIZE',
  /** `classifyTopK` / `checkClassifierModel`: an argument out of range. */
  CLASSIFY_OPTIONS: 'OMNI_ERR_VISION_CLASSIFY_OPTIONS',
});

/**
 * Detector node parameters that pass the schema but do not fit together or with the model (a class
 * list given twice, a class file that is missing, an input size the model contradicts). Thrown by
 * the `yolo_detector` plugin's `validate`, so the launch stops before anything starts; the message
 * names the node and the parameter.
 *
 * @example
 * ```ts
 * try {
 *   await host.load(nodes);
 * } catch (error) {
 *   if (hasErrorCode(error, ADAPTER_CODES.CLASSES)) console.error(error.message);
 * }
 * ```
 */
export class DetectorParamsError extends UserInputError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, undefined, { details });
  }
}

/**
 * An argument of {@link classifyTopK} or {@link checkClassifierModel} is out of range
 * (`OMNI_ERR_VISION_CLASSIFY_OPTIONS`). The message names the argument, its value and what was
 * expected.
 */
export class InvalidClassifyOptions extends OmniError {
  constructor(option: string, value: unknown, expected: string) {
    super('OMNI_ERR_VISION_CLASSIFY_OPTIONS', `${option} must be ${expected}, got ${format(value)}`, {
      details: { option, value, expected },
    });
  }
}

function format(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return value.length > 8 ? `a list of ${value.length}` : `[${value.map(format).join(', ')}]`;
  return String(value);
}
