/**
 * The part of `sensor_msgs/LaserScan` that mapping needs. Angles in radians in the sensor frame
 * (counter-clockwise, 0 straight ahead), ranges in metres; REP-117 special values apply:
 * `+Infinity` means no return within range, `-Infinity` means too close to measure, `NaN` means
 * an invalid reading.
 */
export interface ScanLike {
  readonly ranges: ArrayLike<number>;
  readonly angleMin: number;
  readonly angleIncrement: number;
  readonly rangeMin: number;
  readonly rangeMax: number;
}
