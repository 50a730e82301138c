import { goalSymbols } from './goal-condition.js';
import type { GoalCondition } from './goal-condition.js';
import { InvalidDomain, UnknownSymbol } from './goap-errors.js';
import type { PlanningDomain } from './planning-domain.js';
import type { WorldState } from './world-state.js';

/**
 * Checks that `state` and `goal` name only places and objects of `domain`, and that the state
 * keeps its invariant (a held object has no place, every domain object has one).
 *
 * @throws {@link UnknownSymbol} for an unknown place or object; {@link InvalidDomain} for a state
 * that breaks the invariant.
 */
export function validatePlanningInputs(domain: PlanningDomain, state: WorldState, goal: GoalCondition): void {
  if (!domain.hasPlace(state.robotAt)) throw new UnknownSymbol('place', state.robotAt, 'state.robotAt');
  for (const [object, place] of Object.entries(state.objectAt)) {
    if (!(object in domain.objects)) throw new UnknownSymbol('object', object, 'state.objectAt');
    if (place !== null && !domain.hasPlace(place)) throw new UnknownSymbol('place', place, `state.objectAt.${object}`);
    if ((place === null) !== (state.holding === object)) {
      throw new InvalidDomain(`state: objectAt.${object} must be null exactly while it is held`, { object });
    }
  }
  if (state.holding !== null && !(state.holding in state.objectAt)) {
    throw new InvalidDomain(`state: held object ${state.holding} needs objectAt.${state.holding} = null`, {
      object: state.holding,
    });
  }
  for (const object of Object.keys(domain.objects)) {
    if (!(object in state.objectAt)) {
      throw new InvalidDomain(`state: objectAt has no entry for domain object ${object}`, { object });
    }
  }
  if (!Number.isFinite(state.batteryWh) || state.batteryWh < 0) {
    throw new InvalidDomain(`state: batteryWh must be a finite number ≥ 0, got ${state.batteryWh}`);
  }
  const symbols = goalSymbols(goal);
  for (const place of symbols.places) if (!domain.hasPlace(place)) throw new UnknownSymbol('place', place, 'goal');
  for (const object of symbols.objects)
    if (!(object in domain.objects)) throw new UnknownSymbol('object', object, 'goal');
  for (const target of symbols.targets) {
    if (!domain.hasPlace(target) && !(target in domain.objects))
      throw new UnknownSymbol('target', target, 'goal.observed');
  }
}
