import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestPointOnSegment, distancePointToPolyline, distancePointToSegment } from './point-segment-distance.js';

const p = (x: number, y: number) => ({ x, y });

describe('distance from a point to a segment', () => {
  it('measures to the inside of the segment, or to its nearer end', () => {
    expect(distancePointToSegment(p(1, 1), p(0, 0), p(2, 0))).toBe(1);
    expect(distancePointToSegment(p(5, 4), p(0, 0), p(2, 0))).toBe(5);
    expect(distancePointToSegment(p(-3, 0), p(0, 0), p(2, 0))).toBe(3);
    expect(closestPointOnSegment(p(1, 1), p(0, 0), p(2, 0))).toEqual(p(1, 0));
  });

  it('treats a segment without length as its point', () => {
    expect(distancePointToSegment(p(3, 4), p(0, 0), p(0, 0))).toBe(5);
  });

  it('measures a polyline to its nearest segment', () => {
    const chain = [p(0, 0), p(4, 0), p(4, 4)];
    expect(distancePointToPolyline(p(2, 1), chain)).toBe(1);
    expect(distancePointToPolyline(p(5, 3), chain)).toBe(1);
    expect(distancePointToPolyline(p(3, 4), [p(0, 0)])).toBe(5);
    expect(distancePointToPolyline(p(3, 4), [])).toBe(Infinity);
  });

  it('is never more than the distance to either end (property)', () => {
    const coordinate = fc.double({ min: -100, max: 100, noNaN: true });
    const point = fc.record({ x: coordinate, y: coordinate });
    fc.assert(
      fc.property(point, point, point, (q, a, b) => {
        const d = distancePointToSegment(q, a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(
          Math.min(Math.hypot(q.x - a.x, q.y - a.y), Math.hypot(q.x - b.x, q.y - b.y)) + 1e-9,
        );
      }),
    );
  });
});
