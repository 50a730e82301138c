import sharp from 'sharp';
import { createRawImage, type RawImage } from '../../preprocess/index.js';

/** Renders `lines` as black DejaVu Sans text on white, one line under another, to RGB pixels. */
export async function renderText(
  lines: readonly string[],
  options: { width?: number; height?: number; fontSize?: number } = {},
): Promise<RawImage> {
  const width = options.width ?? 480;
  const fontSize = options.fontSize ?? 40;
  const height = options.height ?? Math.round(fontSize * 1.8 * lines.length + fontSize);
  const texts = lines
    .map(
      (line, i) =>
        `<text x="24" y="${Math.round(fontSize * 1.4 + i * fontSize * 1.8)}" font-family="DejaVu Sans" font-size="${fontSize}" fill="#000">${line}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${texts}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return createRawImage(new Uint8Array(data.buffer, data.byteOffset, data.length), info.width, info.height, 'rgb');
}

/** Adds deterministic pseudo-Gaussian noise (sum of uniforms, standard deviation `sigma`) to every byte. */
export function addNoise(image: RawImage, sigma: number, seed = 1): RawImage {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) {
    // Four uniforms summed have variance 4/12; scaled to unit variance it is close to Gaussian.
    const gaussian = (uniform() + uniform() + uniform() + uniform() - 2) * Math.sqrt(3);
    data[i] = Math.min(255, Math.max(0, Math.round((image.data[i] ?? 0) + gaussian * sigma)));
  }
  return { ...image, data };
}
