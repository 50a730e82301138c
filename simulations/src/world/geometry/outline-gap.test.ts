import { describe, expect, it } from 'vitest';
import { discOutline, outlineGap, outlineInsideBounds, placedOutline, wallOutlines } from './outline-gap.js';

const box = (x: number, y: number, theta = 0) => placedOutline({ kind: 'box', width: 1, height: 1 }, { x, y, theta });

describe('outline gaps', () => {
  it('measures the clear distance between circles, boxes and wall segments', () => {
    expect(outlineGap(discOutline({ x: 0, y: 0 }, 0.5), box(2, 0))).toBeCloseTo(1, 12);
    expect(outlineGap(discOutline({ x: 0, y: 0 }, 0.5), discOutline({ x: 0, y: 2 }, 0.25))).toBeCloseTo(1.25, 12);
    expect(outlineGap(box(0, 0), box(3, 0))).toBeCloseTo(2, 12);
    const wall = wallOutlines({
      id: 'w',
      points: [
        { x: -5, y: 2 },
        { x: 5, y: 2 },
      ],
      thickness: 0.2,
      color: [0, 0, 0],
    });
    expect(outlineGap(box(0, 0), wall[0]!)).toBeCloseTo(1.4, 12);
  });

  it('is zero or less when outlines cross or one holds the other', () => {
    expect(outlineGap(box(0, 0), box(0.9, 0))).toBeLessThanOrEqual(0);
    expect(outlineGap(box(0, 0, Math.PI / 4), box(1.1, 0))).toBeLessThanOrEqual(0); // a corner reaches in
    expect(outlineGap(placedOutline({ kind: 'box', width: 4, height: 4 }, { x: 0, y: 0, theta: 0 }), box(0, 0))).toBe(
      0,
    );
    expect(outlineGap(discOutline({ x: 0, y: 0 }, 3), box(0, 0))).toBeLessThan(0);
  });

  it('checks that a whole outline lies within bounds', () => {
    const bounds = { min: { x: -1, y: -1 }, max: { x: 1, y: 1 } };
    expect(outlineInsideBounds(box(0, 0), bounds)).toBe(true);
    expect(outlineInsideBounds(box(0.6, 0), bounds)).toBe(false);
    expect(outlineInsideBounds(discOutline({ x: 0.8, y: 0 }, 0.3), bounds)).toBe(false);
  });
});
