import { PlannerError } from './global-planner.js';

/** A planner was constructed with options out of range (a negative weight, a zero check interval...). */
export class InvalidPlannerOptions extends PlannerError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_PLANNER_INVALID_OPTIONS', message, { details });
  }
}

/** A plan request is malformed: costmap data of the wrong length, a non-finite pose, a bad timeout. */
export class InvalidPlanRequest extends PlannerError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_PLANNER_INVALID_REQUEST', message, { details });
  }
}
