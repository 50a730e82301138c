/**
 * Image features over raw RGB buffers, in plain TypeScript: Sobel edges, LBP texture, colour
 * histograms, mirror symmetry, perceptual hashes (dHash, pHash) and vector similarity.
 */
export { ImageFeatureError, InvalidFeatureArgument, InvalidRgbImage } from './feature-errors.js';
export { assertRgbImage, rgbImageFromMessage } from './rgb-image.js';
export type { RgbImage } from './rgb-image.js';
export { toGray } from './grayscale.js';
export type { GrayImage } from './grayscale.js';
export { rgbToHsv, toHsvPlanes } from './hsv.js';
export type { HsvPlanes } from './hsv.js';
export { resizeGrayArea } from './area-resize.js';
export { DEFAULT_EDGE_THRESHOLD, sobelEdges } from './sobel-edges.js';
export type { SobelEdges, SobelOptions } from './sobel-edges.js';
export { UNIFORM_LBP_BINS, lbpHistogram, uniformLbpBin } from './lbp-histogram.js';
export type { LbpOptions } from './lbp-histogram.js';
export { colorHistogram } from './color-histogram.js';
export type { ColorHistogramOptions } from './color-histogram.js';
export { symmetryScore } from './symmetry-score.js';
export { dHash, pHash } from './perceptual-hash.js';
export { cosineSimilarity, hammingDistance } from './similarity.js';
