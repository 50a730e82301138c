import { describe, expect, it } from 'vitest';
import type { Shape } from '../world-types.js';
import { distancePointToShape, placedVertices, shapeVertices } from './shape-distance.js';

const at = (x: number, y: number, theta = 0) => ({ x, y, theta });

describe('distance to a placed shape', () => {
  it('measures to a circle, 0 inside', () => {
    const circle: Shape = { kind: 'circle', radius: 0.5 };
    expect(distancePointToShape({ x: 2, y: 0 }, circle, at(0, 0))).toBe(1.5);
    expect(distancePointToShape({ x: 0.2, y: 0 }, circle, at(0, 0))).toBe(0);
  });

  it('measures to a rotated box along its own axes', () => {
    const box: Shape = { kind: 'box', width: 2, height: 0.5 };
    // Turned 90°, the box is 0.5 wide in x and 2 long in y.
    expect(distancePointToShape({ x: 0, y: 1.5 }, box, at(0, 0, Math.PI / 2))).toBeCloseTo(0.5);
    expect(distancePointToShape({ x: 0.75, y: 0 }, box, at(0, 0, Math.PI / 2))).toBeCloseTo(0.5);
    expect(distancePointToShape({ x: 0.75, y: 0 }, box, at(0, 0))).toBe(0);
    expect(distancePointToShape({ x: 4, y: 4.25 }, box, at(0, 0))).toBe(5);
  });

  it('measures to a concave polygon placed at a pose', () => {
    const ell: Shape = {
      kind: 'polygon',
      points: [
        { x: 0, y: 0 },
        { x: 2, y: 0 },
        { x: 2, y: 1 },
        { x: 1, y: 1 },
        { x: 1, y: 2 },
        { x: 0, y: 2 },
      ],
    };
    expect(distancePointToShape({ x: 10.5, y: 10.5 }, ell, at(10, 10))).toBe(0);
    expect(distancePointToShape({ x: 11.5, y: 11.5 }, ell, at(10, 10))).toBeCloseTo(0.5);
    expect(distancePointToShape({ x: 10.5, y: 13 }, ell, at(10, 10))).toBeCloseTo(1);
  });

  it('lists the corners of boxes and polygons, none for circles', () => {
    expect(shapeVertices({ kind: 'box', width: 2, height: 1 })).toEqual([
      { x: -1, y: -0.5 },
      { x: 1, y: -0.5 },
      { x: 1, y: 0.5 },
      { x: -1, y: 0.5 },
    ]);
    expect(shapeVertices({ kind: 'circle', radius: 1 })).toBeUndefined();
    const placed = placedVertices({ kind: 'box', width: 2, height: 1 }, at(5, 5, Math.PI));
    expect(placed?.[0]?.x).toBeCloseTo(6);
    expect(placed?.[0]?.y).toBeCloseTo(5.5);
  });
});
