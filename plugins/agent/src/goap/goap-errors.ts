import { OmniError } from '@omnimind/core';

/** Base of the task planner's typed failures. */
export class GoapError extends OmniError {}

/** The planning domain is inconsistent (a distance to an unknown place, a negative distance, a bad speed). */
export class InvalidDomain extends GoapError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_GOAP_INVALID_DOMAIN', message, { details });
  }
}

/** A state or goal names a place or object the domain does not know. */
export class UnknownSymbol extends GoapError {
  constructor(kind: 'place' | 'object' | 'target', name: string, where: string) {
    super('OMNI_ERR_GOAP_UNKNOWN_SYMBOL', `unknown ${kind} '${name}' in ${where}`, { details: { kind, name, where } });
  }
}

/**
 * No sequence of actions reaches the goal: a place cannot be reached, an object cannot be moved,
 * a target cannot be seen, or the battery cannot last. `details.reason` says which.
 */
export class GoalUnreachable extends GoapError {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_GOAP_UNREACHABLE', `goal unreachable: ${reason}`, { details: { reason, ...details } });
  }
}

/** The search expanded its budget of states without reaching the goal. */
export class PlanningBudgetExceeded extends GoapError {
  constructor(expansions: number) {
    super('OMNI_ERR_GOAP_BUDGET_EXCEEDED', `no plan within ${expansions} expanded states`, { details: { expansions } });
  }
}
