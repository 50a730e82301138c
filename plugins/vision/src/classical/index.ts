/**
 * Classical (model-free) detection: colour blobs by HSV ranges and connected components, matched
 * to the simulator's colour names, published as `vision_msgs/Detection2DArray`.
 */
export { InvalidBlobOptions, UnknownColorName } from './color-blob-errors.js';
export { DEFAULT_BLOB_COLORS, SIMULATOR_COLOR_RANGES, assertHsvRange, hsvInRange } from './color-ranges.js';
export type { HsvRange } from './color-ranges.js';
export { connectedComponents } from './connected-components.js';
export type { MaskComponent } from './connected-components.js';
export { DEFAULT_MIN_BLOB_AREA, blobsToDetections, detectColorBlobs } from './color-blob-detector.js';
export type { ColorBlob, ColorBlobOptions } from './color-blob-detector.js';
