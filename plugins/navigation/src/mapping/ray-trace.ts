/** {@link clipSegmentToGrid}: no part of the segment lies in the grid. */
export const CLIP_MISS = 0;
/** {@link clipSegmentToGrid}: the segment's end point lies in the grid. */
export const CLIP_END_INSIDE = 1;
/** {@link clipSegmentToGrid}: the segment was cut at the border; its end point is outside. */
export const CLIP_END_OUTSIDE = 2;

// Keeps clipped points strictly inside the last row/column so that floor() stays in range.
const INSIDE = 1e-9;

/**
 * Clips the segment (x0, y0)–(x1, y1), in continuous cell coordinates (cell (c, r) covers
 * [c, c+1) × [r, r+1)), to a `width` × `height` grid with the Liang–Barsky algorithm. Writes the
 * clipped segment as [x0, y0, x1, y1] into `out` and says whether and how it was clipped
 * ({@link CLIP_MISS}, {@link CLIP_END_INSIDE}, {@link CLIP_END_OUTSIDE}). Allocates nothing: it runs
 * once per beam.
 */
export function clipSegmentToGrid(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  width: number,
  height: number,
  out: Float64Array,
): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const maxX = width - INSIDE * Math.max(1, width);
  const maxY = height - INSIDE * Math.max(1, height);
  let t0 = 0;
  let t1 = 1;
  for (let edge = 0; edge < 4; edge++) {
    const p = edge === 0 ? -dx : edge === 1 ? dx : edge === 2 ? -dy : dy;
    const q = edge === 0 ? x0 : edge === 1 ? maxX - x0 : edge === 2 ? y0 : maxY - y0;
    if (p === 0) {
      if (q < 0) return CLIP_MISS;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t0) t0 = t;
    } else if (t < t1) t1 = t;
    if (t0 > t1) return CLIP_MISS;
  }
  // Rounding can leave a clipped point a hair outside the border; clamp it back.
  const endInside = x1 >= 0 && x1 <= maxX && y1 >= 0 && y1 <= maxY;
  out[0] = clamp(x0 + t0 * dx, maxX);
  out[1] = clamp(y0 + t0 * dy, maxY);
  out[2] = endInside ? x1 : clamp(x0 + t1 * dx, maxX);
  out[3] = endInside ? y1 : clamp(y0 + t1 * dy, maxY);
  return endInside ? CLIP_END_INSIDE : CLIP_END_OUTSIDE;
}

const clamp = (v: number, max: number) => (v < 0 ? 0 : v > max ? max : v);

/**
 * Bresenham's line between cells (c0, r0) and (c1, r1), both inside a grid `width` wide: writes the
 * row-major index of every cell on the line, start first and end last, into `out`, and returns how
 * many it wrote. `out` needs `max(|c1 - c0|, |r1 - r0|) + 1` slots. All cells lie in the bounding
 * box of the two ends, so no bounds check is needed when both ends are in the grid.
 */
export function traceLine(c0: number, r0: number, c1: number, r1: number, width: number, out: Int32Array): number {
  const dc = Math.abs(c1 - c0);
  const dr = Math.abs(r1 - r0);
  const sc = c0 < c1 ? 1 : -1;
  const sr = r0 < r1 ? width : -width;
  let index = r0 * width + c0;
  let n = 0;
  if (dc >= dr) {
    let error = dc >> 1;
    for (let i = 0; i <= dc; i++) {
      out[n++] = index;
      index += sc;
      error -= dr;
      if (error < 0) {
        index += sr;
        error += dc;
      }
    }
  } else {
    let error = dr >> 1;
    for (let i = 0; i <= dr; i++) {
      out[n++] = index;
      index += sr;
      error -= dc;
      if (error < 0) {
        index += sc;
        error += dr;
      }
    }
  }
  return n;
}
