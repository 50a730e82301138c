import { OmniError } from '@omnimind/core';

/** Options every image error takes: the underlying error and structured facts. */
export interface VisionImageErrorOptions {
  /** The error that led to this one (a sharp/libvips error, for example). */
  readonly cause?: unknown;
  /** What was expected and what was found, for scripts and logs. */
  readonly details?: Record<string, unknown>;
}

/**
 * Base class of the errors the image preprocessing raises; match on `code`, never on the message.
 *
 * @example
 * ```ts
 * try {
 *   await decodeImage(bytes);
 * } catch (error) {
 *   if (error instanceof VisionImageError) log.warn({ code: error.code }, error.message);
 * }
 * ```
 */
export class VisionImageError extends OmniError {}

/** Encoded bytes (JPEG, PNG, WebP) that cannot be decoded: corrupt, or cut off before the end. */
export class ImageCorruptError extends VisionImageError {
  constructor(message: string, options: VisionImageErrorOptions = {}) {
    super('OMNI_ERR_VISION_IMAGE_CORRUPT', message, options);
  }
}

/** An image with no pixels: zero width or height, or zero bytes. */
export class ImageEmptyError extends VisionImageError {
  constructor(message: string, options: VisionImageErrorOptions = {}) {
    super('OMNI_ERR_VISION_IMAGE_EMPTY', message, options);
  }
}

/** A pixel encoding or container format the preprocessing does not handle. */
export class ImageEncodingError extends VisionImageError {
  constructor(message: string, options: VisionImageErrorOptions = {}) {
    super('OMNI_ERR_VISION_IMAGE_ENCODING', message, options);
  }
}

/** A raw frame whose `step` or data length does not fit its width, height and encoding. */
export class ImageLayoutError extends VisionImageError {
  constructor(message: string, options: VisionImageErrorOptions = {}) {
    super('OMNI_ERR_VISION_IMAGE_LAYOUT', message, options);
  }
}

/** An argument to a preprocessing step that cannot work: a crop outside the image, a zero size, a bad mean/std. */
export class ImageOptionsError extends VisionImageError {
  constructor(message: string, options: VisionImageErrorOptions = {}) {
    super('OMNI_ERR_VISION_IMAGE_OPTIONS', message, options);
  }
}
