import sharp from 'sharp';
import { bench, describe } from 'vitest';
import { pHash, sobelEdges, toGray } from '../../plugins/vision/src/features/index.js';
import type { RgbImage } from '../../plugins/vision/src/features/index.js';
import { SCENE_SVG, renderSvg } from '../../plugins/vision/src/features/testing/render-svg.js';
import { median, round3, writeResult } from './bench-helpers.js';

/**
 * pHash and Sobel edges of a 320×240 RGB image against straightforward baselines in the same
 * process: pHash as sharp (greyscale + 32×32 resize) followed by a textbook full 32×32 DCT-II;
 * Sobel as a naive per-pixel 3×3 kernel loop with a clamped pixel getter, and as sharp's native
 * `convolve` (two passes, gx and gy, magnitude combined in JS).
 */
const image: RgbImage = await renderSvg(SCENE_SVG);
let sink = 0;

async function naivePHash(input: RgbImage): Promise<bigint> {
  const small = await sharp(input.data, { raw: { width: input.width, height: input.height, channels: 3 } })
    .greyscale()
    .resize(32, 32, { fit: 'fill' })
    .raw()
    .toBuffer();
  const dct: number[][] = [];
  for (let v = 0; v < 32; v++) {
    dct.push([]);
    for (let u = 0; u < 32; u++) {
      let sum = 0;
      for (let y = 0; y < 32; y++) {
        for (let x = 0; x < 32; x++) {
          sum +=
            small[y * 32 + x]! *
            Math.cos(((2 * x + 1) * u * Math.PI) / 64) *
            Math.cos(((2 * y + 1) * v * Math.PI) / 64);
        }
      }
      dct[v]!.push(sum);
    }
  }
  const block = dct.slice(0, 8).flatMap((row) => row.slice(0, 8));
  const sorted = block.slice(1).sort((a, b) => a - b);
  const middle = (sorted[31]! + sorted[32]!) / 2;
  return block.reduce((hash, c) => (hash << 1n) | (c > middle ? 1n : 0n), 0n);
}

function naiveSobel(input: RgbImage): Float32Array {
  const gray = toGray(input);
  const at = (x: number, y: number): number =>
    gray.data[Math.min(gray.height - 1, Math.max(0, y)) * gray.width + Math.min(gray.width - 1, Math.max(0, x))]!;
  const kx = [
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ];
  const ky = [
    [-1, -2, -1],
    [0, 0, 0],
    [1, 2, 1],
  ];
  const out = new Float32Array(gray.width * gray.height);
  for (let y = 0; y < gray.height; y++) {
    for (let x = 0; x < gray.width; x++) {
      let gx = 0;
      let gy = 0;
      for (let j = -1; j <= 1; j++) {
        for (let i = -1; i <= 1; i++) {
          gx += kx[j + 1]![i + 1]! * at(x + i, y + j);
          gy += ky[j + 1]![i + 1]! * at(x + i, y + j);
        }
      }
      out[y * gray.width + x] = Math.hypot(gx, gy);
    }
  }
  return out;
}

async function sharpSobel(input: RgbImage): Promise<Float32Array> {
  const grey = sharp(input.data, { raw: { width: input.width, height: input.height, channels: 3 } }).greyscale();
  // Offset 128 and scale 1/8 keep signed gradients inside 8 bits.
  const pass = (kernel: number[]) =>
    grey.clone().convolve({ width: 3, height: 3, kernel, scale: 8, offset: 128 }).raw().toBuffer();
  const [gx, gy] = await Promise.all([pass([-1, 0, 1, -2, 0, 2, -1, 0, 1]), pass([-1, -2, -1, 0, 0, 0, 1, 2, 1])]);
  const out = new Float32Array(input.width * input.height);
  for (let p = 0; p < out.length; p++) out[p] = Math.hypot((gx[p]! - 128) * 8, (gy[p]! - 128) * 8);
  return out;
}

async function timeMs(run: () => unknown): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/** Alternates the variants round by round so machine noise hits them alike; median ms of each. */
async function compare(variants: Record<string, () => unknown>, rounds: number): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < rounds + 5; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const ms = await timeMs(run);
      if (round >= 5) samples[name]!.push(ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, round3(median(values))]));
}

const hashes = await compare(
  {
    pHash: () => (sink += Number(pHash(image) & 1n)),
    sharpPlusNaiveDct: async () => (sink += Number((await naivePHash(image)) & 1n)),
  },
  40,
);
const edges = await compare(
  {
    sobelEdges: () => (sink += sobelEdges(image).density),
    naiveSobel: () => (sink += naiveSobel(image)[0]!),
    sharpConvolve: async () => (sink += (await sharpSobel(image))[0]!),
  },
  40,
);
writeResult('image-features', {
  unit: 'ms per 320x240 rgb image (median of 40 alternating rounds)',
  baseline:
    'pHash: sharp greyscale+resize 32x32 then a full 32x32 DCT-II; Sobel: naive 3x3 kernel loop, and sharp convolve (gx, gy) with the magnitude in JS; same process',
  pHash: hashes,
  sobel: edges,
  ratios: {
    pHashSpeedupVsSharpNaiveDct: round3(hashes.sharpPlusNaiveDct! / hashes.pHash!),
    sobelSpeedupVsNaive: round3(edges.naiveSobel! / edges.sobelEdges!),
    sobelSpeedupVsSharpConvolve: round3(edges.sharpConvolve! / edges.sobelEdges!),
  },
  sink: sink > 0,
});

describe('image features, 320x240', () => {
  bench('pHash', () => void pHash(image), { time: 300 });
  bench('sharp resize + naive DCT pHash', async () => void (await naivePHash(image)), { time: 300 });
  bench('sobelEdges', () => void sobelEdges(image), { time: 300 });
  bench('naive Sobel', () => void naiveSobel(image), { time: 300 });
  bench('sharp convolve Sobel', async () => void (await sharpSobel(image)), { time: 300 });
});
