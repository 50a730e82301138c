import { hasErrorCode } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { swapRedBlue, toGrayscale, toRgb } from './convert-color.js';
import { cropImage } from './crop-image.js';
import { decodeImage } from './decode-image.js';
import { ImageOptionsError } from './image-errors.js';
import { SCENE_RECTS, rgbAt, sceneBytes } from './testing/test-scene.js';

const scene = async () => decodeImage(await sceneBytes('png'));

describe('cropImage', () => {
  it('cuts out a region of interest: the blue rectangle with a one-pixel white frame', async () => {
    const { blue } = SCENE_RECTS;
    const roi = cropImage(await scene(), {
      x: blue.x - 1,
      y: blue.y - 1,
      width: blue.width + 2,
      height: blue.height + 2,
    });
    expect(roi).toMatchObject({ width: 26, height: 14, format: 'rgb' });
    expect(roi.data.length).toBe(26 * 14 * 3);
    expect(rgbAt(roi.data, 26, 0, 0)).toEqual([255, 255, 255]);
    expect(rgbAt(roi.data, 26, 1, 1)).toEqual([0, 0, 255]);
    expect(rgbAt(roi.data, 26, 24, 12)).toEqual([0, 0, 255]);
    expect(rgbAt(roi.data, 26, 25, 13)).toEqual([255, 255, 255]);
  });

  it('crops gray images and the whole image', async () => {
    const gray = toGrayscale(await scene());
    const { red } = SCENE_RECTS;
    const roi = cropImage(gray, { x: red.x, y: red.y, width: 2, height: 2 });
    expect(Array.from(roi.data)).toEqual([76, 76, 76, 76]);
    expect(cropImage(gray, { x: 0, y: 0, width: 64, height: 48 }).data).toEqual(gray.data);
  });

  it('rejects regions outside the image, empty or fractional, saying what fits', async () => {
    const image = await scene();
    for (const region of [
      { x: 60, y: 0, width: 8, height: 8 },
      { x: -1, y: 0, width: 8, height: 8 },
      { x: 0, y: 0, width: 0, height: 8 },
      { x: 0.5, y: 0, width: 8, height: 8 },
    ]) {
      expect(() => cropImage(image, region)).toThrow(ImageOptionsError);
    }
    let error: unknown;
    try {
      cropImage(image, { x: 60, y: 0, width: 8, height: 8 });
    } catch (e) {
      error = e;
    }
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_IMAGE_OPTIONS')).toBe(true);
    expect((error as Error).message).toMatch(/not inside the 64x48 image; expected .*x \+ width <= image width/);
  });
});

describe('colour conversion', () => {
  it('swaps red and blue both ways and back', async () => {
    const rgb = await scene();
    const bgr = swapRedBlue(rgb);
    expect(bgr.format).toBe('bgr');
    expect(rgbAt(bgr.data, 64, 10, 10)).toEqual([0, 0, 255]); // the red square, stored B, G, R
    expect(rgbAt(bgr.data, 64, 46, 32)).toEqual([0, 128, 255]); // orange
    const back = swapRedBlue(bgr);
    expect(back.format).toBe('rgb');
    expect(back.data).toEqual(rgb.data);
    expect(toRgb(bgr).data).toEqual(rgb.data);
    expect(toRgb(rgb)).toBe(rgb);
  });

  it('converts to BT.601 gray from RGB and BGR alike, and back to RGB', async () => {
    const rgb = await scene();
    const gray = toGrayscale(rgb);
    expect(gray.format).toBe('gray');
    expect(gray.data.length).toBe(64 * 48);
    // 0.299 R + 0.587 G + 0.114 B: white 255, red 76, green 150, blue 29, orange 151.
    for (const [x, y, expected] of [
      [0, 0, 255],
      [10, 10, 76],
      [42, 10, 150],
      [10, 30, 29],
      [46, 32, 151],
    ] as const) {
      expect(gray.data[y * 64 + x], `${x},${y}`).toBe(expected);
    }
    expect(toGrayscale(swapRedBlue(rgb)).data).toEqual(gray.data);
    expect(rgbAt(toRgb(gray).data, 64, 10, 10)).toEqual([76, 76, 76]);
  });
});
