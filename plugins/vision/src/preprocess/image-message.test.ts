import { hasErrorCode, type sensor_msgs } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image.js';
import { ImageEmptyError, ImageEncodingError, ImageLayoutError } from './image-errors.js';
import { imageFromMessage, imageToMessage } from './image-message.js';
import { SCENE_HEIGHT, SCENE_RECTS, SCENE_WIDTH, rgbAt, sceneBytes } from './testing/test-scene.js';

const header = { stamp: { sec: 1, nanosec: 0 }, frame_id: 'camera' };

/** The scene's RGB pixels laid out as `encoding` with `padding` extra bytes per row (filled with 0xee). */
function sceneMessage(rgb: Uint8Array, encoding: string, padding = 0): sensor_msgs.Image {
  const channels = encoding.endsWith('a8') ? 4 : encoding === 'mono8' ? 1 : 3;
  const step = SCENE_WIDTH * channels + padding;
  const data = new Uint8Array(step * SCENE_HEIGHT).fill(0xee);
  for (let y = 0; y < SCENE_HEIGHT; y++) {
    for (let x = 0; x < SCENE_WIDTH; x++) {
      const [r, g, b] = rgbAt(rgb, SCENE_WIDTH, x, y) as [number, number, number];
      const o = y * step + x * channels;
      if (channels === 1) {
        data[o] = r;
        continue;
      }
      const bgr = encoding.startsWith('bgr');
      data[o] = bgr ? b : r;
      data[o + 1] = g;
      data[o + 2] = bgr ? r : b;
      if (channels === 4) data[o + 3] = 128;
    }
  }
  return { header, height: SCENE_HEIGHT, width: SCENE_WIDTH, encoding, is_bigendian: 0, step, data };
}

describe('imageFromMessage', () => {
  it('reads a tightly packed rgb8 frame without copying', async () => {
    const scene = await decodeImage(await sceneBytes('png'));
    const message = sceneMessage(scene.data, 'rgb8');
    const image = imageFromMessage(message);
    expect(image).toMatchObject({ width: SCENE_WIDTH, height: SCENE_HEIGHT, format: 'rgb' });
    expect(image.data.buffer).toBe(message.data.buffer);
    expect(image.data).toEqual(scene.data);
  });

  it('drops row padding and reorders bgr8, rgba8 and bgra8 to the same RGB pixels', async () => {
    const scene = await decodeImage(await sceneBytes('png'));
    for (const encoding of ['rgb8', 'bgr8', 'rgba8', 'bgra8']) {
      for (const padding of [0, 5, 64]) {
        const image = imageFromMessage(sceneMessage(scene.data, encoding, padding));
        expect(image.data, `${encoding} + ${padding}`).toEqual(scene.data);
      }
    }
  });

  it('expands mono8 to equal RGB channels, honouring step', async () => {
    const scene = await decodeImage(await sceneBytes('png'));
    const image = imageFromMessage(sceneMessage(scene.data, 'mono8', 3));
    const { red } = SCENE_RECTS;
    expect(rgbAt(image.data, SCENE_WIDTH, red.x, red.y)).toEqual([255, 255, 255].map(() => red.rgb[0]));
    expect(rgbAt(image.data, SCENE_WIDTH, 20, 30)).toEqual([0, 0, 0]); // blue rect: red channel 0
  });

  it('accepts a message whose last row has no padding', async () => {
    const scene = await decodeImage(await sceneBytes('png'));
    const message = sceneMessage(scene.data, 'bgr8', 4);
    const image = imageFromMessage({ ...message, data: message.data.subarray(0, message.data.length - 4) });
    expect(image.data).toEqual(scene.data);
  });

  it('round-trips through imageToMessage', async () => {
    const scene = await decodeImage(await sceneBytes('png'));
    const message = imageToMessage(scene, header);
    expect(message).toMatchObject({
      encoding: 'rgb8',
      step: SCENE_WIDTH * 3,
      width: SCENE_WIDTH,
      height: SCENE_HEIGHT,
    });
    expect(imageFromMessage(message).data).toEqual(scene.data);
  });

  it('rejects an unsupported encoding, naming the supported ones', async () => {
    const message = { ...sceneMessage(new Uint8Array(SCENE_WIDTH * SCENE_HEIGHT * 3), 'rgb8'), encoding: '16UC1' };
    expect(() => imageFromMessage(message)).toThrow(ImageEncodingError);
    expect(() => imageFromMessage(message)).toThrow(/'16UC1' is not supported; expected one of rgb8, bgr8/);
  });

  it('rejects a zero-size frame', () => {
    const empty = {
      header,
      height: 0,
      width: 160,
      encoding: 'rgb8',
      is_bigendian: 0,
      step: 480,
      data: new Uint8Array(0),
    };
    expect(() => imageFromMessage(empty)).toThrow(ImageEmptyError);
  });

  it('rejects a step shorter than a row and data shorter than the frame', () => {
    const ok = sceneMessage(new Uint8Array(SCENE_WIDTH * SCENE_HEIGHT * 3), 'rgb8');
    const shortStep = () => imageFromMessage({ ...ok, step: SCENE_WIDTH * 3 - 1 });
    expect(shortStep).toThrow(ImageLayoutError);
    expect(shortStep).toThrow(/step is 191 bytes; a 64-pixel rgb8 row needs at least 192/);
    let error: unknown;
    try {
      imageFromMessage({ ...ok, data: ok.data.subarray(0, ok.data.length - 1) });
    } catch (e) {
      error = e;
    }
    expect(hasErrorCode(error, 'OMNI_ERR_VISION_IMAGE_LAYOUT')).toBe(true);
  });
});
