import type { vision_msgs } from '@omnimind/core';

/** The numbers that define a letterbox: how the original was scaled and where it was placed. */
export interface LetterboxGeometry {
  /** Size of the image before letterboxing. */
  readonly sourceWidth: number;
  readonly sourceHeight: number;
  /** Size of the letterboxed image (the model input). */
  readonly targetWidth: number;
  readonly targetHeight: number;
  /** Size of the resized original inside the letterbox. */
  readonly contentWidth: number;
  readonly contentHeight: number;
  /** Columns of padding left of the content, and rows above it. */
  readonly padLeft: number;
  readonly padTop: number;
}

/** Options of {@link LetterboxTransform.boxToOriginal}. */
export interface BoxMappingOptions {
  /** Clip the mapped box to the original image (default true): a box reaching into the padding ends at the edge. */
  readonly clip?: boolean;
}

/**
 * Maps coordinates between a letterboxed image and the original it was made from. Coordinates
 * are continuous pixel coordinates: (0, 0) is the top-left corner of the top-left pixel, and
 * (width, height) the bottom-right corner of the image.
 *
 * @example
 * ```ts
 * const { image, transform } = await letterboxImage(frame, { width: 320 });
 * const box = transform.boxToOriginal(detection.bbox); // in the frame's pixels
 * ```
 */
export class LetterboxTransform implements LetterboxGeometry {
  readonly sourceWidth: number;
  readonly sourceHeight: number;
  readonly targetWidth: number;
  readonly targetHeight: number;
  readonly contentWidth: number;
  readonly contentHeight: number;
  readonly padLeft: number;
  readonly padTop: number;
  /** Letterbox pixels per original pixel, along x and along y (equal up to the rounding of the content size). */
  readonly scaleX: number;
  readonly scaleY: number;

  constructor(geometry: LetterboxGeometry) {
    this.sourceWidth = geometry.sourceWidth;
    this.sourceHeight = geometry.sourceHeight;
    this.targetWidth = geometry.targetWidth;
    this.targetHeight = geometry.targetHeight;
    this.contentWidth = geometry.contentWidth;
    this.contentHeight = geometry.contentHeight;
    this.padLeft = geometry.padLeft;
    this.padTop = geometry.padTop;
    this.scaleX = geometry.contentWidth / geometry.sourceWidth;
    this.scaleY = geometry.contentHeight / geometry.sourceHeight;
  }

  /**
   * The letterbox geometry for fitting a `sourceWidth`×`sourceHeight` image into
   * `targetWidth`×`targetHeight`: scaled by the smaller ratio, rounded to whole pixels, centred.
   */
  static fit(sourceWidth: number, sourceHeight: number, targetWidth: number, targetHeight: number): LetterboxTransform {
    const scale = Math.min(targetWidth / sourceWidth, targetHeight / sourceHeight);
    const contentWidth = Math.min(targetWidth, Math.max(1, Math.round(sourceWidth * scale)));
    const contentHeight = Math.min(targetHeight, Math.max(1, Math.round(sourceHeight * scale)));
    return new LetterboxTransform({
      sourceWidth,
      sourceHeight,
      targetWidth,
      targetHeight,
      contentWidth,
      contentHeight,
      padLeft: Math.floor((targetWidth - contentWidth) / 2),
      padTop: Math.floor((targetHeight - contentHeight) / 2),
    });
  }

  /** Columns of padding right of the content. */
  get padRight(): number {
    return this.targetWidth - this.contentWidth - this.padLeft;
  }

  /** Rows of padding below the content. */
  get padBottom(): number {
    return this.targetHeight - this.contentHeight - this.padTop;
  }

  /** A point of the letterboxed image in the original image's pixels (may fall outside it, in the padding). */
  toOriginal(x: number, y: number): { x: number; y: number } {
    return { x: (x - this.padLeft) / this.scaleX, y: (y - this.padTop) / this.scaleY };
  }

  /** A point of the original image in the letterboxed image's pixels. */
  toLetterbox(x: number, y: number): { x: number; y: number } {
    return { x: x * this.scaleX + this.padLeft, y: y * this.scaleY + this.padTop };
  }

  /**
   * A box found in the letterboxed image, in the original image's pixels (a new box; the
   * rotation `theta` is kept as it is).
   */
  boxToOriginal(box: vision_msgs.BoundingBox2D, options: BoxMappingOptions = {}): vision_msgs.BoundingBox2D {
    const halfW = box.size_x / 2;
    const halfH = box.size_y / 2;
    const min = this.toOriginal(box.center.position.x - halfW, box.center.position.y - halfH);
    const max = this.toOriginal(box.center.position.x + halfW, box.center.position.y + halfH);
    if (options.clip ?? true) {
      min.x = clamp(min.x, 0, this.sourceWidth);
      min.y = clamp(min.y, 0, this.sourceHeight);
      max.x = clamp(max.x, 0, this.sourceWidth);
      max.y = clamp(max.y, 0, this.sourceHeight);
    }
    return cornersToBox(min, max, box.center.theta);
  }

  /** A box in the original image's pixels, in the letterboxed image's pixels (a new box). */
  boxToLetterbox(box: vision_msgs.BoundingBox2D): vision_msgs.BoundingBox2D {
    const halfW = box.size_x / 2;
    const halfH = box.size_y / 2;
    const min = this.toLetterbox(box.center.position.x - halfW, box.center.position.y - halfH);
    const max = this.toLetterbox(box.center.position.x + halfW, box.center.position.y + halfH);
    return cornersToBox(min, max, box.center.theta);
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function cornersToBox(
  min: { x: number; y: number },
  max: { x: number; y: number },
  theta: number,
): vision_msgs.BoundingBox2D {
  return {
    center: { position: { x: (min.x + max.x) / 2, y: (min.y + max.y) / 2 }, theta },
    size_x: max.x - min.x,
    size_y: max.y - min.y,
  };
}
