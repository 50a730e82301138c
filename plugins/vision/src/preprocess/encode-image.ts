import type { sensor_msgs, std_msgs } from '@omnimind/core';
import { toRgb } from './convert-color.js';
import { ImageOptionsError } from './image-errors.js';
import { assertRawImage, type RawImage } from './raw-image.js';
import { plainBytes, sharpFromRaw } from './sharp-raw.js';

/** Formats {@link encodeImage} writes. */
export type OutputImageFormat = 'jpeg' | 'webp' | 'png';

/** Options of {@link encodeImage} and {@link encodeCompressedImage}. */
export interface EncodeOptions {
  /** Container format; default `jpeg`. */
  readonly format?: OutputImageFormat;
  /** Quality 1..100 for JPEG and lossy WebP; default 80. Ignored for PNG. */
  readonly quality?: number;
  /** WebP without loss (quality is then ignored); default false. */
  readonly lossless?: boolean;
}

/**
 * Encodes `image` to JPEG, WebP or PNG bytes with sharp (a BGR image is written as the colours it
 * shows, a gray image as a one-channel image).
 *
 * @throws ImageOptionsError for a quality outside 1..100 or an unknown format.
 */
export async function encodeImage(image: RawImage, options: EncodeOptions = {}): Promise<Uint8Array> {
  assertRawImage(image, 'encodeImage');
  const format = options.format ?? 'jpeg';
  const quality = options.quality ?? 80;
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
    throw new ImageOptionsError(`encodeImage: quality is ${quality}; expected a whole number 1..100`, {
      details: { quality },
    });
  }
  const pipeline = sharpFromRaw(image.format === 'bgr' ? toRgb(image) : image);
  switch (format) {
    case 'jpeg':
      return plainBytes(await pipeline.jpeg({ quality }).toBuffer());
    case 'webp':
      return plainBytes(await pipeline.webp({ quality, lossless: options.lossless ?? false }).toBuffer());
    case 'png':
      return plainBytes(await pipeline.png().toBuffer());
    default:
      throw new ImageOptionsError(`encodeImage: format '${String(format)}'; expected 'jpeg', 'webp' or 'png'`, {
        details: { format },
      });
  }
}

/**
 * A `sensor_msgs/CompressedImage` of `image`; `format` is `jpeg`, `webp` or `png`, the names
 * Foxglove and image_transport's viewers read.
 *
 * @example
 * ```ts
 * const compressed = await encodeCompressedImage(frame, { stamp, frame_id: 'camera' }, { quality: 70 });
 * bus.publish(compressedTopic, compressed);
 * ```
 */
export async function encodeCompressedImage(
  image: RawImage,
  header: std_msgs.Header,
  options: EncodeOptions = {},
): Promise<sensor_msgs.CompressedImage> {
  const data = await encodeImage(image, options);
  return { header, format: options.format ?? 'jpeg', data };
}
