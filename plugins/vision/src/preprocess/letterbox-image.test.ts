import { hasErrorCode } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { toGrayscale, swapRedBlue } from './convert-color.js';
import { decodeImage } from './decode-image.js';
import { ImageEmptyError, ImageOptionsError } from './image-errors.js';
import { letterboxImage } from './letterbox-image.js';
import { LetterboxTransform } from './letterbox-transform.js';
import { createRawImage } from './raw-image.js';
import { resizeImage } from './resize-image.js';
import { SCENE_RECTS, rgbAt, sceneBytes } from './testing/test-scene.js';

function distance(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, v, i) => sum + (v - b[i]!) ** 2, 0);
}

const PALETTE: readonly (readonly number[])[] = [
  [255, 255, 255],
  [114, 114, 114],
  ...Object.values(SCENE_RECTS).map((r) => r.rgb),
];

/** The scene colour nearest to `rgb`: a resized edge pixel belongs to the side it looks most like. */
function nearestColor(rgb: readonly number[]): readonly number[] {
  return PALETTE.reduce((best, c) => (distance(rgb, c) < distance(rgb, best) ? c : best));
}

const scene = async () => decodeImage(await sceneBytes('png'));

describe('resizeImage', () => {
  it('resizes to exactly the size asked, keeping colours inside the rectangles', async () => {
    const small = await resizeImage(await scene(), { width: 32, height: 32 });
    expect(small).toMatchObject({ width: 32, height: 32, format: 'rgb' });
    expect(small.data.length).toBe(32 * 32 * 3);
    // Red spans x 8..24 of 64 → 4..12 of 32, y 8..24 of 48 → 5.3..16 of 32.
    expect(rgbAt(small.data, 32, 8, 10)).toEqual([255, 0, 0]);
    const doubled = await resizeImage(await scene(), { width: 128, height: 96, kernel: 'nearest' });
    expect(rgbAt(doubled.data, 128, 16, 16)).toEqual([255, 0, 0]);
    expect(rgbAt(doubled.data, 128, 15, 16)).toEqual([255, 255, 255]);
  });

  it('rejects a zero or fractional size', async () => {
    const image = await scene();
    await expect(resizeImage(image, { width: 0, height: 10 })).rejects.toBeInstanceOf(ImageOptionsError);
    await expect(resizeImage(image, { width: 10.5, height: 10 })).rejects.toThrow(/expected whole numbers/);
  });
});

