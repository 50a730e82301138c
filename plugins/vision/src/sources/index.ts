/**
 * More camera sources for launch files: a live V4L2 camera read through ffmpeg and a single image
 * published on request.
 */
export { VISION_SOURCE_CODES, VisionSourceError } from './source-errors.js';
export { findExecutable } from './find-executable.js';
export { ffmpegCameraArgs } from './ffmpeg-args.js';
export type { FfmpegCameraOptions } from './ffmpeg-args.js';
export { RawFrameSplitter } from './raw-frame-splitter.js';
export { v4l2Camera, v4l2CameraParams } from './v4l2-camera-plugin.js';
export type { V4l2CameraParams, V4l2CameraState } from './v4l2-camera-plugin.js';
export { singleImage, singleImageParams } from './single-image-plugin.js';
export type { SingleImageParams, SingleImageState } from './single-image-plugin.js';
