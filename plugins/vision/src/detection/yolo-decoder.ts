import type { std_msgs, vision_msgs } from '@omnimind/core';
import { InvalidDetectionOptions, ModelShapeError } from './detection-errors.js';
import { toDetection2DArray, type ImageDetection } from './detection-message.js';
import { letterboxToOriginal, validateDetectionLetterbox, type DetectionLetterbox } from './letterbox-transform.js';
import { nonMaxSuppression, validateNmsOptions } from './non-max-suppression.js';
import { createYoloCandidates, decodeYoloCandidates, type YoloCandidates } from './yolo-candidates.js';
import { describeYoloOutput, type YoloLayout, type YoloOutputShape } from './yolo-output-shape.js';

/** Settings of a {@link YoloDecoder}. */
export interface YoloDecoderOptions {
  /**
   * Class names in model order (COCO's 80 for the stock models). Sets the class count, which the
   * output dims must then match, and the `class_id` of each hypothesis. Without it the class count
   * comes from the dims and `class_id` is the class index as text.
   */
  readonly classNames?: readonly string[] | undefined;
  /** Output layout; `'auto'` (default) detects it from the dims and the class count. */
  readonly layout?: YoloLayout | 'auto' | undefined;
  /** Minimum score kept, 0..1 (default 0.25). A score equal to it is kept. */
  readonly confidenceThreshold?: number | undefined;
  /** NMS IoU threshold, 0..1 (default 0.45): boxes overlapping more than this are suppressed. */
  readonly iouThreshold?: number | undefined;
  /** Keep at most this many detections per image (default 300). */
  readonly maxDetections?: number | undefined;
  /** Run NMS across classes instead of per class (default false). */
  readonly classAgnostic?: boolean | undefined;
}

/**
 * A YOLO output tensor: an onnxruntime `Tensor` fits as is. `data` must be a `Float32Array`
 * holding the product of `dims` elements.
 */
export interface YoloOutputTensor {
  /** Tensor dims, e.g. `[1, 84, 8400]`. */
  readonly dims: readonly number[];
  /** Tensor data; only float32 is accepted. */
  readonly data: unknown;
}

/**
 * Turns the raw output of a YOLO ONNX detector (v8/YOLO11 or v5 layout) into detections:
 * confidence filter, per-class NMS, letterbox undo and clipping, then a
 * `vision_msgs/Detection2DArray`. Buffers are kept between calls, so one decoder per stream.
 *
 * @example
 * const decoder = new YoloDecoder({ classNames: COCO_NAMES, confidenceThreshold: 0.3 });
 * const [output] = Object.values(await session.run({ images: input }));
 * const msg = decoder.decode(output, image.header, letterbox);
 */
export class YoloDecoder {
  private readonly classNames: readonly string[] | undefined;
  private readonly layout: YoloLayout | 'auto';
  private readonly confidenceThreshold: number;
  private readonly iouThreshold: number;
  private readonly maxDetections: number;
  private readonly classAgnostic: boolean;
  private candidates: YoloCandidates = createYoloCandidates(0);
  private lastDims: readonly number[] = [];
  private lastShape: YoloOutputShape | undefined;

  constructor(options: YoloDecoderOptions = {}) {
    this.classNames = options.classNames;
    this.layout = options.layout ?? 'auto';
    this.confidenceThreshold = options.confidenceThreshold ?? 0.25;
    this.iouThreshold = options.iouThreshold ?? 0.45;
    this.maxDetections = options.maxDetections ?? 300;
    this.classAgnostic = options.classAgnostic ?? false;
    if (!(this.confidenceThreshold >= 0 && this.confidenceThreshold <= 1)) {
      throw new InvalidDetectionOptions('confidenceThreshold', this.confidenceThreshold, 'a number in 0..1');
    }
    if (this.classNames !== undefined && this.classNames.length === 0) {
      throw new InvalidDetectionOptions('classNames', this.classNames, 'a non-empty list of class names');
    }
    validateNmsOptions({ iouThreshold: this.iouThreshold, maxDetections: this.maxDetections });
  }

  /**
   * Decodes one output tensor into a `Detection2DArray` stamped with `header`. With `letterbox`,
   * boxes are mapped back onto the original image and clipped to it (boxes left with no area are
   * dropped); without it they stay in model-input pixels.
   */
  decode(
    output: YoloOutputTensor,
    header: std_msgs.Header,
    letterbox?: DetectionLetterbox,
  ): vision_msgs.Detection2DArray {
    return toDetection2DArray(header, this.detect(output, letterbox));
  }

  /** Like {@link YoloDecoder.decode}, returning plain detections (best first) instead of a message. */
  detect(output: YoloOutputTensor, letterbox?: DetectionLetterbox): ImageDetection[] {
    if (letterbox) validateDetectionLetterbox(letterbox);
    const data = output.data;
    const shape = this.shapeOf(output.dims);
    if (!(data instanceof Float32Array)) {
      throw new ModelShapeError(
        `YOLO output data is ${describeData(data)}; expected a Float32Array (a float32 tensor)`,
        {
          dims: [...output.dims],
        },
      );
    }
    const channels = shape.layout === 'v8' ? 4 + shape.numClasses : 5 + shape.numClasses;
    const expectedLength = channels * shape.numCandidates;
    if (data.length !== expectedLength) {
      throw new ModelShapeError(
        `YOLO output data has ${data.length} elements; dims [${output.dims.join(', ')}] need ${expectedLength}`,
        { dims: [...output.dims], length: data.length, expected: expectedLength },
      );
    }
    if (this.candidates.scores.length < shape.numCandidates) {
      this.candidates = createYoloCandidates(shape.numCandidates);
    }
    const candidates = decodeYoloCandidates(data, shape, this.confidenceThreshold, this.candidates);
    const kept = nonMaxSuppression(candidates, {
      iouThreshold: this.iouThreshold,
      maxDetections: this.maxDetections,
      classAgnostic: this.classAgnostic,
    });
    const detections: ImageDetection[] = [];
    for (const i of kept) {
      const modelBox = {
        x1: candidates.boxes[i * 4]!,
        y1: candidates.boxes[i * 4 + 1]!,
        x2: candidates.boxes[i * 4 + 2]!,
        y2: candidates.boxes[i * 4 + 3]!,
      };
      const box = letterbox ? letterboxToOriginal(modelBox, letterbox) : modelBox;
      if (!(box.x2 > box.x1 && box.y2 > box.y1)) continue;
      const classId = candidates.classIds[i]!;
      detections.push({
        ...box,
        score: candidates.scores[i]!,
        classId,
        className: this.classNames?.[classId] ?? String(classId),
      });
    }
    return detections;
  }

  private shapeOf(dims: readonly number[]): YoloOutputShape {
    if (this.lastShape && sameDims(dims, this.lastDims)) return this.lastShape;
    const shape = describeYoloOutput(dims, { numClasses: this.classNames?.length, layout: this.layout });
    this.lastDims = [...dims];
    this.lastShape = shape;
    return shape;
  }
}

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function describeData(data: unknown): string {
  if (data === null || typeof data !== 'object') return typeof data;
  return data.constructor?.name ?? 'an object';
}
