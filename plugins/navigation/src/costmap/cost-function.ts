import { COST } from '../grid/grid-types.js';
import type { CostmapParams } from './inflation-params.js';

// Distances within a nanometre of a radius count as on it, so that cells whose centres lie exactly
// on a radius are not lost to rounding (3 × 0.05 is 0.15000000000000002).
const ON_RADIUS = 1e-9;

/**
 * Nav2's inflation cost at `distance` metres from the nearest obstacle: `LETHAL` on it, `INSCRIBED`
 * within the inscribed radius, then `252 · exp(-costScalingFactor · (distance − inscribedRadius))`
 * (truncated to an integer) out to the inflation radius, and `FREE` beyond it.
 */
export function inflationCost(
  distance: number,
  params: Pick<CostmapParams, 'inscribedRadius' | 'inflationRadius' | 'costScalingFactor'>,
): number {
  if (distance === 0) return COST.LETHAL;
  if (distance <= params.inscribedRadius + ON_RADIUS) return COST.INSCRIBED;
  if (distance > params.inflationRadius + ON_RADIUS) return COST.FREE;
  return Math.floor((COST.INSCRIBED - 1) * Math.exp(-params.costScalingFactor * (distance - params.inscribedRadius)));
}

/**
 * Costs by squared distance in cells: entry `k` is the cost of a cell whose centre is `sqrt(k)`
 * cells from an obstacle cell's centre. Distances between cell centres are square roots of
 * integers, so this table gives every cost without a square root or an exponential per cell.
 */
export function inflationCostTable(
  params: Pick<CostmapParams, 'inscribedRadius' | 'inflationRadius' | 'costScalingFactor'>,
  resolution: number,
): Uint8Array {
  const radiusCells = (params.inflationRadius + ON_RADIUS) / resolution;
  const maxSquared = Math.floor(radiusCells * radiusCells);
  const table = new Uint8Array(maxSquared + 1);
  for (let k = 0; k <= maxSquared; k++) table[k] = inflationCost(Math.sqrt(k) * resolution, params);
  return table;
}
