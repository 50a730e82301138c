import { OmniError } from '@omnimind/core';

/** Base of the costmap errors. */
export class CostmapError extends OmniError {}

/** Inflation or costmap parameters that do not make sense (negative radius, inflation inside the robot...). */
export class InvalidCostmapParams extends CostmapError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_COSTMAP_INVALID_PARAMS', message, { details });
  }
}

/** An occupancy grid whose data does not match its size, or whose geometry is unusable. */
export class InvalidOccupancyGrid extends CostmapError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_COSTMAP_INVALID_GRID', message, { details });
  }
}
