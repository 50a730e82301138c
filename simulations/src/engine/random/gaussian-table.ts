/**
 * 256 standard-normal quantiles, scaled to unit variance: indexing it with a random byte gives a
 * Gaussian-like sample for a quarter of a 32-bit draw. Camera pixel noise needs ~60k samples per
 * image, where Box–Muller would cost more than rendering the image itself.
 */
export const GAUSSIAN_BYTE_TABLE: Float64Array = buildTable();

function buildTable(): Float64Array {
  // The normal CDF by trapezoidal integration of the density on a fine grid, then inverted at the
  // centre of each of 256 equal-probability bins.
  const lo = -6;
  const hi = 6;
  const steps = 24_000;
  const h = (hi - lo) / steps;
  const cdf = new Float64Array(steps + 1);
  const density = (x: number): number => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  for (let i = 1; i <= steps; i++) {
    const x0 = lo + (i - 1) * h;
    cdf[i] = cdf[i - 1]! + 0.5 * h * (density(x0) + density(x0 + h));
  }
  const table = new Float64Array(256);
  let j = 0;
  for (let k = 0; k < 256; k++) {
    const p = (k + 0.5) / 256;
    while (j < steps && cdf[j + 1]! < p) j++;
    const c0 = cdf[j]!;
    const c1 = cdf[j + 1]!;
    table[k] = lo + (j + (c1 > c0 ? (p - c0) / (c1 - c0) : 0)) * h;
  }
  let sumSquares = 0;
  for (const v of table) sumSquares += v * v;
  const scale = 1 / Math.sqrt(sumSquares / 256);
  for (let k = 0; k < 256; k++) table[k] = table[k]! * scale;
  return table;
}
