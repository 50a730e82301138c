/**
 * Where detected objects are: bearings from camera intrinsics, ranges from a lidar scan, positions
 * in the map from the robot's pose, and the `detection_localiser` node that does all three.
 */
export { LOCALISATION_CODES, LocalisationInputError } from './localisation-errors.js';
export { bboxBearingWindow, columnBearing, intrinsicsFromCameraInfo } from './camera-bearing.js';
export type { BearingWindow, HorizontalIntrinsics } from './camera-bearing.js';
export { rangeInBearingWindow } from './lidar-range.js';
export type { LidarRangeReading } from './lidar-range.js';
export { positionInMap } from './map-position.js';
export { wrapAngle, yawOfQuaternion } from './sensor-mount.js';
export type { PlanarPoint, PlanarPose, SensorMount } from './sensor-mount.js';
export { detectionLocaliser, detectionLocaliserParams } from './detection-localiser-plugin.js';
export type {
  DetectionLocaliserParams,
  DetectionLocaliserState,
  LocalisationSkipReason,
} from './detection-localiser-plugin.js';
