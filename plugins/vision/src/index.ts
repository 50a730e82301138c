/**
 * @omnimind/plugin-vision: image preprocessing (sharp), YOLO detection decoding, classical colour-blob
 * detection and image features for OmniMind robots.
 */
export * from './preprocess/index.js';
export * from './detection/index.js';
export * from './classical/index.js';
export * from './features/index.js';
export * from './inference/index.js';
export * from './nodes/index.js';
export * from './adapters/index.js';
export * from './ocr/index.js';
export * from './localisation/index.js';
export * from './sources/index.js';
