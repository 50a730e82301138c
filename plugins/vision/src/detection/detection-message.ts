import type { std_msgs, vision_msgs } from '@omnimind/core';
import type { BoxCorners } from './letterbox-transform.js';

/** One detected object in image pixels, before it becomes a message. */
export interface ImageDetection extends BoxCorners {
  /** Confidence in 0..1. */
  readonly score: number;
  /** Index of the class in the model's class list. */
  readonly classId: number;
  /** Name of the class (the class list entry, or the index as text when there is no list). */
  readonly className: string;
}

/**
 * Builds a `vision_msgs/Detection2DArray` from detections: each becomes a `Detection2D` with the
 * given header, an axis-aligned bbox (centre, `size_x` = width, `size_y` = height, theta 0) and one
 * hypothesis whose `class_id` is the class name. The pose of the hypothesis is left at zero.
 *
 * @example
 * const msg = toDetection2DArray(image.header, [{ x1: 10, y1: 20, x2: 30, y2: 60, score: 0.9, classId: 0, className: 'person' }]);
 * // msg.detections[0].bbox → { center: { position: { x: 20, y: 40 }, theta: 0 }, size_x: 20, size_y: 40 }
 */
export function toDetection2DArray(
  header: std_msgs.Header,
  detections: readonly ImageDetection[],
): vision_msgs.Detection2DArray {
  return { header, detections: detections.map((detection) => toDetection2D(header, detection)) };
}

function toDetection2D(header: std_msgs.Header, detection: ImageDetection): vision_msgs.Detection2D {
  const { x1, y1, x2, y2 } = detection;
  return {
    header,
    results: [
      {
        hypothesis: { class_id: detection.className, score: detection.score },
        pose: {
          pose: { position: { x: 0, y: 0, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
          covariance: new Float64Array(36),
        },
      },
    ],
    bbox: {
      center: { position: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 }, theta: 0 },
      size_x: x2 - x1,
      size_y: y2 - y1,
    },
    id: '',
  };
}
