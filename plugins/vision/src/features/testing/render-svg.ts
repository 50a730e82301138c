import sharp from 'sharp';
import type { RgbImage } from '../rgb-image.js';

/** Renders SVG markup to a raw RGB image with sharp (what tests use as real pictures). */
export async function renderSvg(svg: string): Promise<RgbImage> {
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
    channels: 3,
  };
}

/** Resizes an RGB image with sharp (its default Lanczos kernel). */
export async function resizeWithSharp(image: RgbImage, width: number, height: number): Promise<RgbImage> {
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
    channels: 3,
  };
}

/** A copy of `image` with uniform noise of ±`amplitude` per channel from a fixed seed. */
export function withNoise(image: RgbImage, amplitude: number, seed = 1): RgbImage {
  let state = seed >>> 0;
  const out = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = image.data[i]! + ((state / 4294967296) * 2 - 1) * amplitude;
  }
  return { ...image, data: new Uint8Array(out.buffer) };
}

/** An image of `width × height` pixels each coloured by `colorAt(x, y)`. */
export function imageFrom(
  width: number,
  height: number,
  colorAt: (x: number, y: number) => readonly number[],
): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(colorAt(x, y), (y * width + x) * 3);
  }
  return { data, width, height, channels: 3 };
}

/** A scene with shapes on a shaded background (flat areas would make dHash bits a coin toss). */
export const SCENE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f0f4ff"/><stop offset="1" stop-color="#607080"/></linearGradient></defs>
  <rect width="320" height="240" fill="url(#g)"/>
  <rect x="30" y="120" width="120" height="90" fill="#c03030"/>
  <circle cx="230" cy="90" r="55" fill="#2050c0"/>
  <polygon points="160,20 200,100 120,100" fill="#30a040"/>
  <rect x="0" y="210" width="320" height="30" fill="#505050"/>
</svg>`;

/** A different scene of the same size and palette. */
export const OTHER_SCENE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240">
  <defs><linearGradient id="g" x1="1" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f0f4ff"/><stop offset="1" stop-color="#607080"/></linearGradient></defs>
  <rect width="320" height="240" fill="url(#g)"/>
  <circle cx="80" cy="170" r="60" fill="#c03030"/>
  <rect x="170" y="20" width="130" height="70" fill="#d8e4f0"/>
  <polygon points="200,220 300,120 300,220" fill="#2050c0"/>
</svg>`;
