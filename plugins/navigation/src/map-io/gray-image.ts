/**
 * A decoded map image: one grey value per pixel (0..`maxValue`, the mean of the colour channels for
 * colour images), rows top to bottom as stored in the file, and the alpha channel when it has one.
 */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** The value of white (255 for 8-bit images). */
  readonly maxValue: number;
  readonly gray: Float32Array;
  /** Opacity per pixel, 0..`maxValue`; absent for images without alpha. */
  readonly alpha?: Float32Array;
}
