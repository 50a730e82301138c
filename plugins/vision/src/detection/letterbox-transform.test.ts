import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  letterboxToOriginal,
  originalToLetterbox,
  validateDetectionLetterbox,
  type DetectionLetterbox,
} from './letterbox-transform.js';

describe('letterbox transform', () => {
  const wide: DetectionLetterbox = { scale: 0.5, padX: 0, padY: 80, originalWidth: 1280, originalHeight: 960 };

  it('maps model-input boxes back onto the original image', () => {
    expect(letterboxToOriginal({ x1: 100, y1: 180, x2: 300, y2: 380 }, wide)).toEqual({
      x1: 200,
      y1: 200,
      x2: 600,
      y2: 600,
    });
  });

  it('uses a separate y scale when given', () => {
    const t = { scale: 0.5, scaleY: 0.25, padX: 10, padY: 20, originalWidth: 100, originalHeight: 100 };
    expect(letterboxToOriginal({ x1: 20, y1: 25, x2: 30, y2: 30 }, t)).toEqual({ x1: 20, y1: 20, x2: 40, y2: 40 });
    expect(originalToLetterbox({ x1: 20, y1: 20, x2: 40, y2: 40 }, t)).toEqual({ x1: 20, y1: 25, x2: 30, y2: 30 });
    expect(() => validateDetectionLetterbox({ ...t, scaleY: 0 })).toThrow(/letterbox\.scaleY/);
  });

  it('clips boxes that reach into the padding to the image', () => {
    expect(letterboxToOriginal({ x1: -10, y1: 40, x2: 700, y2: 700 }, wide)).toEqual({
      x1: 0,
      y1: 0,
      x2: 1280,
      y2: 960,
    });
    // Wholly in the top padding: no height left.
    const inPadding = letterboxToOriginal({ x1: 10, y1: 10, x2: 50, y2: 70 }, wide);
    expect(inPadding.y2 - inPadding.y1).toBe(0);
  });

  it('round-trips any box inside the image (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        (scale, padX, padY, originalWidth, originalHeight, [ax, bx], [ay, by]) => {
          const t = { scale, padX, padY, originalWidth, originalHeight };
          const box = {
            x1: Math.min(ax, bx) * originalWidth,
            x2: Math.max(ax, bx) * originalWidth,
            y1: Math.min(ay, by) * originalHeight,
            y2: Math.max(ay, by) * originalHeight,
          };
          const back = letterboxToOriginal(originalToLetterbox(box, t), t);
          const tolerance = 1e-9 * (originalWidth + originalHeight + (padX + padY) / scale);
          for (const key of ['x1', 'y1', 'x2', 'y2'] as const)
            expect(Math.abs(back[key] - box[key])).toBeLessThanOrEqual(tolerance);
        },
      ),
    );
  });

  it('rejects transforms that cannot be undone, naming the field', () => {
    const cases: [Partial<DetectionLetterbox>, RegExp][] = [
      [{ scale: 0 }, /letterbox\.scale must be a finite number > 0, got 0/],
      [{ scale: Number.POSITIVE_INFINITY }, /letterbox\.scale/],
      [{ padX: Number.NaN }, /letterbox\.padX must be a finite number, got NaN/],
      [{ padY: Number.POSITIVE_INFINITY }, /letterbox\.padY/],
      [{ originalWidth: 0 }, /letterbox\.originalWidth must be a finite number > 0/],
      [{ originalHeight: -5 }, /letterbox\.originalHeight/],
    ];
    for (const [change, message] of cases) {
      expect(() => validateDetectionLetterbox({ ...wide, ...change })).toThrow(message);
    }
    expect(() => validateDetectionLetterbox(wide)).not.toThrow();
  });
});
