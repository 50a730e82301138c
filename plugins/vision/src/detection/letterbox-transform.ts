import { InvalidDetectionOptions } from './detection-errors.js';

/**
 * How an image was letterboxed into the model input: every original pixel coordinate `x` became
 * `x * scale + padX` (and `y * scaleY + padY`, `scaleY` defaulting to `scale`). The decoder uses
 * it to map boxes back onto the original image. The preprocessing `LetterboxTransform` class maps
 * onto it as `{ scale: t.scaleX, scaleY: t.scaleY, padX: t.padLeft, padY: t.padTop,
 * originalWidth: t.sourceWidth, originalHeight: t.sourceHeight }`.
 *
 * @example
 * // A 640×480 frame fitted into a 640×640 input: scale 1, 80 rows of padding above and below.
 * const transform: DetectionLetterbox = { scale: 1, padX: 0, padY: 80, originalWidth: 640, originalHeight: 480 };
 */
export interface DetectionLetterbox {
  /** Factor from original pixels to model-input pixels along x (and y unless `scaleY` is given), > 0. */
  readonly scale: number;
  /** Factor along y when it differs from `scale` (rounded letterbox content), > 0. */
  readonly scaleY?: number | undefined;
  /** Model-input pixels of padding left of the image. */
  readonly padX: number;
  /** Model-input pixels of padding above the image. */
  readonly padY: number;
  /** Width of the original image in pixels, > 0. */
  readonly originalWidth: number;
  /** Height of the original image in pixels, > 0. */
  readonly originalHeight: number;
}

/** An axis-aligned box by its corners, in pixels: `x1 ≤ x2`, `y1 ≤ y2`. */
export interface BoxCorners {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * Throws {@link InvalidDetectionOptions} unless `transform` has a positive finite scale, finite
 * paddings and positive finite original sizes.
 */
export function validateDetectionLetterbox(transform: DetectionLetterbox): void {
  const { scale, scaleY, padX, padY, originalWidth, originalHeight } = transform;
  if (!(scale > 0 && Number.isFinite(scale))) {
    throw new InvalidDetectionOptions('letterbox.scale', scale, 'a finite number > 0');
  }
  if (scaleY !== undefined && !(scaleY > 0 && Number.isFinite(scaleY))) {
    throw new InvalidDetectionOptions('letterbox.scaleY', scaleY, 'a finite number > 0');
  }
  if (!Number.isFinite(padX)) throw new InvalidDetectionOptions('letterbox.padX', padX, 'a finite number');
  if (!Number.isFinite(padY)) throw new InvalidDetectionOptions('letterbox.padY', padY, 'a finite number');
  if (!(originalWidth > 0 && Number.isFinite(originalWidth))) {
    throw new InvalidDetectionOptions('letterbox.originalWidth', originalWidth, 'a finite number > 0');
  }
  if (!(originalHeight > 0 && Number.isFinite(originalHeight))) {
    throw new InvalidDetectionOptions('letterbox.originalHeight', originalHeight, 'a finite number > 0');
  }
}

/**
 * Maps a box from model-input pixels back onto the original image and clips it to the image
 * (`0..originalWidth`, `0..originalHeight`). A box wholly in the padding comes back with zero width
 * or height.
 *
 * @example
 * letterboxToOriginal({ x1: 10, y1: 90, x2: 20, y2: 100 }, { scale: 1, padX: 0, padY: 80, originalWidth: 640, originalHeight: 480 });
 * // → { x1: 10, y1: 10, x2: 20, y2: 20 }
 */
export function letterboxToOriginal(box: BoxCorners, transform: DetectionLetterbox): BoxCorners {
  const { scale, padX, padY, originalWidth, originalHeight } = transform;
  const scaleY = transform.scaleY ?? scale;
  return {
    x1: clamp((box.x1 - padX) / scale, originalWidth),
    y1: clamp((box.y1 - padY) / scaleY, originalHeight),
    x2: clamp((box.x2 - padX) / scale, originalWidth),
    y2: clamp((box.y2 - padY) / scaleY, originalHeight),
  };
}

/** Maps a box from original-image pixels into model-input pixels (the forward letterbox). */
export function originalToLetterbox(box: BoxCorners, transform: DetectionLetterbox): BoxCorners {
  const { scale, padX, padY } = transform;
  const scaleY = transform.scaleY ?? scale;
  return {
    x1: box.x1 * scale + padX,
    y1: box.y1 * scaleY + padY,
    x2: box.x2 * scale + padX,
    y2: box.y2 * scaleY + padY,
  };
}

function clamp(value: number, max: number): number {
  return value < 0 ? 0 : value > max ? max : value;
}
