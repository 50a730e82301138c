import type { sensor_msgs } from '@omnimind/core';
import sharp from 'sharp';
import { ImageCorruptError, ImageEmptyError, ImageEncodingError } from './image-errors.js';
import type { RawImage } from './raw-image.js';
import { toGrayscale } from './convert-color.js';
import { plainBytes } from './sharp-raw.js';

/** Container formats {@link decodeImage} reads. */
export type EncodedImageFormat = 'jpeg' | 'png' | 'webp';

/** Options of {@link decodeImage}. */
export interface DecodeOptions {
  /** Output pixels: `rgb` (default) or `gray` (BT.601 luma, one byte per pixel). */
  readonly format?: 'rgb' | 'gray';
}

const SIGNATURES: ReadonlyArray<{ format: EncodedImageFormat; bytes: ReadonlyArray<number | undefined> }> = [
  { format: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { format: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // RIFF, 4 bytes of length, WEBP.
  {
    format: 'webp',
    bytes: [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50],
  },
];

/**
 * The container format of encoded image bytes, by their signature; `undefined` when they are
 * neither JPEG, PNG nor WebP.
 */
export function sniffImageFormat(bytes: Uint8Array): EncodedImageFormat | undefined {
  return SIGNATURES.find((s) => s.bytes.length <= bytes.length && matchesPrefix(bytes, s.bytes))?.format;
}

function matchesPrefix(bytes: Uint8Array, signature: ReadonlyArray<number | undefined>): boolean {
  const n = Math.min(bytes.length, signature.length);
  for (let i = 0; i < n; i++) {
    const expected = signature[i];
    if (expected !== undefined && bytes[i] !== expected) return false;
  }
  return true;
}

function hexHead(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * Decodes JPEG, PNG or WebP bytes into RGB (or gray) pixels with sharp. Alpha is dropped, gray
 * and palette images are expanded to RGB, and EXIF orientation is not applied (a camera frame's
 * pixels are used as they were taken).
 *
 * @throws ImageEmptyError for zero bytes; ImageEncodingError for another format (GIF, TIFF, text...);
 *   ImageCorruptError for bytes that are corrupt or cut off.
 * @example
 * ```ts
 * const image = await decodeImage(await readFile('frame.jpg'));
 * ```
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): Promise<RawImage> {
  if (bytes.length === 0) {
    throw new ImageEmptyError('decodeImage: got 0 bytes; expected a JPEG, PNG or WebP image');
  }
  const format = sniffImageFormat(bytes);
  if (format === undefined) {
    const truncatedSignature = SIGNATURES.find((s) => bytes.length < s.bytes.length && matchesPrefix(bytes, s.bytes));
    if (truncatedSignature !== undefined) {
      throw new ImageCorruptError(
        `decodeImage: ${bytes.length} bytes is only the start of a ${truncatedSignature.format.toUpperCase()} signature; the data is cut off`,
        { details: { format: truncatedSignature.format, bytes: bytes.length } },
      );
    }
    throw new ImageEncodingError(
      `decodeImage: bytes start with ${hexHead(bytes)}; expected a JPEG (ff d8 ff), PNG (89 50 4e 47) or WebP (RIFF....WEBP) image`,
      { details: { head: hexHead(bytes) } },
    );
  }
  let decoded: RawImage;
  try {
    const pipeline = sharp(bytes, { failOn: 'truncated' }).removeAlpha().toColourspace('srgb');
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    decoded = { data: plainBytes(data), width: info.width, height: info.height, format: 'rgb' };
  } catch (error) {
    throw new ImageCorruptError(
      `decodeImage: the ${bytes.length} bytes look like ${format.toUpperCase()} but do not decode ` +
        `(${error instanceof Error ? error.message.split('\n')[0] : String(error)}); expected a complete, valid image`,
      { cause: error, details: { format, bytes: bytes.length } },
    );
  }
  // libvips' own b-w conversion weighs linear light; BT.601 on the stored values matches OpenCV.
  return options.format === 'gray' ? toGrayscale(decoded) : decoded;
}

/**
 * Decodes a `sensor_msgs/CompressedImage` (JPEG, PNG or WebP in `data`; `format` is not trusted,
 * the bytes' signature decides).
 *
 * @throws the errors of {@link decodeImage}.
 */
export function decodeCompressedImage(
  message: sensor_msgs.CompressedImage,
  options: DecodeOptions = {},
): Promise<RawImage> {
  return decodeImage(message.data, options);
}
