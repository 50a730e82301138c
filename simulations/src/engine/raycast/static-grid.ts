/** Largest number of cells a grid may have; bigger worlds get bigger cells. */
const MAX_CELLS = 1 << 20;

/**
 * A uniform grid over the static primitives of a scene, in compressed-row form: the items of cell
 * `c` are `items[start[c] .. start[c + 1])`. An item `i >= 0` is segment `i`; `-(j + 1)` is circle `j`.
 */
export interface StaticGrid {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly cellSize: number;
  readonly columns: number;
  readonly rows: number;
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/**
 * Buckets segments (`ax, ay, bx, by` per entry) and circles (`cx, cy, r`) into cells of about
 * `preferredCellSize` metres, each primitive in every cell its bounding box overlaps.
 */
export function buildStaticGrid(
  segments: Float64Array,
  segmentCount: number,
  circles: Float64Array,
  circleCount: number,
  preferredCellSize: number,
): StaticGrid | undefined {
  if (segmentCount + circleCount === 0) return undefined;
  const boxes = new Float64Array(4 * (segmentCount + circleCount));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < segmentCount + circleCount; i++) {
    let x0: number, y0: number, x1: number, y1: number;
    if (i < segmentCount) {
      const ax = segments[4 * i]!;
      const ay = segments[4 * i + 1]!;
      const bx = segments[4 * i + 2]!;
      const by = segments[4 * i + 3]!;
      x0 = Math.min(ax, bx);
      y0 = Math.min(ay, by);
      x1 = Math.max(ax, bx);
      y1 = Math.max(ay, by);
    } else {
      const j = i - segmentCount;
      const r = circles[3 * j + 2]!;
      x0 = circles[3 * j]! - r;
      y0 = circles[3 * j + 1]! - r;
      x1 = circles[3 * j]! + r;
      y1 = circles[3 * j + 1]! + r;
    }
    boxes.set([x0, y0, x1, y1], 4 * i);
    minX = Math.min(minX, x0);
    minY = Math.min(minY, y0);
    maxX = Math.max(maxX, x1);
    maxY = Math.max(maxY, y1);
  }
  // A margin keeps primitives on the border strictly inside the grid.
  minX -= 1e-6;
  minY -= 1e-6;
  maxX += 1e-6;
  maxY += 1e-6;
  let cellSize = preferredCellSize;
  while (Math.ceil((maxX - minX) / cellSize) * Math.ceil((maxY - minY) / cellSize) > MAX_CELLS) cellSize *= 2;
  const columns = Math.max(1, Math.ceil((maxX - minX) / cellSize));
  const rows = Math.max(1, Math.ceil((maxY - minY) / cellSize));
  const cellRange = (i: number): [number, number, number, number] => [
    clampIndex(Math.floor((boxes[4 * i]! - minX) / cellSize), columns),
    clampIndex(Math.floor((boxes[4 * i + 1]! - minY) / cellSize), rows),
    clampIndex(Math.floor((boxes[4 * i + 2]! - minX) / cellSize), columns),
    clampIndex(Math.floor((boxes[4 * i + 3]! - minY) / cellSize), rows),
  ];
  const counts = new Int32Array(columns * rows + 1);
  for (let i = 0; i < segmentCount + circleCount; i++) {
    const [cx0, cy0, cx1, cy1] = cellRange(i);
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) counts[cy * columns + cx]!++;
  }
  const start = new Int32Array(columns * rows + 1);
  for (let c = 0; c < columns * rows; c++) start[c + 1] = start[c]! + counts[c]!;
  const fill = start.slice(0, columns * rows);
  const items = new Int32Array(start[columns * rows]!);
  for (let i = 0; i < segmentCount + circleCount; i++) {
    const [cx0, cy0, cx1, cy1] = cellRange(i);
    const item = i < segmentCount ? i : -(i - segmentCount + 1);
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let cx = cx0; cx <= cx1; cx++) items[fill[cy * columns + cx]!++] = item;
    }
  }
  return { minX, minY, maxX, maxY, cellSize, columns, rows, start, items };
}

function clampIndex(index: number, size: number): number {
  return index < 0 ? 0 : index >= size ? size - 1 : index;
}
