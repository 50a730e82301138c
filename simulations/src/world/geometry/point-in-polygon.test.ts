import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointInPolygon } from './point-in-polygon.js';

const p = (x: number, y: number) => ({ x, y });
const square = [p(0, 0), p(2, 0), p(2, 2), p(0, 2)];
// An L: the square's top-right quarter is cut away.
const ell = [p(0, 0), p(2, 0), p(2, 1), p(1, 1), p(1, 2), p(0, 2)];

describe('point in polygon', () => {
  it('tells inside from outside', () => {
    expect(pointInPolygon(p(1, 1), square)).toBe(true);
    expect(pointInPolygon(p(3, 1), square)).toBe(false);
    expect(pointInPolygon(p(-0.01, 1), square)).toBe(false);
  });

  it('counts the boundary and the corners as inside', () => {
    expect(pointInPolygon(p(2, 1), square)).toBe(true);
    expect(pointInPolygon(p(0, 0), square)).toBe(true);
  });

  it('handles a concave polygon, in either winding', () => {
    expect(pointInPolygon(p(0.5, 1.5), ell)).toBe(true);
    expect(pointInPolygon(p(1.5, 1.5), ell)).toBe(false);
    expect(pointInPolygon(p(1.5, 0.5), [...ell].reverse())).toBe(true);
    expect(pointInPolygon(p(1.5, 1.5), [...ell].reverse())).toBe(false);
  });

  it('agrees with the box test for random points and rectangles (property)', () => {
    const c = fc.double({ min: -5, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        c,
        c,
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        c,
        c,
        (x0, y0, w, h, x, y) => {
          const rectangle = [p(x0, y0), p(x0 + w, y0), p(x0 + w, y0 + h), p(x0, y0 + h)];
          // Within the boundary tolerance the answer is 'inside' by design; compare away from it.
          fc.pre(Math.min(Math.abs(x - x0), Math.abs(x - x0 - w), Math.abs(y - y0), Math.abs(y - y0 - h)) > 1e-6);
          const inBox = x >= x0 && x <= x0 + w && y >= y0 && y <= y0 + h;
          expect(pointInPolygon(p(x, y), rectangle)).toBe(inBox);
        },
      ),
    );
  });
});
