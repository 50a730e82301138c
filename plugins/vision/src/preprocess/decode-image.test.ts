import { hasErrorCode } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { decodeCompressedImage, decodeImage, sniffImageFormat } from './decode-image.js';
import { encodeCompressedImage, encodeImage } from './encode-image.js';
import { ImageCorruptError, ImageEmptyError, ImageEncodingError } from './image-errors.js';
import { SCENE_BACKGROUND, SCENE_HEIGHT, SCENE_RECTS, SCENE_WIDTH, rgbAt, sceneBytes } from './testing/test-scene.js';

const header = { stamp: { sec: 12, nanosec: 5 }, frame_id: 'camera' };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('decodeImage', () => {
  it('decodes a PNG to exact RGB pixels of the rendered scene', async () => {
    const image = await decodeImage(await sceneBytes('png'));
    expect(image).toMatchObject({ width: SCENE_WIDTH, height: SCENE_HEIGHT, format: 'rgb' });
    expect(image.data.length).toBe(SCENE_WIDTH * SCENE_HEIGHT * 3);
    for (const rect of Object.values(SCENE_RECTS)) {
      expect(rgbAt(image.data, image.width, rect.x, rect.y)).toEqual(rect.rgb);
      expect(rgbAt(image.data, image.width, rect.x + rect.width - 1, rect.y + rect.height - 1)).toEqual(rect.rgb);
      // One pixel outside each rectangle is background.
      expect(rgbAt(image.data, image.width, rect.x - 1, rect.y)).toEqual(SCENE_BACKGROUND);
    }
  });

  it('decodes lossless WebP exactly and JPEG within compression error', async () => {
    const webp = await decodeImage(await sceneBytes('webp'));
    expect(rgbAt(webp.data, webp.width, 12, 12)).toEqual([255, 0, 0]);
    const jpeg = await decodeImage(await sceneBytes('jpeg'));
    expect(jpeg).toMatchObject({ width: SCENE_WIDTH, height: SCENE_HEIGHT, format: 'rgb' });
    const [r, g, b] = rgbAt(jpeg.data, jpeg.width, 46, 12); // inside green
    expect(r).toBeLessThan(30);
    expect(g).toBeGreaterThan(225);
    expect(b).toBeLessThan(30);
  });

  it('decodes to one byte per pixel of BT.601 luma with format gray', async () => {
    const gray = await decodeImage(await sceneBytes('png'), { format: 'gray' });
    expect(gray.format).toBe('gray');
    expect(gray.data.length).toBe(SCENE_WIDTH * SCENE_HEIGHT);
    expect(gray.data[0]).toBe(255);
    // Red is 0.299 * 255 ≈ 76 in BT.601.
    expect(gray.data[12 * SCENE_WIDTH + 12]).toBe(76);
  });

  it('recognises the three container formats by their signature', async () => {
    expect(sniffImageFormat(await sceneBytes('png'))).toBe('png');
    expect(sniffImageFormat(await sceneBytes('jpeg'))).toBe('jpeg');
    expect(sniffImageFormat(await sceneBytes('webp'))).toBe('webp');
    expect(sniffImageFormat(await sceneBytes('gif'))).toBeUndefined();
  });

  it('rejects zero bytes as an empty image', async () => {
    const error = await rejection(decodeImage(new Uint8Array(0)));
    expect(error).toBeInstanceOf(ImageEmptyError);
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_IMAGE_EMPTY')).toBe(true);
  });

  it('rejects GIF, TIFF and text as unsupported encodings, naming the expected formats', async () => {
    for (const bytes of [
      await sceneBytes('gif'),
      await sceneBytes('tiff'),
      new TextEncoder().encode('not an image at all'),
    ]) {
      const error = await rejection(decodeImage(bytes));
      expect(error).toBeInstanceOf(ImageEncodingError);
      expect((error as Error).message).toMatch(/expected a JPEG .*PNG .*WebP/);
    }
  });

  it('rejects truncated PNG, JPEG and WebP as corrupt', async () => {
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const bytes = await sceneBytes(format);
      for (const keep of [0.5, 0.9]) {
        const error = await rejection(decodeImage(bytes.subarray(0, Math.floor(bytes.length * keep))));
        expect(error, `${format} cut to ${keep}`).toBeInstanceOf(ImageCorruptError);
        expect(hasErrorCode(error, 'OMNI_ERR_VISION_IMAGE_CORRUPT')).toBe(true);
        expect((error as Error).message).toContain(format.toUpperCase());
      }
    }
  });

  it('rejects a cut-off signature and overwritten image data as corrupt', async () => {
    expect(await rejection(decodeImage(new Uint8Array([0xff, 0xd8])))).toBeInstanceOf(ImageCorruptError);
    const png = new Uint8Array(await sceneBytes('png'));
    // Overwrite the middle of the compressed data: the chunk checksum no longer matches.
    png.fill(0x5a, 60, png.length - 20);
    expect(await rejection(decodeImage(png))).toBeInstanceOf(ImageCorruptError);
  });
});

describe('encodeImage / encodeCompressedImage', () => {
  it('round-trips the scene through CompressedImage as PNG exactly and as JPEG and WebP closely', async () => {
    const original = await decodeImage(await sceneBytes('png'));
    const png = await encodeCompressedImage(original, header, { format: 'png' });
    expect(png).toMatchObject({ header, format: 'png' });
    expect((await decodeCompressedImage(png)).data).toEqual(original.data);
    for (const format of ['jpeg', 'webp'] as const) {
      const message = await encodeCompressedImage(original, header, { format, quality: 90 });
      expect(message.format).toBe(format);
      expect(sniffImageFormat(message.data)).toBe(format);
      const back = await decodeCompressedImage(message);
      const [r, g, b] = rgbAt(back.data, back.width, 14, 14);
      expect(r).toBeGreaterThan(220);
      expect(g + b).toBeLessThan(60);
    }
  });

  it('writes smaller JPEGs at lower quality and keeps BGR colours right', async () => {
    const original = await decodeImage(await sceneBytes('png'));
    const high = await encodeImage(original, { quality: 95 });
    const low = await encodeImage(original, { quality: 20 });
    expect(low.length).toBeLessThan(high.length);
    const bgr = {
      ...original,
      data: original.data.map((_, i, d) => d[i - (i % 3) + 2 - (i % 3)]!),
      format: 'bgr' as const,
    };
    const back = await decodeImage(await encodeImage(bgr, { format: 'png' }));
    expect(back.data).toEqual(original.data);
  });

  it('rejects a quality outside 1..100', async () => {
    const original = await decodeImage(await sceneBytes('png'));
    const error = await rejection(encodeImage(original, { quality: 0 }));
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_IMAGE_OPTIONS')).toBe(true);
  });
});
