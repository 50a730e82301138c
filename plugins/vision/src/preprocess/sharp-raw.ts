import sharp from 'sharp';
import { channelsOf, type PixelFormat, type RawImage } from './raw-image.js';

/** A sharp pipeline (sharp's CommonJS typings expose the type only through the function). */
export type SharpPipeline = ReturnType<typeof sharp>;

/** A colour as sharp's `extend` background takes it. */
export interface SharpColor {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly alpha: number;
}

/** A sharp pipeline reading `image`'s pixels as they are (no colour management, no decoding). */
export function sharpFromRaw(image: RawImage): SharpPipeline {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: channelsOf(image.format) } });
}

/** Runs `pipeline` to raw bytes and wraps them as a {@link RawImage} of `format`. */
export async function rawFromSharp(pipeline: SharpPipeline, format: PixelFormat): Promise<RawImage> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data: plainBytes(data), width: info.width, height: info.height, format };
}

/**
 * The bytes of a Node Buffer as a plain Uint8Array over the same memory (no copy), so images and
 * messages hold one array type whatever made them.
 */
export function plainBytes(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** An RGB colour as sharp wants it, in the channel order of `format` (gray uses BT.601 luma). */
export function colorFor(format: PixelFormat, rgb: readonly [number, number, number]): SharpColor {
  const [r, g, b] = rgb;
  if (format === 'bgr') return { r: b, g, b: r, alpha: 1 };
  if (format === 'gray') {
    const y = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    return { r: y, g: y, b: y, alpha: 1 };
  }
  return { r, g, b, alpha: 1 };
}
