import { assertRawImage, assertTargetSize, type RawImage } from './raw-image.js';
import { rawFromSharp, sharpFromRaw } from './sharp-raw.js';

/** Interpolation used when resizing: sharp's kernels, from fastest to sharpest. */
export type ResizeKernel = 'nearest' | 'linear' | 'cubic' | 'lanczos3';

/** Where {@link resizeImage} resizes to. */
export interface ResizeOptions {
  /** Output columns (whole number, at least 1). */
  readonly width: number;
  /** Output rows (whole number, at least 1). */
  readonly height: number;
  /** Interpolation; default `linear` (bilinear, what most detectors were trained with). */
  readonly kernel?: ResizeKernel;
}

/**
 * Resizes `image` to exactly `width`×`height` (the aspect ratio may change; see
 * {@link letterboxImage} to keep it), in the same pixel format.
 *
 * @throws ImageEmptyError, ImageLayoutError for a bad input image; ImageOptionsError for a bad size.
 * @example
 * ```ts
 * const small = await resizeImage(frame, { width: 224, height: 224 });
 * ```
 */
export async function resizeImage(image: RawImage, options: ResizeOptions): Promise<RawImage> {
  assertRawImage(image, 'resizeImage');
  assertTargetSize(options.width, options.height, 'resizeImage');
  const pipeline = sharpFromRaw(image).resize(options.width, options.height, {
    fit: 'fill',
    kernel: options.kernel ?? 'linear',
  });
  return rawFromSharp(pipeline, image.format);
}
