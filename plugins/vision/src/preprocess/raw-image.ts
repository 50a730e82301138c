import { ImageEmptyError, ImageLayoutError, ImageOptionsError } from './image-errors.js';

/** Channel layout of a {@link RawImage}: 3 interleaved bytes per pixel (`rgb`, `bgr`) or 1 (`gray`). */
export type PixelFormat = 'rgb' | 'bgr' | 'gray';

/**
 * Decoded 8-bit pixels, tightly packed row after row (no row padding): `data.length` is
 * `width * height * channelsOf(format)`. Every preprocessing step takes and returns this shape.
 * Steps never write into an image they are given; an image may share its bytes with the message
 * it came from, so treat `data` as read-only.
 */
export interface RawImage {
  /** Pixels, row-major, channels interleaved. */
  readonly data: Uint8Array;
  /** Columns. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  /** What the bytes of one pixel mean. */
  readonly format: PixelFormat;
}

/** Bytes per pixel of `format`. */
export function channelsOf(format: PixelFormat): 1 | 3 {
  return format === 'gray' ? 1 : 3;
}

/**
 * Builds a {@link RawImage}, checking that the size is positive and the data is exactly as long
 * as the size and format say.
 *
 * @throws ImageEmptyError when width or height is 0; ImageLayoutError when the data length is wrong.
 * @example
 * ```ts
 * const red = createRawImage(new Uint8Array([255, 0, 0]), 1, 1, 'rgb');
 * ```
 */
export function createRawImage(data: Uint8Array, width: number, height: number, format: PixelFormat): RawImage {
  const image = { data, width, height, format };
  assertRawImage(image, 'createRawImage');
  return image;
}

/**
 * Checks an image handed to a preprocessing step; `where` names the step in the message.
 *
 * @throws ImageEmptyError, ImageLayoutError, ImageOptionsError
 */
export function assertRawImage(image: RawImage, where: string): void {
  const { width, height, format, data } = image;
  if (format !== 'rgb' && format !== 'bgr' && format !== 'gray') {
    throw new ImageOptionsError(`${where}: image format is '${String(format)}'; expected 'rgb', 'bgr' or 'gray'`, {
      details: { format },
    });
  }
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new ImageOptionsError(`${where}: image size ${width}x${height} is not a pair of whole numbers`, {
      details: { width, height },
    });
  }
  if (width === 0 || height === 0) {
    throw new ImageEmptyError(`${where}: image is ${width}x${height}; expected at least 1x1 pixel`, {
      details: { width, height },
    });
  }
  const expected = width * height * channelsOf(format);
  if (data.length !== expected) {
    throw new ImageLayoutError(
      `${where}: a ${width}x${height} ${format} image needs ${expected} bytes; its data has ${data.length}`,
      { details: { width, height, format, expected, actual: data.length } },
    );
  }
}

/** Checks that `width`×`height` is a positive whole-pixel size; `what` names it in the message. */
export function assertTargetSize(width: number, height: number, what: string): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new ImageOptionsError(`${what}: size ${width}x${height}; expected whole numbers of at least 1`, {
      details: { width, height },
    });
  }
}
