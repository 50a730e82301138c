import type { sensor_msgs } from '@omnimind/core';
import type { BearingWindow } from './camera-bearing.js';
import { LOCALISATION_CODES, LocalisationInputError } from './localisation-errors.js';
import { wrapAngle, type SensorMount } from './sensor-mount.js';

/** How far away, as the lidar measures it, something seen by the camera is. */
export interface LidarRangeReading {
  /** Median distance from the camera to the lidar returns inside the window, in metres. */
  readonly distanceFromCamera: number;
  /** Median range of those returns as the lidar reads them, in metres. */
  readonly lidarRange: number;
  /** How many valid lidar returns fell inside the window. */
  readonly rays: number;
}

/**
 * The range of what the camera sees in `window` (camera frame), from the lidar scan. Each valid
 * ray (REP-117: ±Infinity and NaN are no return and are ignored, as are ranges outside
 * `[range_min, range_max]`) is placed as a point in `base_link` through the lidar's mount, then seen
 * from the camera's mount: the rays whose point lies within the window, widened to at least half a
 * ray spacing so a narrow box still catches a ray, are kept. Placing the points, rather than
 * shifting the bearing, accounts exactly for the parallax between two sensors that sit apart.
 * Returns `undefined` when no valid ray is in the window.
 *
 * @throws {@link LocalisationInputError} `OMNI_ERR_VISION_INVALID_LASER_SCAN` when the scan's
 *   `angle_increment` or `angle_min` is zero/non-finite or not finite.
 * @example
 * ```ts
 * const window = bboxBearingWindow(detection.bbox, intrinsicsFromCameraInfo(info));
 * const reading = rangeInBearingWindow(scan, window, { camera: { x: 0.07, y: 0, yaw: 0 }, lidar: { x: -0.032, y: 0, yaw: 0 } });
 * ```
 */
export function rangeInBearingWindow(
  scan: sensor_msgs.LaserScan,
  window: BearingWindow,
  mounts: { readonly camera: SensorMount; readonly lidar: SensorMount },
): LidarRangeReading | undefined {
  const increment = scan.angle_increment;
  if (!Number.isFinite(increment) || increment === 0 || !Number.isFinite(scan.angle_min)) {
    throw new LocalisationInputError(
      LOCALISATION_CODES.INVALID_LASER_SCAN,
      `laser scan '${scan.header.frame_id}': expected a finite, non-zero angle_increment and a finite angle_min, got angle_increment=${increment}, angle_min=${scan.angle_min}`,
      { frameId: scan.header.frame_id, angleIncrement: increment, angleMin: scan.angle_min },
    );
  }
  const { camera, lidar } = mounts;
  const halfWidth = Math.max(window.halfWidth, Math.abs(increment) / 2);
  const minRange = Number.isFinite(scan.range_min) ? scan.range_min : 0;
  const maxRange = Number.isFinite(scan.range_max) && scan.range_max > 0 ? scan.range_max : Infinity;
  const distances: number[] = [];
  const ranges: number[] = [];
  for (let i = 0; i < scan.ranges.length; i++) {
    const range = scan.ranges[i]!;
    if (!Number.isFinite(range) || range < minRange || range > maxRange) continue;
    const angle = lidar.yaw + scan.angle_min + i * increment;
    const dx = lidar.x + range * Math.cos(angle) - camera.x;
    const dy = lidar.y + range * Math.sin(angle) - camera.y;
    const seenFromCamera = Math.atan2(dy, dx) - camera.yaw;
    if (Math.abs(wrapAngle(seenFromCamera - window.bearing)) > halfWidth) continue;
    distances.push(Math.hypot(dx, dy));
    ranges.push(range);
  }
  if (distances.length === 0) return undefined;
  return { distanceFromCamera: median(distances), lidarRange: median(ranges), rays: distances.length };
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
