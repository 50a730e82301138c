/**
 * Vision nodes for launch files: an image folder source (a folder replayed as a camera) and a
 * colour blob detector (camera frames to `vision_msgs/Detection2DArray`).
 */
export { VISION_NODE_CODES, VisionNodeParamsError } from './vision-node-errors.js';
export { IMAGE_FILE_EXTENSIONS, listImageFiles, resolveImageFolder } from './image-folder.js';
export { imageFolderSource, imageFolderSourceParams } from './image-folder-source-plugin.js';
export type { ImageFolderSourceParams, ImageFolderSourceState } from './image-folder-source-plugin.js';
export { colorBlobDetector, colorBlobDetectorParams } from './color-blob-detector-plugin.js';
export type { ColorBlobDetectorParams, ColorBlobDetectorState } from './color-blob-detector-plugin.js';
