import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distancePointToSegment } from './point-segment-distance.js';
import { orientation, segmentIntersection, segmentsIntersect } from './segment-intersection.js';

const p = (x: number, y: number) => ({ x, y });

describe('orientation', () => {
  it('says left, right or on the line', () => {
    expect(orientation(p(0, 0), p(1, 0), p(0.5, 1))).toBe(1);
    expect(orientation(p(0, 0), p(1, 0), p(0.5, -1))).toBe(-1);
    expect(orientation(p(0, 0), p(1, 0), p(7, 0))).toBe(0);
  });
});

describe('segment intersection', () => {
  it('finds two segments crossing, and where', () => {
    expect(segmentsIntersect(p(0, 0), p(2, 2), p(0, 2), p(2, 0))).toBe(true);
    expect(segmentIntersection(p(0, 0), p(2, 2), p(0, 2), p(2, 0))).toEqual(p(1, 1));
  });

  it('counts an end touching the other segment (a T) as meeting', () => {
    expect(segmentsIntersect(p(0, 0), p(2, 0), p(1, 0), p(1, 5))).toBe(true);
    expect(segmentIntersection(p(0, 0), p(2, 0), p(1, 0), p(1, 5))).toEqual(p(1, 0));
  });

  it('counts overlapping collinear segments as meeting, at an end of the overlap', () => {
    expect(segmentsIntersect(p(0, 0), p(2, 0), p(1, 0), p(3, 0))).toBe(true);
    expect(segmentIntersection(p(0, 0), p(2, 0), p(1, 0), p(3, 0))).toEqual(p(1, 0));
  });

  it('keeps collinear but separate segments apart', () => {
    expect(segmentsIntersect(p(0, 0), p(1, 0), p(2, 0), p(3, 0))).toBe(false);
    expect(segmentIntersection(p(0, 0), p(1, 0), p(2, 0), p(3, 0))).toBeUndefined();
  });

  it('keeps parallel and merely near segments apart', () => {
    expect(segmentsIntersect(p(0, 0), p(2, 0), p(0, 1), p(2, 1))).toBe(false);
    expect(segmentsIntersect(p(0, 0), p(2, 0), p(3, -1), p(3, 1))).toBe(false);
    expect(segmentsIntersect(p(0, 0), p(2, 0), p(1, 0.001), p(1, 5))).toBe(false);
  });

  const coordinate = fc.double({ min: -10, max: 10, noNaN: true });
  const point = fc.record({ x: coordinate, y: coordinate });

  it('is symmetric, and any point it returns lies on both segments (property)', () => {
    fc.assert(
      fc.property(point, point, point, point, (a, b, c, d) => {
        const meets = segmentsIntersect(a, b, c, d);
        expect(segmentsIntersect(c, d, a, b)).toBe(meets);
        expect(segmentsIntersect(b, a, d, c)).toBe(meets);
        const at = segmentIntersection(a, b, c, d);
        expect(at !== undefined).toBe(meets);
        if (at) {
          expect(distancePointToSegment(at, a, b)).toBeLessThan(1e-6);
          expect(distancePointToSegment(at, c, d)).toBeLessThan(1e-6);
        }
      }),
    );
  });
});
