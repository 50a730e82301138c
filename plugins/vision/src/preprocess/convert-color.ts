import { assertRawImage, type RawImage } from './raw-image.js';

/**
 * The same pixels with red and blue swapped: RGB becomes BGR and BGR becomes RGB. A gray image
 * is returned as it is.
 *
 * @example
 * ```ts
 * const forOpenCvModel = swapRedBlue(rgbFrame); // format 'bgr'
 * ```
 */
export function swapRedBlue(image: RawImage): RawImage {
  assertRawImage(image, 'swapRedBlue');
  if (image.format === 'gray') return image;
  const src = image.data;
  const data = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i += 3) {
    data[i] = src[i + 2]!;
    data[i + 1] = src[i + 1]!;
    data[i + 2] = src[i]!;
  }
  return { data, width: image.width, height: image.height, format: image.format === 'rgb' ? 'bgr' : 'rgb' };
}

/** `image` as RGB: BGR is swapped, gray is copied into all three channels, RGB is returned as it is. */
export function toRgb(image: RawImage): RawImage {
  assertRawImage(image, 'toRgb');
  if (image.format === 'rgb') return image;
  if (image.format === 'bgr') return swapRedBlue(image);
  const src = image.data;
  const data = new Uint8Array(src.length * 3);
  for (let i = 0, o = 0; i < src.length; i++, o += 3) {
    const v = src[i]!;
    data[o] = v;
    data[o + 1] = v;
    data[o + 2] = v;
  }
  return { data, width: image.width, height: image.height, format: 'rgb' };
}

/**
 * `image` in grayscale by ITU-R BT.601 luma, Y = 0.299 R + 0.587 G + 0.114 B rounded (the weights
 * OpenCV's `COLOR_RGB2GRAY` uses); a gray image is returned as it is.
 */
export function toGrayscale(image: RawImage): RawImage {
  assertRawImage(image, 'toGrayscale');
  if (image.format === 'gray') return image;
  const src = image.data;
  const data = new Uint8Array(src.length / 3);
  // Integer weights summing to 2^16 keep the loop free of floating point.
  const [wr, wb] = image.format === 'rgb' ? [19595, 7471] : [7471, 19595];
  for (let i = 0, o = 0; o < data.length; i += 3, o++) {
    data[o] = (wr * src[i]! + 38470 * src[i + 1]! + wb * src[i + 2]! + 32768) >>> 16;
  }
  return { data, width: image.width, height: image.height, format: 'gray' };
}
