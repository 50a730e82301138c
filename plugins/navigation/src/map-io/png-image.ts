import { PNG } from 'pngjs';
import type { GrayImage } from './gray-image.js';
import { MAP_IO_CODES, imageError } from './map-io-errors.js';

/**
 * Decodes a PNG map image with `pngjs` (any bit depth, palette, grey or colour; 16-bit samples are
 * reduced to 8 bits). Colour pixels become the mean of R, G and B; the alpha channel is kept when
 * the image has one. A malformed PNG raises `OMNI_ERR_MAP_IMAGE_INVALID`.
 */
export function decodePng(bytes: Uint8Array, file = '<png>'): GrayImage {
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw imageError(
      MAP_IO_CODES.IMAGE_INVALID,
      `${file}: not a readable PNG image: ${(error as Error).message}`,
      undefined,
      error,
    );
  }
  const { width, height, data } = png;
  const count = width * height;
  const gray = new Float32Array(count);
  const alpha = png.alpha ? new Float32Array(count) : undefined;
  for (let i = 0; i < count; i++) {
    const r = data[4 * i]!;
    gray[i] = png.color ? (r + data[4 * i + 1]! + data[4 * i + 2]!) / 3 : r;
    if (alpha) alpha[i] = data[4 * i + 3]!;
  }
  return alpha ? { width, height, maxValue: 255, gray, alpha } : { width, height, maxValue: 255, gray };
}

/** Encodes 8-bit grey pixels (rows top to bottom) as a greyscale PNG. */
export function encodeGrayPng(width: number, height: number, pixels: Uint8Array): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    const v = pixels[i]!;
    png.data[4 * i] = v;
    png.data[4 * i + 1] = v;
    png.data[4 * i + 2] = v;
    png.data[4 * i + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 0 });
}
