import { COST } from '../grid/grid-types.js';
import type { Costmap } from '../grid/grid-types.js';

/** The cost of the cell containing world point (x, y); {@link COST.UNKNOWN} outside the grid. */
export function costAt(costmap: Costmap, x: number, y: number): number {
  const info = costmap.info;
  const col = Math.floor((x - info.originX) / info.resolution);
  const row = Math.floor((y - info.originY) / info.resolution);
  if (col < 0 || row < 0 || col >= info.width || row >= info.height) return COST.UNKNOWN;
  return costmap.data[row * info.width + col]!;
}

/**
 * Whether a circular robot centred in a cell of this cost touches an obstacle: the costmap is
 * inflated, so a centre cost of {@link COST.INSCRIBED} or more means contact.
 */
export function isCollisionCost(cost: number, allowUnknown: boolean): boolean {
  if (cost === COST.UNKNOWN) return !allowUnknown;
  return cost >= COST.INSCRIBED;
}

/**
 * Distance from a cell's centre to the nearest obstacle, recovered from its inflated cost by
 * inverting the exponential decay `cost = (INSCRIBED - 1) · exp(-k (d - r))` that inflation uses.
 * Infinity for free or unknown cells, where inflation says nothing.
 */
export function distanceFromCost(cost: number, inscribedRadius: number, inflationScalingFactor: number): number {
  if (cost === COST.FREE || cost === COST.UNKNOWN) return Number.POSITIVE_INFINITY;
  if (cost >= COST.INSCRIBED) return cost === COST.LETHAL ? 0 : inscribedRadius;
  return inscribedRadius - Math.log(cost / (COST.INSCRIBED - 1)) / inflationScalingFactor;
}

/**
 * The worst cost among the cells that come within `radius` of world point (x, y): what a robot
 * centre anywhere in that disc may be on. Checking poses `2 · radius` apart along a curve with this
 * misses no cell the curve crosses. Obstacles (inscribed, lethal) outrank unknown cells, which
 * outrank graded costs; outside the grid counts as unknown.
 */
export function worstCostNear(costmap: Costmap, x: number, y: number, radius: number): number {
  const info = costmap.info;
  const res = info.resolution;
  const c0 = Math.floor((x - radius - info.originX) / res);
  const c1 = Math.floor((x + radius - info.originX) / res);
  const r0 = Math.floor((y - radius - info.originY) / res);
  const r1 = Math.floor((y + radius - info.originY) / res);
  let worst: number = COST.FREE;
  let unknown = false;
  for (let row = r0; row <= r1; row++) {
    const cy = Math.max(info.originY + row * res, Math.min(y, info.originY + (row + 1) * res));
    for (let col = c0; col <= c1; col++) {
      const cx = Math.max(info.originX + col * res, Math.min(x, info.originX + (col + 1) * res));
      // Skip corner cells of the bounding box that the disc does not reach.
      if ((cx - x) * (cx - x) + (cy - y) * (cy - y) > radius * radius) continue;
      if (col < 0 || row < 0 || col >= info.width || row >= info.height) {
        unknown = true;
        continue;
      }
      const cost = costmap.data[row * info.width + col]!;
      if (cost === COST.UNKNOWN) unknown = true;
      else if (cost > worst) worst = cost;
    }
  }
  return worst >= COST.INSCRIBED || !unknown ? worst : COST.UNKNOWN;
}
