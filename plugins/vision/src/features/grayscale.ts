import { assertRgbImage, type RgbImage } from './rgb-image.js';

/** A single-channel image of floating-point intensities (0–255 for 8-bit sources), row-major. */
export interface GrayImage {
  /** Intensities, `width × height` long. */
  readonly data: Float32Array;
  /** Pixels per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
}

/**
 * Luma of each pixel (ITU-R BT.601 weights 0.299 r + 0.587 g + 0.114 b, the weights sharp and
 * OpenCV use), 0–255.
 */
export function toGray(image: RgbImage): GrayImage {
  assertRgbImage(image, 'toGray');
  const { data: rgb, width, height } = image;
  const gray = new Float32Array(width * height);
  for (let p = 0, i = 0; p < gray.length; p++, i += 3) {
    gray[p] = 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
  }
  return { data: gray, width, height };
}
