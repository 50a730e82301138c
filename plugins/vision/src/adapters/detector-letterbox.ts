import type { DetectionLetterbox } from '../detection/index.js';
import type { LetterboxTransform } from '../preprocess/index.js';

/**
 * The decoder's view of a preprocessing letterbox: the `LetterboxTransform` that `letterboxImage`
 * returned, as the `DetectionLetterbox` that `YoloDecoder` uses to map boxes back onto the frame.
 * The two scales are kept apart, since the content size is rounded to whole pixels.
 *
 * @example
 * ```ts
 * const { image, transform } = await letterboxImage(frame, { width: 640 });
 * const detections = decoder.decode(output, header, toDetectionLetterbox(transform));
 * ```
 */
export function toDetectionLetterbox(transform: LetterboxTransform): DetectionLetterbox {
  return {
    scale: transform.scaleX,
    scaleY: transform.scaleY,
    padX: transform.padLeft,
    padY: transform.padTop,
    originalWidth: transform.sourceWidth,
    originalHeight: transform.sourceHeight,
  };
}
