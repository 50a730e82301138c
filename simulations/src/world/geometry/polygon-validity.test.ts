import { describe, expect, it } from 'vitest';
import { counterClockwise, findPolygonProblem, polygonSignedArea } from './polygon-validity.js';

const pts = (...xy: [number, number][]) => xy.map(([x, y]) => ({ x, y }));

describe('polygon validity', () => {
  it('accepts simple polygons, convex or not', () => {
    expect(findPolygonProblem(pts([0, 0], [1, 0], [0, 1]))).toBeUndefined();
    expect(findPolygonProblem(pts([0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]))).toBeUndefined();
  });

  it('needs 3 points', () => {
    expect(findPolygonProblem(pts([0, 0], [1, 0]))).toEqual({ kind: 'too-few-points', count: 2 });
  });

  it('finds an edge too short to be one, including the closing edge', () => {
    expect(findPolygonProblem(pts([0, 0], [1, 0], [1, 0.0004], [0, 1]))).toMatchObject({
      kind: 'short-edge',
      from: 1,
      to: 2,
    });
    expect(findPolygonProblem(pts([0, 0], [1, 0], [0, 1], [0.0002, 0.0002]))).toMatchObject({
      kind: 'short-edge',
      from: 3,
      to: 0,
    });
  });

  it('finds points on one line', () => {
    expect(findPolygonProblem(pts([0, 0], [1, 0], [2, 0]))).toMatchObject({ kind: 'no-area' });
  });

  it('finds a bow tie crossing itself, and where', () => {
    expect(findPolygonProblem(pts([0, 0], [2, 2], [2, 0], [0, 2]))).toEqual({
      kind: 'self-intersection',
      edgeA: 0,
      edgeB: 2,
      at: { x: 1, y: 1 },
    });
  });

  it('finds a vertex touching another edge', () => {
    expect(findPolygonProblem(pts([0, 0], [4, 0], [4, 2], [2, 0], [0, 2]))).toMatchObject({
      kind: 'self-intersection',
    });
  });

  it('finds an edge folding back onto its neighbour (a spike)', () => {
    expect(findPolygonProblem(pts([0, 0], [2, 0], [2, 2], [2, 1], [0, 2]))).toMatchObject({
      kind: 'self-intersection',
      edgeA: 1,
      edgeB: 2,
    });
  });

  it('measures signed area and turns clockwise polygons round', () => {
    const clockwise = pts([0, 0], [0, 1], [1, 1], [1, 0]);
    expect(polygonSignedArea(clockwise)).toBe(-1);
    expect(polygonSignedArea(counterClockwise(clockwise))).toBe(1);
    const ccw = pts([0, 0], [1, 0], [1, 1]);
    expect(counterClockwise(ccw)).toBe(ccw);
  });
});
