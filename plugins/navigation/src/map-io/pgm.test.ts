import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OmniError } from '@omnimind/core';
import { MapImageError } from './map-io-errors.js';
import { encodePgm, parsePgm } from './pgm.js';

const text = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(text(p)) : p)));

const errorOf = (input: Uint8Array): MapImageError => {
  try {
    parsePgm(input, 'map.pgm');
  } catch (error) {
    if (error instanceof MapImageError) return error;
    throw error;
  }
  throw new Error('expected an error');
};

describe('parsePgm', () => {
  it('reads a binary P5 image with a comment in the header', () => {
    const image = parsePgm(bytes('P5\n# made by hand\n3 2\n255\n', [0, 128, 255, 205, 254, 1]));
    expect(image).toMatchObject({ width: 3, height: 2, maxValue: 255 });
    expect(Array.from(image.gray)).toEqual([0, 128, 255, 205, 254, 1]);
    expect(image.alpha).toBeUndefined();
  });

  it('reads 16-bit P5 samples big-endian', () => {
    const image = parsePgm(bytes('P5 2 1 1000\n', [0x03, 0xe8, 0x00, 0x10]));
    expect(image.maxValue).toBe(1000);
    expect(Array.from(image.gray)).toEqual([1000, 16]);
  });

  it('reads a plain P2 image with comments between values', () => {
    const image = parsePgm(text('P2\n# comment\n2 2 # size\n15\n0 15\n# row 2\n7\t3\n'));
    expect(Array.from(image.gray)).toEqual([0, 15, 7, 3]);
    expect(image.maxValue).toBe(15);
  });

  it('says where a header is wrong, as file:line:col', () => {
    expect(errorOf(text('P6\n1 1\n255\n')).message).toBe(
      "map.pgm:1:1: not a PGM image: expected 'P5' or 'P2' at the start",
    );
    expect(errorOf(text('P5\n4 x\n255\n'))).toMatchObject({
      code: 'OMNI_ERR_MAP_IMAGE_INVALID',
      location: { file: 'map.pgm', line: 2, col: 3 },
    });
    expect(errorOf(text('P5\n4 4\n0\n')).message).toBe('map.pgm:3:1: maximum grey value 0 is outside 1..65535');
    expect(errorOf(text('P5\n0 4\n255\n')).message).toContain('map.pgm:2:1: image size 0×4 is empty');
    expect(errorOf(text('P2\n2 1\n10\n3 11\n')).message).toBe(
      'map.pgm:4:3: pixel value 11 exceeds the maximum grey value 10',
    );
    expect(errorOf(text('P2\n2 1\n10\n3')).message).toContain('unexpected end of file: expected the pixel');
    expect(errorOf(text('P5\n2 2')).message).toContain('unexpected end of file');
  });

  it('reports a truncated raster', () => {
    expect(errorOf(bytes('P5\n2 2\n255\n', [1, 2, 3])).message).toBe(
      'map.pgm: truncated raster: 2×2 pixels need 4 bytes, the file has 3',
    );
  });

  it('round-trips encodePgm (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.uint8Array({ minLength: 400, maxLength: 400 }),
        fc.string(),
        (w, h, data, comment) => {
          const pixels = data.subarray(0, w * h);
          const image = parsePgm(encodePgm(w, h, pixels, comment));
          expect([image.width, image.height, image.maxValue]).toEqual([w, h, 255]);
          expect(Array.from(image.gray)).toEqual(Array.from(pixels));
        },
      ),
    );
  });

  it('reads P2 whatever the whitespace and comments between tokens (property)', () => {
    const gap = fc
      .array(fc.constantFrom(' ', '\t', '\n', '\r\n', '# note\n'), { minLength: 1, maxLength: 3 })
      .map((parts) => (parts[0]!.startsWith('#') ? ` ${parts.join('')}` : parts.join('')))
      .map((g) => (g.startsWith('#') ? ` ${g}` : g));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.nat(255), { minLength: 36, maxLength: 36 }),
        fc.array(gap, { minLength: 40, maxLength: 40 }),
        (w, h, values, gaps) => {
          const tokens = [String(w), String(h), '255', ...values.slice(0, w * h).map(String)];
          const source = `P2${tokens.map((t, i) => gaps[i]! + t).join('')}\n`;
          expect(Array.from(parsePgm(text(source)).gray)).toEqual(values.slice(0, w * h));
        },
      ),
    );
  });

  it('never fails on arbitrary bytes with anything but an image error (fuzz)', () => {
    const header = fc.constantFrom('P5', 'P2', 'P5\n', 'P2 3 3 255 ', 'P5 2 2 255\n', 'P5 1 1 65535\n', '');
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 64 }), (head, tail) => {
        try {
          parsePgm(Uint8Array.from([...text(head), ...tail]));
        } catch (error) {
          expect(error).toBeInstanceOf(OmniError);
          expect((error as OmniError).code).toBe('OMNI_ERR_MAP_IMAGE_INVALID');
        }
      }),
      { numRuns: 500 },
    );
  });
});
