import { COST } from '../grid/grid-types.js';
import { InvalidPlannerOptions } from './planner-errors.js';

/** How cell costs weigh on the travel cost of a path. */
export interface CostModelOptions {
  /**
   * How strongly graded costs (1–252) lengthen travel: moving a distance `d` through a cell of cost
   * `c` costs `d × (1 + costWeight × c / 252)`. 0 plans the geometrically shortest path; larger values
   * keep further from obstacles. Default 2.
   */
  readonly costWeight?: number;
  /** Whether unknown cells (255) may be crossed. Default `true`, as Nav2's `allow_unknown`. */
  readonly allowUnknown?: boolean;
  /** The cost (0–252) an unknown cell is treated as when {@link allowUnknown} is on. Default 200. */
  readonly unknownCost?: number;
}

/** The highest graded cost: costs at or above {@link COST.INSCRIBED} are not traversable. */
export const MAX_TRAVERSABLE_COST = COST.INSCRIBED - 1;

/** Resolved cost-model options with their defaults. */
export interface CostModel {
  readonly costWeight: number;
  readonly allowUnknown: boolean;
  readonly unknownCost: number;
  /**
   * Travel-cost multiplier per cell value (index 0–255): `1 + costWeight × cost / 252`, or `Infinity`
   * where the cell may not be entered. Looking the factor up by the cell's byte keeps the search loop
   * to two array reads per neighbour.
   */
  readonly factors: Float64Array;
}

/** Validates `options` and builds the per-value factor table. */
export function createCostModel(options: CostModelOptions = {}): CostModel {
  const costWeight = options.costWeight ?? 2;
  const allowUnknown = options.allowUnknown ?? true;
  const unknownCost = options.unknownCost ?? 200;
  if (!Number.isFinite(costWeight) || costWeight < 0) {
    throw new InvalidPlannerOptions(`costWeight must be a finite number >= 0, got ${costWeight}`, { costWeight });
  }
  if (!Number.isInteger(unknownCost) || unknownCost < 0 || unknownCost > MAX_TRAVERSABLE_COST) {
    throw new InvalidPlannerOptions(
      `unknownCost must be an integer in 0..${MAX_TRAVERSABLE_COST}, got ${unknownCost}`,
      {
        unknownCost,
      },
    );
  }
  const factors = new Float64Array(256);
  for (let value = 0; value < 256; value++) {
    factors[value] =
      value <= MAX_TRAVERSABLE_COST ? 1 + (costWeight * value) / MAX_TRAVERSABLE_COST : Number.POSITIVE_INFINITY;
  }
  factors[COST.UNKNOWN] = allowUnknown
    ? 1 + (costWeight * unknownCost) / MAX_TRAVERSABLE_COST
    : Number.POSITIVE_INFINITY;
  return { costWeight, allowUnknown, unknownCost, factors };
}

/** Whether a cell of this value may be entered under `model`. */
export function isTraversable(model: CostModel, value: number): boolean {
  return model.factors[value]! !== Number.POSITIVE_INFINITY;
}