describe('letterboxImage', () => {
  it('fits 64x48 into a 32x32 square: 32x24 content centred with 4 rows of padding above and below', async () => {
    const { image, transform } = await letterboxImage(await scene(), { width: 32 });
    expect(image).toMatchObject({ width: 32, height: 32, format: 'rgb' });
    expect(transform).toMatchObject({
      contentWidth: 32,
      contentHeight: 24,
      padLeft: 0,
      padTop: 4,
      scaleX: 0.5,
      scaleY: 0.5,
    });
    expect(transform.padBottom).toBe(4);
    for (const [x, y] of [
      [0, 0],
      [31, 3],
      [16, 28],
      [31, 31],
    ] as const) {
      expect(rgbAt(image.data, 32, x, y), `padding at ${x},${y}`).toEqual([114, 114, 114]);
    }
    expect(rgbAt(image.data, 32, 0, 4)).toEqual([255, 255, 255]);
    // The red square, 8..24 in the original, is 4..12 across and 8..16 down (4 + 4..12).
    expect(rgbAt(image.data, 32, 8, 12)).toEqual([255, 0, 0]);
    // The green square at 40..56 is 20..28 across.
    expect(rgbAt(image.data, 32, 24, 12)).toEqual([0, 255, 0]);
  });

  it('pads left and right for a tall target, with the colour asked', async () => {
    const { image, transform } = await letterboxImage(await scene(), { width: 96, height: 128, color: [10, 20, 30] });
    expect(transform).toMatchObject({ contentWidth: 96, contentHeight: 72, padLeft: 0, padTop: 28 });
    expect(rgbAt(image.data, 96, 50, 10)).toEqual([10, 20, 30]);
    const wide = await letterboxImage(await scene(), { width: 200, height: 60 });
    expect(wide.transform).toMatchObject({ contentWidth: 80, contentHeight: 60, padLeft: 60, padTop: 0 });
    expect(wide.transform.padRight).toBe(60);
    expect(rgbAt(wide.image.data, 200, 10, 30)).toEqual([114, 114, 114]);
    expect(rgbAt(wide.image.data, 200, 60 + 15, 15)).toEqual([255, 0, 0]);
  });

  it('maps each rectangle found in the letterbox back to the original to within a pixel', async () => {
    const { image, transform } = await letterboxImage(await scene(), { width: 320 });
    expect(transform).toMatchObject({ contentWidth: 320, contentHeight: 240, padTop: 40 });
    for (const [name, rect] of Object.entries(SCENE_RECTS)) {
      // Find the rectangle in the letterboxed pixels, as a detector would.
      let minX = Infinity,
        minY = Infinity,
        maxX = -Infinity,
        maxY = -Infinity;
      // Search 3 original pixels around where it should be (×5, 40 rows down): edges between two
      // other colours can blend into something near this one elsewhere.
      for (let y = Math.max(0, 40 + (rect.y - 3) * 5); y < Math.min(320, 40 + (rect.y + rect.height + 3) * 5); y++) {
        for (let x = Math.max(0, (rect.x - 3) * 5); x < Math.min(320, (rect.x + rect.width + 3) * 5); x++) {
          if (nearestColor(rgbAt(image.data, 320, x, y)) === rect.rgb) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x + 1);
            maxY = Math.max(maxY, y + 1);
          }
        }
      }
      const found = {
        center: { position: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, theta: 0 },
        size_x: maxX - minX,
        size_y: maxY - minY,
      };
      const back = transform.boxToOriginal(found);
      expect(Math.abs(back.center.position.x - (rect.x + rect.width / 2)), name).toBeLessThan(1);
      expect(Math.abs(back.center.position.y - (rect.y + rect.height / 2)), name).toBeLessThan(1);
      expect(Math.abs(back.size_x - rect.width), name).toBeLessThan(1);
      expect(Math.abs(back.size_y - rect.height), name).toBeLessThan(1);
    }
  });

  it('round-trips points and boxes exactly, and clips boxes reaching into the padding', () => {
    const transform = LetterboxTransform.fit(640, 480, 320, 320);
    expect(transform).toMatchObject({ scaleX: 0.5, scaleY: 0.5, padLeft: 0, padTop: 40 });
    expect(transform.toOriginal(160, 160)).toEqual({ x: 320, y: 240 });
    expect(transform.toLetterbox(320, 240)).toEqual({ x: 160, y: 160 });
    const box = { center: { position: { x: 100.5, y: 333.25 }, theta: 0.1 }, size_x: 40, size_y: 22 };
    expect(transform.boxToOriginal(transform.boxToLetterbox(box))).toEqual(box);
    // A box from letterbox row 20 to 60 starts in the top padding: clipped to row 0 of the original.
    const reaching = { center: { position: { x: 50, y: 40 }, theta: 0 }, size_x: 20, size_y: 40 };
    expect(transform.boxToOriginal(reaching)).toEqual({
      center: { position: { x: 100, y: 20 }, theta: 0 },
      size_x: 40,
      size_y: 40,
    });
    expect(transform.boxToOriginal(reaching, { clip: false }).size_y).toBe(80);
  });

  it('letterboxes gray and BGR images in their own format', async () => {
    const gray = await letterboxImage(toGrayscale(await scene()), { width: 32, color: [0, 0, 255] });
    expect(gray.image.format).toBe('gray');
    expect(gray.image.data.length).toBe(32 * 32);
    expect(gray.image.data[0]).toBe(29); // BT.601 luma of pure blue
    expect(gray.image.data[12 * 32 + 8]).toBe(76); // red square
    const bgr = await letterboxImage(swapRedBlue(await scene()), { width: 32, color: [255, 0, 0] });
    expect(bgr.image.format).toBe('bgr');
    expect(rgbAt(bgr.image.data, 32, 0, 0)).toEqual([0, 0, 255]);
    expect(rgbAt(bgr.image.data, 32, 8, 12)).toEqual([0, 0, 255]);
  });

  it('rejects a zero-size image, a bad target size and a bad colour', async () => {
    const empty = { data: new Uint8Array(0), width: 0, height: 48, format: 'rgb' as const };
    const error = await letterboxImage(empty, { width: 32 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageEmptyError);
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_IMAGE_EMPTY')).toBe(true);
    expect(() => createRawImage(new Uint8Array(5), 2, 1, 'rgb')).toThrow(/needs 6 bytes; its data has 5/);
    await expect(letterboxImage(await scene(), { width: -1 })).rejects.toBeInstanceOf(ImageOptionsError);
    await expect(letterboxImage(await scene(), { width: 32, color: [0, 300, 0] })).rejects.toThrow(/0\.\.255/);
  });
});
