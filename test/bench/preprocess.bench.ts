import sharp from 'sharp';
import { bench, describe } from 'vitest';
import { decodeImage, imageToTensor, letterboxImage } from '../../plugins/vision/src/preprocess/index.js';
import type { RawImage } from '../../plugins/vision/src/preprocess/index.js';
import { median, round3, writeResult } from './bench-helpers.js';

/**
 * Letterbox a 640×480 RGB frame to 320×320 (grey padding) and normalise it to an NCHW float32
 * tensor with ImageNet mean/std: sharp's resize plus `imageToTensor`, against a straightforward JS
 * bilinear resize loop that writes the same tensor directly (baseline, same process and run).
 */

const SIZE = 320;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];
const PAD = 114;

function frameSvg(): string {
  const shapes: string[] = [];
  for (let i = 0; i < 40; i++) {
    const x = (i * 97) % 600;
    const y = (i * 61) % 440;
    shapes.push(
      `<rect x="${x}" y="${y}" width="${40 + (i % 7) * 9}" height="${30 + (i % 5) * 11}" fill="hsl(${i * 37},80%,50%)"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><defs><linearGradient id="g"><stop offset="0" stop-color="#223"/><stop offset="1" stop-color="#ddc"/></linearGradient></defs><rect width="640" height="480" fill="url(#g)"/>${shapes.join('')}</svg>`;
}

const frame = await decodeImage(await sharp(Buffer.from(frameSvg())).png().toBuffer());

async function withSharp(image: RawImage, out: Float32Array): Promise<Float32Array> {
  const { image: boxed } = await letterboxImage(image, { width: SIZE, color: [PAD, PAD, PAD] });
  return imageToTensor(boxed, { mean: MEAN, std: STD, out });
}

/** Bilinear (pixel centres aligned) letterbox and normalisation in plain JS, straight into NCHW. */
function withJsLoop(image: RawImage, out: Float32Array): Float32Array {
  const { width: sw, height: sh, data } = image;
  const scale = Math.min(SIZE / sw, SIZE / sh);
  const cw = Math.round(sw * scale);
  const ch = Math.round(sh * scale);
  const left = Math.floor((SIZE - cw) / 2);
  const top = Math.floor((SIZE - ch) / 2);
  const plane = SIZE * SIZE;
  for (let c = 0; c < 3; c++) out.fill((PAD / 255 - MEAN[c]!) / STD[c]!, c * plane, (c + 1) * plane);
  const a = STD.map((s) => 1 / 255 / s);
  const b = MEAN.map((m, c) => -m / STD[c]!);
  for (let y = 0; y < ch; y++) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) / scale - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(sh - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < cw; x++) {
      const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) / scale - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(sw - 1, x0 + 1);
      const wx = fx - x0;
      const o = (top + y) * SIZE + left + x;
      for (let c = 0; c < 3; c++) {
        const p00 = data[(y0 * sw + x0) * 3 + c]!;
        const p01 = data[(y0 * sw + x1) * 3 + c]!;
        const p10 = data[(y1 * sw + x0) * 3 + c]!;
        const p11 = data[(y1 * sw + x1) * 3 + c]!;
        const v = (p00 * (1 - wx) + p01 * wx) * (1 - wy) + (p10 * (1 - wx) + p11 * wx) * wy;
        out[c * plane + o] = v * a[c]! + b[c]!;
      }
    }
  }
  return out;
}

const ours = new Float32Array(3 * SIZE * SIZE);
const theirs = new Float32Array(3 * SIZE * SIZE);

async function timeMs(run: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

const sharpTimes: number[] = [];
const jsTimes: number[] = [];
for (let round = 0; round < 45; round++) {
  // Alternate the order so machine noise hits both alike; the first 5 rounds warm up.
  const pair =
    round % 2 === 0
      ? [await timeMs(() => withSharp(frame, ours)), await timeMs(() => withJsLoop(frame, theirs))]
      : [await timeMs(() => withJsLoop(frame, theirs)), await timeMs(() => withSharp(frame, ours))].reverse();
  if (round >= 5) {
    sharpTimes.push(pair[0]!);
    jsTimes.push(pair[1]!);
  }
}
let diff = 0;
for (let i = 0; i < ours.length; i++) diff += Math.abs(ours[i]! - theirs[i]!);

writeResult('preprocess', {
  unit: 'ms per 640x480 rgb frame → letterboxed 320x320 NCHW float32, ImageNet mean/std (median of 40)',
  baseline: 'plain JS bilinear resize + pad + normalise loop writing the same tensor, same process',
  sharpLetterboxPlusTensorMs: round3(median(sharpTimes)),
  jsBilinearLoopMs: round3(median(jsTimes)),
  meanAbsDifference: round3(diff / ours.length),
  ratios: { speedupVsJsLoop: round3(median(jsTimes) / median(sharpTimes)) },
});

describe('letterbox 640x480 → 320x320 NCHW tensor', () => {
  bench('sharp letterboxImage + imageToTensor', async () => void (await withSharp(frame, ours)), { time: 500 });
  bench('JS bilinear loop', () => void withJsLoop(frame, theirs), { time: 500 });
});
