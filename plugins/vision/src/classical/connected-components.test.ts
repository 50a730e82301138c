import { describe, expect, it } from 'vitest';
import { connectedComponents } from './connected-components.js';

function mask(rows: string[]): [Uint8Array, number, number] {
  const width = rows[0]!.length;
  return [Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0)), width, rows.length];
}

describe('connectedComponents', () => {
  it('joins diagonal neighbours (8-connected) and reports area, box and centroid', () => {
    const components = connectedComponents(...mask(['#....', '.#...', '..#..', '....#', '...##']));
    expect(components).toEqual([
      { area: 3, minX: 0, minY: 0, maxX: 2, maxY: 2, centroidX: 1, centroidY: 1 },
      { area: 3, minX: 3, minY: 3, maxX: 4, maxY: 4, centroidX: 11 / 3, centroidY: 11 / 3 },
    ]);
  });

  it('merges a U shape whose arms get different provisional labels', () => {
    const components = connectedComponents(...mask(['#...#', '#...#', '#...#', '#####']));
    expect(components).toHaveLength(1);
    expect(components[0]).toMatchObject({ area: 11, minX: 0, maxX: 4, minY: 0, maxY: 3 });
  });

  it('keeps many separate dots apart, in first-pixel order, past the initial label table', () => {
    const width = 80;
    const rows = Array.from({ length: 40 }, (_, y) =>
      Array.from({ length: width }, (_, x) => (x % 2 === 0 && y % 2 === 0 ? '#' : '.')).join(''),
    );
    const components = connectedComponents(...mask(rows));
    expect(components).toHaveLength(40 * 20);
    expect(components[1]).toMatchObject({ minX: 2, minY: 0 });
    expect(components.every((c) => c.area === 1)).toBe(true);
  });

  it('finds nothing in an empty mask', () => {
    expect(connectedComponents(new Uint8Array(12), 4, 3)).toEqual([]);
  });
});
