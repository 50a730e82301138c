import { describe, expect, it } from 'vitest';
import { hasErrorCode, type sensor_msgs } from '@omnimind/core';
import { assertRgbImage, rgbImageFromMessage } from './rgb-image.js';

function message(parts: Partial<sensor_msgs.Image>): sensor_msgs.Image {
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera' },
    width: 2,
    height: 2,
    encoding: 'rgb8',
    is_bigendian: 0,
    step: 6,
    data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    ...parts,
  };
}

describe('rgb images', () => {
  it('shares an unpadded rgb8 message and copies bgr8 with red and blue swapped, dropping row padding', () => {
    const frame = message({});
    const rgb = rgbImageFromMessage(frame);
    expect(rgb.data.buffer).toBe(frame.data.buffer);
    expect(Array.from(rgb.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const padded = rgbImageFromMessage(
      message({
        encoding: 'bgr8',
        step: 8,
        data: Uint8Array.from([1, 2, 3, 4, 5, 6, 0, 0, 7, 8, 9, 10, 11, 12, 0, 0]),
      }),
    );
    expect(Array.from(padded.data)).toEqual([3, 2, 1, 6, 5, 4, 9, 8, 7, 12, 11, 10]);
  });

  it('refuses other encodings, short data, and images whose size does not match their data', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => rgbImageFromMessage(message({ encoding: 'mono8' })), /encoding 'rgb8' or 'bgr8', got 'mono8'/],
      [() => rgbImageFromMessage(message({ data: new Uint8Array(5) })), /step >= 6/],
      [() => assertRgbImage({ data: new Uint8Array(12), width: 0, height: 2 }, 'here'), /here: .*positive integer/],
      [() => assertRgbImage({ data: new Uint8Array(12), width: 2, height: 2, channels: 4 }, 'here'), /3 channels/],
    ];
    for (const [run, text] of cases) {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(hasErrorCode(error, 'OMNI_ERR_VISION_RGB_IMAGE')).toBe(true);
        expect((error as Error).message).toMatch(text);
      }
    }
  });
});
