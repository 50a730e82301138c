import type { Pose2D } from '../grid/grid-types.js';
import type { ScanLike } from '../mapping/scan-types.js';

/** A point in the map frame (metres). */
export interface Point2 {
  readonly x: number;
  readonly y: number;
}

/**
 * The end points of a scan's returns in the map frame, for marking obstacles in a costmap: finite
 * ranges in [rangeMin, min(rangeMax, maxRange)); REP-117 special values and out-of-range readings
 * are no obstacle.
 */
export function scanObstaclePoints(scan: ScanLike, sensorPose: Pose2D, maxRange = Number.POSITIVE_INFINITY): Point2[] {
  const limit = Math.min(scan.rangeMax, maxRange);
  const points: Point2[] = [];
  for (let i = 0; i < scan.ranges.length; i++) {
    const range = scan.ranges[i]!;
    if (!(range >= scan.rangeMin && range < limit)) continue;
    const angle = sensorPose.theta + scan.angleMin + i * scan.angleIncrement;
    points.push({ x: sensorPose.x + range * Math.cos(angle), y: sensorPose.y + range * Math.sin(angle) });
  }
  return points;
}
