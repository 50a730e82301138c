import { ImageFeatureError } from '../features/index.js';

/** A colour name with no HSV range: not in {@link SIMULATOR_COLOR_RANGES} nor the given ranges. */
export class UnknownColorName extends ImageFeatureError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_VISION_UNKNOWN_COLOR', message, { details });
  }
}

/** Colour-blob options out of range: a negative minimum area, an HSV range outside 0–360 / 0–1... */
export class InvalidBlobOptions extends ImageFeatureError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_VISION_BLOB_OPTIONS', message, { details });
  }
}
