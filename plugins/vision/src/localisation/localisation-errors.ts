import { OmniError } from '@omnimind/core';

/** Codes of the localisation errors. */
export const LOCALISATION_CODES = Object.freeze({
  /** A `sensor_msgs/CameraInfo` without usable intrinsics (uncalibrated: `k[0]` is 0, or not finite). */
  INVALID_CAMERA_INFO: 'OMNI_ERR_VISION_INVALID_CAMERA_INFO',
  /** A `sensor_msgs/LaserScan` whose angles cannot place its rays (a zero or non-finite increment). */
  INVALID_LASER_SCAN: 'OMNI_ERR_VISION_INVALID_LASER_SCAN',
});

/**
 * A camera info or laser scan that cannot be used to localise detections. The
 * `detection_localiser` plugin logs and counts it and waits for the next message.
 *
 * @example
 * ```ts
 * try {
 *   intrinsicsFromCameraInfo(info);
 * } catch (error) {
 *   if (hasErrorCode(error, LOCALISATION_CODES.INVALID_CAMERA_INFO)) console.error(error.message);
 * }
 * ```
 */
export class LocalisationInputError extends OmniError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, { details });
  }
}
