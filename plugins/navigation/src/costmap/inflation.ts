import { COST } from '../grid/grid-types.js';

const LETHAL = COST.LETHAL;
const UNKNOWN = COST.UNKNOWN;
const INSCRIBED = COST.INSCRIBED;
const FREE = COST.FREE;
import { FAR, squaredDistance1d } from './distance-transform.js';

/** An inclusive rectangle of cells. */
export interface CellWindow {
  readonly minCol: number;
  readonly minRow: number;
  readonly maxCol: number;
  readonly maxRow: number;
}

/** How unknown cells take part in inflation (see `costmapParamsSchema`). */
export interface UnknownHandling {
  readonly inflateUnknown: boolean;
  readonly inflateAroundUnknown: boolean;
}

/** Reusable scratch buffers for {@link inflateWindow}, grown on demand. */
export class InflationScratch {
  columns = new Float64Array(0);
  row = new Float64Array(0);
  distances = new Float64Array(0);
  v = new Int32Array(0);
  z = new Float64Array(0);
  #line = new Int32Array(0);

  /** A per-column state array of at least `length` entries. */
  lineState(length: number): Int32Array {
    if (this.#line.length < length) this.#line = new Int32Array(length);
    return this.#line.subarray(0, length);
  }

  ensure(cells: number, lineLength: number): void {
    if (this.columns.length < cells) this.columns = new Float64Array(cells);
    if (this.row.length < lineLength) {
      this.row = new Float64Array(lineLength);
      this.distances = new Float64Array(lineLength);
      this.v = new Int32Array(lineLength);
      this.z = new Float64Array(lineLength + 1);
    }
  }
}

/**
 * Computes the final cost of every cell of `target` into `out`, from `base` costs (`FREE`, graded,
 * `LETHAL` or `UNKNOWN`) of a `width` × `height` grid. Obstacles (`LETHAL`, and `UNKNOWN` when
 * inflating around unknown) are found with an exact squared Euclidean distance transform over the
 * target grown by the inflation radius, so only that neighbourhood is read. `table` maps squared cell
 * distances to costs (see `inflationCostTable`); farther cells get `FREE`.
 *
 * Combination, as Nav2's inflation layer: lethal stays lethal, a known cell takes the higher of its
 * own and the inflated cost, an unknown cell takes the inflated cost only when it is at least
 * `INSCRIBED` (or above `FREE` when `inflateUnknown`); unknown cells that are themselves sources stay
 * unknown.
 */
export function inflateWindow(
  base: Uint8Array,
  width: number,
  height: number,
  table: Uint8Array,
  unknown: UnknownHandling,
  target: CellWindow,
  out: Uint8Array,
  scratch: InflationScratch = new InflationScratch(),
): void {
  const maxSquared = table.length - 1;
  const reach = Math.floor(Math.sqrt(maxSquared));
  const c0 = Math.max(0, target.minCol - reach);
  const c1 = Math.min(width - 1, target.maxCol + reach);
  const r0 = Math.max(0, target.minRow - reach);
  const r1 = Math.min(height - 1, target.maxRow + reach);
  const w = c1 - c0 + 1;
  const h = r1 - r0 + 1;
  scratch.ensure(w * h, w);
  const columns = scratch.columns;
  const aroundUnknown = unknown.inflateAroundUnknown;

  // Vertical pass, row by row for cache-friendly reads: squared distance to the nearest obstacle in
  // the same column, FAR beyond reach. `last` holds, per column, the row of the latest obstacle.
  const last = scratch.lineState(w);
  last.fill(-0x3fffffff);
  for (let y = 0; y < h; y++) {
    const rowStart = (r0 + y) * width + c0;
    const at = y * w;
    for (let x = 0; x < w; x++) {
      const cost = base[rowStart + x]!;
      if (cost === LETHAL || (aroundUnknown && cost === UNKNOWN)) last[x] = y;
      const d = y - last[x]!;
      columns[at + x] = d <= reach ? d * d : FAR;
    }
  }
  last.fill(0x3fffffff);
  for (let y = h - 1; y >= 0; y--) {
    const rowStart = (r0 + y) * width + c0;
    const at = y * w;
    for (let x = 0; x < w; x++) {
      const cost = base[rowStart + x]!;
      if (cost === LETHAL || (aroundUnknown && cost === UNKNOWN)) last[x] = y;
      const d = last[x]! - y;
      if (d <= reach && d * d < columns[at + x]!) columns[at + x] = d * d;
    }
  }

  // Horizontal pass, only for the target rows; costs straight from the table.
  const row = scratch.row;
  const distances = scratch.distances;
  const inflatedMin = unknown.inflateUnknown ? FREE + 1 : INSCRIBED;
  for (let r = target.minRow; r <= target.maxRow; r++) {
    const y = r - r0;
    row.set(columns.subarray(y * w, y * w + w));
    squaredDistance1d(row, w, distances, scratch.v, scratch.z);
    for (let c = target.minCol; c <= target.maxCol; c++) {
      const index = r * width + c;
      const own = base[index]!;
      const d2 = distances[c - c0]!;
      const inflated = d2 <= maxSquared ? table[d2 | 0]! : FREE;
      if (own === LETHAL) out[index] = LETHAL;
      // An unknown cell that is itself a source (inflating around unknown) stays unknown.
      else if (own === UNKNOWN) out[index] = d2 > 0 && inflated >= inflatedMin ? inflated : UNKNOWN;
      else out[index] = inflated > own ? inflated : own;
    }
  }
}
