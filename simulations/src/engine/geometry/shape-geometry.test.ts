import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Shape, Vec2 } from '../../world/world-types.js';
import { SimulationErrorCode } from '../simulation-error.js';
import { convexParts } from './convex-parts.js';
import {
  boundingRadius,
  checkShape,
  distanceToShape,
  isConvex,
  shapeArea,
  shapeExtent,
  shapeOutline,
  signedArea,
  wallBlockCorners,
  wallBlocks,
} from './shape-geometry.js';

const L: Vec2[] = [
  { x: 0, y: 0 },
  { x: 2, y: 0 },
  { x: 2, y: 1 },
  { x: 1, y: 1 },
  { x: 1, y: 2 },
  { x: 0, y: 2 },
];

describe('shape geometry', () => {
  it('turns wall segments into blocks lengthened by half the thickness at each end', () => {
    const blocks = wallBlocks({
      id: 'w',
      thickness: 0.2,
      color: [0, 0, 0],
      points: [
        { x: 0, y: 0 },
        { x: 4, y: 0 },
        { x: 4, y: 0 },
        { x: 4, y: 3 },
      ],
    });
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toEqual({ x: 2, y: 0, angle: 0, halfLength: 2.1, halfThickness: 0.1 });
    expect(blocks[1]!.angle).toBeCloseTo(Math.PI / 2, 12);
    const corners = wallBlockCorners(blocks[0]!);
    const expected = [
      [-0.1, -0.1],
      [4.1, -0.1],
      [4.1, 0.1],
      [-0.1, 0.1],
    ];
    corners.forEach((p, i) => {
      expect(p.x).toBeCloseTo(expected[i]![0]!, 12);
      expect(p.y).toBeCloseTo(expected[i]![1]!, 12);
    });
  });

  it('measures boxes, circles and polygons', () => {
    const box: Shape = { kind: 'box', width: 2, height: 1 };
    expect(shapeArea(box)).toBe(2);
    expect(boundingRadius(box)).toBeCloseTo(Math.hypot(1, 0.5), 12);
    expect(shapeExtent(box)).toEqual({ width: 2, depth: 1 });
    expect(shapeArea({ kind: 'circle', radius: 1 })).toBeCloseTo(Math.PI, 12);
    expect(shapeArea({ kind: 'polygon', points: L })).toBe(3);
    expect(signedArea([...shapeOutline({ kind: 'polygon', points: [...L].reverse() })!])).toBe(3);
    expect(isConvex(L)).toBe(false);
    expect(isConvex(shapeOutline(box)!)).toBe(true);
  });

  it('measures the distance from a point to a placed shape, 0 inside', () => {
    const pose = { x: 1, y: 1, theta: Math.PI / 2 };
    const box: Shape = { kind: 'box', width: 2, height: 1 };
    // Turned a quarter: the 2 m side runs along y.
    expect(distanceToShape(box, pose, { x: 1, y: 1 })).toBe(0);
    expect(distanceToShape(box, pose, { x: 2.5, y: 1 })).toBeCloseTo(1, 12);
    expect(distanceToShape(box, pose, { x: 1, y: 2.5 })).toBeCloseTo(0.5, 12);
    expect(distanceToShape({ kind: 'circle', radius: 0.5 }, pose, { x: 3, y: 1 })).toBeCloseTo(1.5, 12);
    const lShape: Shape = { kind: 'polygon', points: L };
    const origin = { x: 0, y: 0, theta: 0 };
    expect(distanceToShape(lShape, origin, { x: 1.5, y: 1.5 })).toBeCloseTo(0.5, 12);
    expect(distanceToShape(lShape, origin, { x: 0.5, y: 0.5 })).toBe(0);
  });

  it('splits polygons into convex parts covering the same area (property)', () => {
    const star = (n: number, inner: number): Vec2[] =>
      Array.from({ length: 2 * n }, (_, i) => {
        const r = i % 2 === 0 ? 1 : inner;
        const a = (Math.PI * i) / n;
        return { x: r * Math.cos(a), y: r * Math.sin(a) };
      });
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.double({ min: 0.1, max: 0.95, noNaN: true }), (n, inner) => {
        const points = star(n, inner);
        const parts = convexParts(points);
        const area = parts.reduce((sum, part) => sum + Math.abs(signedArea(part)), 0);
        expect(area).toBeCloseTo(Math.abs(signedArea(points)), 9);
        for (const part of parts) expect(isConvex(part)).toBe(true);
      }),
    );
    expect(convexParts(shapeOutline({ kind: 'box', width: 1, height: 1 })!)).toHaveLength(1);
    expect(convexParts(L)).toHaveLength(4);
  });

  it('rejects shapes no physics shape can be built from', () => {
    const bad: Shape[] = [
      { kind: 'box', width: 0, height: 1 },
      { kind: 'circle', radius: -1 },
      {
        kind: 'polygon',
        points: [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
        ],
      },
      {
        kind: 'polygon',
        points: [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
          { x: 2, y: 0 },
        ],
      },
      // A bow tie crosses itself.
      {
        kind: 'polygon',
        points: [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
          { x: 1, y: 0 },
          { x: 0, y: 1 },
        ],
      },
    ];
    for (const shape of bad) {
      expect(() => checkShape(shape, 'thing')).toThrow(
        expect.objectContaining({ code: SimulationErrorCode.InvalidGeometry }),
      );
    }
    expect(() => checkShape({ kind: 'polygon', points: L }, 'thing')).not.toThrow();
  });
});
