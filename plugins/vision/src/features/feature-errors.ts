import { OmniError } from '@omnimind/core';

/** Base of the errors the image-feature and colour-blob functions raise on bad input. */
export class ImageFeatureError extends OmniError {}

/**
 * An image that is not a raw RGB buffer of the size it claims: dimensions that are not positive
 * integers, a channel count other than 3, a data length other than width × height × 3, or a
 * `sensor_msgs/Image` with an encoding other than `rgb8`/`bgr8`.
 */
export class InvalidRgbImage extends ImageFeatureError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_VISION_RGB_IMAGE', message, { details });
  }
}

/** A feature option or operand out of range: a bin count below 1, vectors of different lengths... */
export class InvalidFeatureArgument extends ImageFeatureError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_VISION_FEATURE_ARGUMENT', message, { details });
  }
}
