import { COST } from '../../grid/grid-types.js';
import type { Costmap, GridInfo, Pose2D } from '../../grid/grid-types.js';

/** A costmap of `width`×`height` cells filled with `fill`, 1 m cells with the origin at (0, 0) unless told. */
export function blankCostmap(width: number, height: number, fill = COST.FREE, info: Partial<GridInfo> = {}): Costmap {
  return {
    info: { width, height, resolution: 1, originX: 0, originY: 0, ...info },
    data: new Uint8Array(width * height).fill(fill),
  };
}

/**
 * A costmap drawn from rows of characters, top row first (as it looks on screen; row 0 of the grid is
 * the bottom line): `.` free, `#` lethal, `i` inscribed, `?` unknown, a digit d cost d × 25.
 */
export function costmapFromAscii(rows: readonly string[], info: Partial<GridInfo> = {}): Costmap {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const map = blankCostmap(width, height, COST.FREE, info);
  rows.forEach((line, i) => {
    const row = height - 1 - i;
    for (let col = 0; col < width; col++) {
      const ch = line[col] ?? '.';
      const value =
        ch === '#'
          ? COST.LETHAL
          : ch === 'i'
            ? COST.INSCRIBED
            : ch === '?'
              ? COST.UNKNOWN
              : ch >= '0' && ch <= '9'
                ? Number(ch) * 25
                : COST.FREE;
      map.data[row * width + col] = value;
    }
  });
  return map;
}

/** The pose at the centre of cell (`col`, `row`) of a 1 m grid at the origin. */
export function at(col: number, row: number, theta = 0): Pose2D {
  return { x: col + 0.5, y: row + 0.5, theta };
}

/** A small deterministic PRNG (mulberry32), for maps that are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
