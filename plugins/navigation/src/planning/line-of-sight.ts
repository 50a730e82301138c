const INF = Number.POSITIVE_INFINITY;

/**
 * The travel cost of the straight segment from the centre of cell (`fromCol`, `fromRow`) to the centre
 * of cell (`toCol`, `toRow`), in cell units: the sum over the cells it crosses of the length inside
 * the cell times the cell's factor. `Infinity` when it enters a blocked cell or passes exactly through
 * a cell corner next to a blocked cell (the any-angle form of "no corner cutting").
 *
 * Crossings are ordered with exact integer arithmetic, so a segment through a grid vertex is always
 * recognised as such, whatever the rounding.
 */
export function segmentCost(
  width: number,
  data: Uint8Array,
  factors: Float64Array,
  fromCol: number,
  fromRow: number,
  toCol: number,
  toRow: number,
): number {
  const dx = toCol - fromCol;
  const dy = toRow - fromRow;
  const adx = dx < 0 ? -dx : dx;
  const ady = dy < 0 ? -dy : dy;
  let index = fromRow * width + fromCol;
  let factor = factors[data[index]!]!;
  if (factor === INF) return INF;
  if (adx === 0 && ady === 0) return 0;
  const stepCol = dx < 0 ? -1 : 1;
  const stepRow = dy < 0 ? -width : width;
  const twoAdx = 2 * adx;
  const twoAdy = 2 * ady;
  // The k-th vertical grid line is crossed at t = (2k + 1) / (2 adx); likewise horizontal ones.
  let oddX = 1;
  let oddY = 1;
  let tPrev = 0;
  let sum = 0;
  let col = fromCol;
  let row = fromRow;
  while (col !== toCol || row !== toRow) {
    const crossX = oddX * ady;
    const crossY = oddY * adx;
    let t: number;
    if (crossX < crossY) {
      t = oddX / twoAdx;
      oddX += 2;
      col += stepCol;
      index += stepCol;
    } else if (crossY < crossX) {
      t = oddY / twoAdy;
      oddY += 2;
      row += stepRow > 0 ? 1 : -1;
      index += stepRow;
    } else {
      t = oddX / twoAdx;
      if (factors[data[index + stepCol]!]! === INF || factors[data[index + stepRow]!]! === INF) return INF;
      oddX += 2;
      oddY += 2;
      col += stepCol;
      row += stepRow > 0 ? 1 : -1;
      index += stepCol + stepRow;
    }
    sum += (t - tPrev) * factor;
    factor = factors[data[index]!]!;
    if (factor === INF) return INF;
    tPrev = t;
  }
  sum += (1 - tPrev) * factor;
  return sum * Math.sqrt(dx * dx + dy * dy);
}
