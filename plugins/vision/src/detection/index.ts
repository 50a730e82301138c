export { DetectionError, InvalidDetectionOptions, ModelShapeError } from './detection-errors.js';
export { toDetection2DArray, type ImageDetection } from './detection-message.js';
export {
  letterboxToOriginal,
  originalToLetterbox,
  validateDetectionLetterbox,
  type BoxCorners,
  type DetectionLetterbox,
} from './letterbox-transform.js';
export {
  intersectionOverUnion,
  nonMaxSuppression,
  validateNmsOptions,
  type NmsOptions,
} from './non-max-suppression.js';
export { createYoloCandidates, decodeYoloCandidates, type YoloCandidates } from './yolo-candidates.js';
export { YoloDecoder, type YoloDecoderOptions, type YoloOutputTensor } from './yolo-decoder.js';
export {
  checkYoloModel,
  type ModelInputsOutputs,
  type ModelValueInfo,
  type YoloModelCheckOptions,
  type YoloModelInfo,
} from './yolo-model-check.js';
export {
  describeYoloOutput,
  matchYoloOutput,
  type YoloLayout,
  type YoloOutputShape,
  type YoloOutputShapeOptions,
} from './yolo-output-shape.js';
