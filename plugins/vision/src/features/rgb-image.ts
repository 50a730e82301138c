import type { sensor_msgs } from '@omnimind/core';
import { imageFromMessage } from '../preprocess/image-message.js';
import { InvalidRgbImage } from './feature-errors.js';

/**
 * A raw 8-bit RGB image: `data` holds `height` rows of `width` pixels, three bytes (r, g, b) per
 * pixel, with no padding between rows. A sharp raw buffer and a simulator camera frame are both
 * this layout.
 *
 * @example
 * const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
 * const image: RgbImage = { data, width: info.width, height: info.height, channels: 3 };
 */
export interface RgbImage {
  /** Pixel bytes, row-major, `width × height × 3` long. */
  readonly data: Uint8Array;
  /** Pixels per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  /** Bytes per pixel; only 3 is accepted (may be left out). */
  readonly channels?: number;
}

/**
 * Checks that `image` is a well-formed {@link RgbImage}; throws {@link InvalidRgbImage}
 * (`OMNI_ERR_VISION_RGB_IMAGE`) naming `where` (the function or parameter it was given to) otherwise.
 */
export function assertRgbImage(image: RgbImage, where: string): void {
  const { width, height, channels, data } = image ?? ({} as Partial<RgbImage>);
  const details = { where, width, height, channels };
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new InvalidRgbImage(
      `${where}: expected an image with positive integer width and height, got ${width}×${height}`,
      details,
    );
  }
  if (channels !== undefined && channels !== 3) {
    throw new InvalidRgbImage(`${where}: expected 3 channels (rgb), got ${channels}`, details);
  }
  if (!(data instanceof Uint8Array)) {
    throw new InvalidRgbImage(`${where}: expected image data as a Uint8Array`, details);
  }
  const expected = width * height * 3;
  if (data.length !== expected) {
    throw new InvalidRgbImage(
      `${where}: expected ${width}×${height}×3 = ${expected} bytes of rgb data, got ${data.length}`,
      { ...details, expectedBytes: expected, actualBytes: data.length },
    );
  }
}

/**
 * The {@link RgbImage} in a `sensor_msgs/Image` with encoding `rgb8` (shared, not copied, when
 * rows have no padding) or `bgr8` (copied with red and blue swapped). Throws
 * {@link InvalidRgbImage} for any other encoding or a `step`/`data` too short for the size.
 *
 * @example
 * bus.topic<sensor_msgs.Image>('camera/image_raw', 'sensor_msgs/msg/Image').observe()
 *   .subscribe(({ message }) => detectColorBlobs(rgbImageFromMessage(message)));
 */
export function rgbImageFromMessage(message: sensor_msgs.Image): RgbImage {
  const { width, height, step, encoding, data } = message;
  const where = 'sensor_msgs/Image';
  if (encoding !== 'rgb8' && encoding !== 'bgr8') {
    throw new InvalidRgbImage(`${where}: expected encoding 'rgb8' or 'bgr8', got '${encoding}'`, { encoding });
  }
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new InvalidRgbImage(
      `${where}: expected an image with positive integer width and height, got ${width}×${height}`,
      { where, width, height, channels: 3 },
    );
  }
  const row = width * 3;
  if (!Number.isInteger(step) || step < row || data.length < step * (height - 1) + row) {
    throw new InvalidRgbImage(
      `${where}: expected step >= ${row} and at least step × height bytes for ${width}×${height}, got step ${step} and ${data.length} bytes`,
      { width, height, step, bytes: data.length },
    );
  }
  // The checks above are this function's contract; the unpacking (row padding, bgr8 → rgb) is the
  // preprocessing code's, which shares a packed rgb8 frame without copying.
  return { data: imageFromMessage(message).data, width, height, channels: 3 };
}
