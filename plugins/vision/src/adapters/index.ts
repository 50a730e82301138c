/**
 * Model adapters: the `yolo_detector` node (a YOLO ONNX model on a camera stream) and the
 * classification helpers (top-k over logits or probabilities, classifier model check).
 */
export { ADAPTER_CODES, DetectorParamsError, InvalidClassifyOptions } from './adapter-errors.js';
export { readClassFile, resolveClassNames } from './class-names.js';
export { toDetectionLetterbox } from './detector-letterbox.js';
export { openYoloDetectorModel } from './yolo-detector-model.js';
export type { OpenYoloDetectorOptions, YoloDetectorModel } from './yolo-detector-model.js';
export { yoloDetectorParams } from './yolo-detector-params.js';
export type { YoloDetectorParams } from './yolo-detector-params.js';
export { yoloDetector } from './yolo-detector-plugin.js';
export type { YoloDetectorState } from './yolo-detector-plugin.js';
export { classifyTopK, toClassificationMessage } from './classify-top-k.js';
export type { ClassScore, ClassifyOptions } from './classify-top-k.js';
export { checkClassifierModel } from './classifier-model-check.js';
export type { ClassifierModelInfo } from './classifier-model-check.js';
