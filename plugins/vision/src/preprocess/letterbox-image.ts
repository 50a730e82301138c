import { ImageOptionsError } from './image-errors.js';
import { LetterboxTransform } from './letterbox-transform.js';
import { assertRawImage, assertTargetSize, type RawImage } from './raw-image.js';
import type { ResizeKernel } from './resize-image.js';
import { colorFor, rawFromSharp, sharpFromRaw } from './sharp-raw.js';

/** Where and how {@link letterboxImage} fits an image. */
export interface LetterboxOptions {
  /** Output columns. */
  readonly width: number;
  /** Output rows; default `width` (a square). */
  readonly height?: number;
  /** Padding colour as RGB bytes (also for BGR and gray images); default [114, 114, 114], as YOLO models expect. */
  readonly color?: readonly [number, number, number];
  /** Interpolation; default `linear`. */
  readonly kernel?: ResizeKernel;
}

/** A letterboxed image and the transform that maps its coordinates back to the original. */
export interface LetterboxResult {
  readonly image: RawImage;
  readonly transform: LetterboxTransform;
}

/** Padding grey of the YOLO family's letterbox. */
const DEFAULT_PAD: readonly [number, number, number] = [114, 114, 114];

/**
 * Resizes `image` to fit inside `width`×`height` keeping its aspect ratio, centres it and pads
 * the rest with `color`, in one sharp pass. The transform maps points and boxes found in the
 * result back to `image`.
 *
 * @throws ImageEmptyError, ImageLayoutError for a bad input image; ImageOptionsError for a bad size or colour.
 * @example
 * ```ts
 * const { image: input, transform } = await letterboxImage(frame, { width: 640 });
 * const tensor = imageToTensor(input, { layout: 'nchw' });
 * // ...run the model, then: transform.boxToOriginal(box)
 * ```
 */
export async function letterboxImage(image: RawImage, options: LetterboxOptions): Promise<LetterboxResult> {
  assertRawImage(image, 'letterboxImage');
  const width = options.width;
  const height = options.height ?? options.width;
  assertTargetSize(width, height, 'letterboxImage');
  const color = options.color ?? DEFAULT_PAD;
  if (color.length !== 3 || color.some((c) => !Number.isInteger(c) || c < 0 || c > 255)) {
    throw new ImageOptionsError(`letterboxImage: color is [${color.join(', ')}]; expected three whole numbers 0..255`, {
      details: { color },
    });
  }
  const transform = LetterboxTransform.fit(image.width, image.height, width, height);
  let pipeline = sharpFromRaw(image);
  if (transform.contentWidth !== image.width || transform.contentHeight !== image.height) {
    pipeline = pipeline.resize(transform.contentWidth, transform.contentHeight, {
      fit: 'fill',
      kernel: options.kernel ?? 'linear',
    });
  }
  if (transform.contentWidth !== width || transform.contentHeight !== height) {
    pipeline = pipeline.extend({
      left: transform.padLeft,
      top: transform.padTop,
      right: transform.padRight,
      bottom: transform.padBottom,
      background: colorFor(image.format, color),
    });
  }
  // sharp pads a one-band image with a three-band colour and returns three bands.
  if (image.format === 'gray') pipeline = pipeline.extractChannel(0);
  return { image: await rawFromSharp(pipeline, image.format), transform };
}
