/**
 * Geometry of a 2D grid in the map frame, as `nav_msgs/MapMetaData` describes it: cell (0, 0) has
 * its lower-left corner at (`originX`, `originY`); cells are `resolution` metres square; data is
 * row-major with rows going up in y (ROS convention).
 */
export interface GridInfo {
  readonly width: number;
  readonly height: number;
  /** Metres per cell. */
  readonly resolution: number;
  readonly originX: number;
  readonly originY: number;
}

/** Cell costs with Nav2's meanings. Values 1–252 are graded costs that decay away from obstacles. */
export const COST = Object.freeze({
  /** Certainly free. */
  FREE: 0,
  /** The robot's centre here means its footprint (inscribed circle) touches an obstacle. */
  INSCRIBED: 253,
  /** An obstacle. */
  LETHAL: 254,
  /** Never observed. */
  UNKNOWN: 255,
});

/** A costmap: one byte of cost per cell. */
export interface Costmap {
  readonly info: GridInfo;
  readonly data: Uint8Array;
}

/** A planar pose in the map frame (metres, radians). */
export interface Pose2D {
  readonly x: number;
  readonly y: number;
  readonly theta: number;
}

/** Index of cell (`col`, `row`) in row-major data. */
export function cellIndex(info: GridInfo, col: number, row: number): number {
  return row * info.width + col;
}

/** The cell containing world point (x, y), or undefined outside the grid. */
export function worldToCell(info: GridInfo, x: number, y: number): { col: number; row: number } | undefined {
  const col = Math.floor((x - info.originX) / info.resolution);
  const row = Math.floor((y - info.originY) / info.resolution);
  return col >= 0 && row >= 0 && col < info.width && row < info.height ? { col, row } : undefined;
}

/** The world position of the centre of cell (`col`, `row`). */
export function cellCenter(info: GridInfo, col: number, row: number): { x: number; y: number } {
  return { x: info.originX + (col + 0.5) * info.resolution, y: info.originY + (row + 0.5) * info.resolution };
}
