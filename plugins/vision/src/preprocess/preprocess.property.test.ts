import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image.js';
import { VisionImageError } from './image-errors.js';
import { imageFromMessage } from './image-message.js';
import { sceneBytes } from './testing/test-scene.js';

const header = { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera' };

describe('preprocessing of untrusted input (property)', () => {
  it('decodeImage either decodes or raises a VisionImageError for any bytes, including damaged real images', async () => {
    const png = await sceneBytes('png');
    const jpeg = await sceneBytes('jpeg');
    const damaged = fc
      .tuple(fc.constantFrom(png, jpeg), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }))
      .map(([bytes, cut, at, value]) => {
        const copy = new Uint8Array(bytes.subarray(0, 1 + (cut % bytes.length)));
        copy[at % copy.length] = value;
        return copy;
      });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 64 }), damaged), async (bytes) => {
        try {
          const image = await decodeImage(bytes);
          expect(image.data.length).toBe(image.width * image.height * 3);
        } catch (error) {
          expect(error).toBeInstanceOf(VisionImageError);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('imageFromMessage either returns packed RGB or raises a VisionImageError for any header and data', () => {
    fc.assert(
      fc.property(
        fc.record({
          width: fc.integer({ min: 0, max: 9 }),
          height: fc.integer({ min: 0, max: 9 }),
          step: fc.integer({ min: 0, max: 50 }),
          encoding: fc.constantFrom('rgb8', 'bgr8', 'rgba8', 'bgra8', 'mono8', '8UC3', 'mono16', 'bayer_rggb8', ''),
          data: fc.uint8Array({ maxLength: 400 }),
        }),
        (fields) => {
          try {
            const image = imageFromMessage({ header, is_bigendian: 0, ...fields });
            expect(image.format).toBe('rgb');
            expect(image.data.length).toBe(fields.width * fields.height * 3);
          } catch (error) {
            expect(error).toBeInstanceOf(VisionImageError);
          }
        },
      ),
    );
  });
});
