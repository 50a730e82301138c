import { hasErrorCode } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { swapRedBlue, toGrayscale } from './convert-color.js';
import { decodeImage } from './decode-image.js';
import { ImageOptionsError } from './image-errors.js';
import { imageToTensor, tensorDims, tensorSize } from './image-to-tensor.js';
import { sceneBytes } from './testing/test-scene.js';

const scene = async () => decodeImage(await sceneBytes('png'));
const W = 64;
const H = 48;
const PLANE = W * H;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/** Known pixels of the scene: (x, y) and RGB. */
const KNOWN = [
  { x: 0, y: 0, rgb: [255, 255, 255] },
  { x: 10, y: 10, rgb: [255, 0, 0] },
  { x: 42, y: 10, rgb: [0, 255, 0] },
  { x: 10, y: 30, rgb: [0, 0, 255] },
  { x: 46, y: 32, rgb: [255, 128, 0] },
] as const;

function normalised(byte: number, c: number): number {
  return (byte / 255 - MEAN[c]!) / STD[c]!;
}

describe('imageToTensor', () => {
  it('writes NCHW planes with ImageNet mean/std at known pixels', async () => {
    const tensor = imageToTensor(await scene(), { layout: 'nchw', mean: MEAN, std: STD });
    expect(tensor.length).toBe(3 * PLANE);
    for (const { x, y, rgb } of KNOWN) {
      for (let c = 0; c < 3; c++) {
        expect(tensor[c * PLANE + y * W + x], `${x},${y} c${c}`).toBeCloseTo(normalised(rgb[c]!, c), 5);
      }
    }
  });

  it('writes NHWC interleaved with the same values', async () => {
    const image = await scene();
    const nhwc = imageToTensor(image, { layout: 'nhwc', mean: MEAN, std: STD });
    const nchw = imageToTensor(image, { mean: MEAN, std: STD });
    for (const { x, y, rgb } of KNOWN) {
      for (let c = 0; c < 3; c++) {
        expect(nhwc[(y * W + x) * 3 + c]).toBeCloseTo(normalised(rgb[c]!, c), 5);
        expect(nhwc[(y * W + x) * 3 + c]).toBe(nchw[c * PLANE + y * W + x]);
      }
    }
  });

  it('scales by 1/255 by default and keeps bytes with scale 1', async () => {
    const image = await scene();
    expect(imageToTensor(image)[10 * W + 10]).toBe(1);
    expect(imageToTensor(image)[PLANE + 10 * W + 10]).toBe(0);
    const raw = imageToTensor(image, { scale: 1, layout: 'nhwc' });
    expect(Array.from(raw.subarray((32 * W + 46) * 3, (32 * W + 46) * 3 + 3))).toEqual([255, 128, 0]);
  });

  it('orders channels as asked, whatever the image format', async () => {
    const rgb = await scene();
    const bgr = swapRedBlue(rgb);
    const fromRgb = imageToTensor(rgb, { channelOrder: 'bgr', scale: 1 });
    const fromBgr = imageToTensor(bgr, { channelOrder: 'bgr', scale: 1 });
    expect(fromBgr).toEqual(fromRgb);
    // Channel 0 is blue: the red square has 0 there and the blue rectangle 255.
    expect(fromRgb[10 * W + 10]).toBe(0);
    expect(fromRgb[30 * W + 10]).toBe(255);
    expect(imageToTensor(bgr, { scale: 1 })).toEqual(imageToTensor(rgb, { scale: 1 }));
  });

  it('fills one image of a batch at an offset, leaving the rest untouched', async () => {
    const image = await scene();
    const size = tensorSize(image);
    expect(tensorDims(image, 'nchw', 2)).toEqual([2, 3, H, W]);
    expect(tensorDims(image, 'nhwc')).toEqual([1, H, W, 3]);
    const batch = new Float32Array(2 * size).fill(-7);
    const returned = imageToTensor(image, { out: batch, offset: size, mean: MEAN, std: STD });
    expect(returned).toBe(batch);
    expect(batch[size - 1]).toBe(-7);
    expect(batch.subarray(size)).toEqual(imageToTensor(image, { mean: MEAN, std: STD }));
  });

  it('writes one channel for a gray image', async () => {
    const gray = toGrayscale(await scene());
    expect(tensorDims(gray)).toEqual([1, 1, H, W]);
    const tensor = imageToTensor(gray, { mean: [0.5], std: [0.5] });
    expect(tensor.length).toBe(PLANE);
    expect(tensor[0]).toBeCloseTo(1, 6);
    expect(tensor[10 * W + 10]).toBeCloseTo((76 / 255 - 0.5) / 0.5, 6);
  });

  it('rejects mean/std of the wrong length, a zero std, a zero scale and an output too small', async () => {
    const image = await scene();
    const bad = [
      { mean: [0.5], std: STD },
      { mean: MEAN, std: [0.2, 0, 0.2] },
      { scale: 0 },
      { out: new Float32Array(3 * PLANE), offset: 1 },
      { out: new Float32Array(3 * PLANE), offset: -1 },
    ];
    for (const options of bad) {
      expect(() => imageToTensor(image, options), JSON.stringify(Object.keys(options))).toThrow(ImageOptionsError);
    }
    let error: unknown;
    try {
      imageToTensor(image, { mean: [0.5], std: STD });
    } catch (e) {
      error = e;
    }
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_IMAGE_OPTIONS')).toBe(true);
    expect((error as Error).message).toMatch(/3 channel\(s\), expected one value per channel/);
  });
});
