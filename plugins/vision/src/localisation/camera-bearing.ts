import type { sensor_msgs, vision_msgs } from '@omnimind/core';
import { LOCALISATION_CODES, LocalisationInputError } from './localisation-errors.js';

/** The horizontal part of a pinhole camera's intrinsics, in pixels. */
export interface HorizontalIntrinsics {
  /** Focal length along the image columns (`K[0]`). */
  readonly fx: number;
  /** Column of the principal point (`K[2]`). */
  readonly cx: number;
}

/** A horizontal angular window in the camera frame, in radians (REP-103: positive to the left). */
export interface BearingWindow {
  /** Angle of the window's centre. */
  readonly bearing: number;
  /** Half the window's angular width (never negative). */
  readonly halfWidth: number;
}

/**
 * The horizontal intrinsics of a `sensor_msgs/CameraInfo`.
 *
 * @throws {@link LocalisationInputError} `OMNI_ERR_VISION_INVALID_CAMERA_INFO` when the camera is
 *   uncalibrated (`k[0]` is 0, as the message defines it), `fx` is negative or anything is not finite.
 */
export function intrinsicsFromCameraInfo(info: sensor_msgs.CameraInfo): HorizontalIntrinsics {
  const fx = info.k[0];
  const cx = info.k[2];
  if (fx === undefined || cx === undefined || !(fx > 0) || !Number.isFinite(fx) || !Number.isFinite(cx)) {
    throw new LocalisationInputError(
      LOCALISATION_CODES.INVALID_CAMERA_INFO,
      `camera info '${info.header.frame_id}': expected K with fx > 0 and finite cx (k[0], k[2]), got fx=${fx}, cx=${cx}`,
      { frameId: info.header.frame_id, fx, cx },
    );
  }
  return { fx, cx };
}

/**
 * Horizontal angle of image column `u` in the camera frame: `atan2(cx - u, fx)`, positive to the
 * left (REP-103), so a column left of the principal point has a positive bearing.
 *
 * @example
 * ```ts
 * columnBearing(0, { fx: 100, cx: 100 }); // π/4: the left edge of a 90° camera
 * ```
 */
export function columnBearing(u: number, intrinsics: HorizontalIntrinsics): number {
  return Math.atan2(intrinsics.cx - u, intrinsics.fx);
}

/**
 * The bearing of a bounding box's centre column and half the angle between its left and right
 * edges, in the camera frame.
 */
export function bboxBearingWindow(bbox: vision_msgs.BoundingBox2D, intrinsics: HorizontalIntrinsics): BearingWindow {
  const u = bbox.center.position.x;
  const half = Math.abs(bbox.size_x) / 2;
  const left = columnBearing(u - half, intrinsics);
  const right = columnBearing(u + half, intrinsics);
  return { bearing: columnBearing(u, intrinsics), halfWidth: (left - right) / 2 };
}
