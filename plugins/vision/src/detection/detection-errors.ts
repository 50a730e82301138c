import { OmniError } from '@omnimind/core';

/** Base class of the errors raised while checking a YOLO model or decoding its output. */
export class DetectionError extends OmniError {}

/**
 * A model's input or output does not fit a YOLO detector (`OMNI_ERR_VISION_MODEL_SHAPE`): the
 * output tensor fits neither the v8/v11 `[1, 4+C, N]` nor the v5 `[1, N, 5+C]` layout, its data is
 * not float32 or has the wrong length, or the input is not one `[1, 3, H, W]` float image.
 * `details` holds what was found and what was expected.
 */
export class ModelShapeError extends DetectionError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_VISION_MODEL_SHAPE', message, { details });
  }
}

/**
 * A decoder option or letterbox transform is out of range (`OMNI_ERR_VISION_DETECTION_OPTIONS`).
 * The message names the option, its value and the range expected.
 */
export class InvalidDetectionOptions extends DetectionError {
  constructor(option: string, value: unknown, expected: string) {
    super('OMNI_ERR_VISION_DETECTION_OPTIONS', `${option} must be ${expected}, got ${formatValue(value)}`, {
      details: { option, value, expected },
    });
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  return String(value);
}
