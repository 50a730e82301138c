import { OmniError } from '@omnimind/core';

/** Codes of the camera source errors (`v4l2_camera`, `single_image`). */
export const VISION_SOURCE_CODES = Object.freeze({
  /** `v4l2_camera`: the `ffmpeg_path` executable is not a file and not found on `PATH`. */
  FFMPEG_NOT_FOUND: 'OMNI_ERR_VISION_FFMPEG_NOT_FOUND',
  /** `v4l2_camera`: the `device` parameter names no device node. */
  CAMERA_DEVICE_NOT_FOUND: 'OMNI_ERR_VISION_CAMERA_DEVICE_NOT_FOUND',
  /** `v4l2_camera`: ffmpeg kept exiting and the restart budget is spent. */
  CAMERA_STREAM_FAILED: 'OMNI_ERR_VISION_CAMERA_STREAM_FAILED',
  /** `single_image`: the `file` parameter names no readable, decodable image. */
  IMAGE_FILE_INVALID: 'OMNI_ERR_VISION_IMAGE_FILE_INVALID',
});

/**
 * A camera source that cannot run: ffmpeg missing, a camera device missing, an image file that does
 * not decode, or a camera stream that keeps failing. Parameter problems are thrown from the
 * plugins' `validate`, so a launch stops before anything starts.
 *
 * @example
 * ```ts
 * try {
 *   await host.load(nodes);
 * } catch (error) {
 *   if (hasErrorCode(error, VISION_SOURCE_CODES.FFMPEG_NOT_FOUND)) console.error(error.message);
 * }
 * ```
 */
export class VisionSourceError extends OmniError {
  constructor(code: string, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(code, message, options);
  }
}
