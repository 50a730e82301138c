/** Image preprocessing for vision models: decode, resize, letterbox, crop, colour, tensors, encode. */
export {
  VisionImageError,
  ImageCorruptError,
  ImageEmptyError,
  ImageEncodingError,
  ImageLayoutError,
  ImageOptionsError,
  type VisionImageErrorOptions,
} from './image-errors.js';
export { channelsOf, createRawImage, type PixelFormat, type RawImage } from './raw-image.js';
export {
  decodeImage,
  decodeCompressedImage,
  sniffImageFormat,
  type DecodeOptions,
  type EncodedImageFormat,
} from './decode-image.js';
export { imageFromMessage, imageToMessage, SUPPORTED_IMAGE_ENCODINGS } from './image-message.js';
export { resizeImage, type ResizeKernel, type ResizeOptions } from './resize-image.js';
export { letterboxImage, type LetterboxOptions, type LetterboxResult } from './letterbox-image.js';
export { LetterboxTransform, type BoxMappingOptions, type LetterboxGeometry } from './letterbox-transform.js';
export { cropImage, type PixelRegion } from './crop-image.js';
export { swapRedBlue, toGrayscale, toRgb } from './convert-color.js';
export { imageToTensor, tensorDims, tensorSize, type TensorLayout, type TensorOptions } from './image-to-tensor.js';
export { encodeImage, encodeCompressedImage, type EncodeOptions, type OutputImageFormat } from './encode-image.js';
