import type { MotionProfile } from '../../energy/energy-model.js';
import type { GoalCondition } from '../goal-condition.js';
import type { PlanningDomain } from '../planning-domain.js';
import type { WorldState } from '../world-state.js';

/** Drive to a place (shortest known route). */
export interface MoveAction {
  readonly type: 'move';
  readonly to: string;
}
/** Pick up an object at the robot's place. */
export interface GraspAction {
  readonly type: 'grasp';
  readonly object: string;
}
/** Put the held object down at the robot's place (`at`). */
export interface ReleaseAction {
  readonly type: 'release';
  readonly object: string;
  readonly at: string;
}
/** Push an object from the robot's place to another place, travelling with it. */
export interface PushAction {
  readonly type: 'push';
  readonly object: string;
  readonly to: string;
}
/** Pull an object by its handle from the robot's place to another place, travelling with it. */
export interface PullAction {
  readonly type: 'pull';
  readonly object: string;
  readonly to: string;
}
/** Turn in place to face `angle` (radians, map frame). */
export interface RotateAction {
  readonly type: 'rotate';
  readonly angle: number;
}
/** Look at an object or an area (a place); sets `observed`. */
export interface ObserveAction {
  readonly type: 'observe';
  readonly target: string;
  readonly kind: 'object' | 'area';
}
/** Stand still for `seconds`. */
export interface WaitAction {
  readonly type: 'wait';
  readonly seconds: number;
}
/** Settle on the dock at the robot's place without charging. */
export interface DockAction {
  readonly type: 'dock';
}
/** Dock (if needed) and charge to full at the robot's place. */
export interface ChargeAction {
  readonly type: 'charge';
}

/** A grounded action: an action type with all its parameters bound. */
export type GroundedAction =
  | MoveAction
  | GraspAction
  | ReleaseAction
  | PushAction
  | PullAction
  | RotateAction
  | ObserveAction
  | WaitAction
  | DockAction
  | ChargeAction;

/** The action type names. */
export type ActionType = GroundedAction['type'];

/** The grounded action of type `T`. */
export type ActionOf<T extends ActionType> = Extract<GroundedAction, { type: T }>;

/** What planning knows besides the state: the domain, the goal (for goal-directed grounding), limits. */
export interface PlanningContext {
  readonly domain: PlanningDomain;
  readonly goal: GoalCondition;
  /** No action but `charge` may leave the battery below this, Wh. */
  readonly batteryFloorWh: number;
}

/** Predicted cost of one action in one state. */
export interface ActionEstimate {
  /** Seconds the action takes. */
  readonly durationS: number;
  /** Metres travelled. */
  readonly distanceM: number;
  /** How it uses the motors (for energy prediction). */
  readonly profile: MotionProfile;
  /** Net energy taken from the battery, Wh (negative while charging). */
  readonly energyWh: number;
}

/**
 * An action schema: how to ground an action type in a state, its preconditions, its cost and its
 * effects. Estimates and effects may depend on the state (a move's length depends on where the
 * robot is; a charge's duration on the battery level).
 */
export interface ActionSchema<T extends ActionType> {
  readonly type: T;
  /** The groundings worth trying in `state` (applicability is checked separately). */
  ground(state: WorldState, ctx: PlanningContext): Iterable<ActionOf<T>>;
  /** Why `action` cannot run in `state`, or `undefined` when its preconditions hold. */
  unmet(action: ActionOf<T>, state: WorldState, ctx: PlanningContext): string | undefined;
  /** Duration, distance and motion of `action` from `state` (preconditions assumed to hold). */
  estimate(action: ActionOf<T>, state: WorldState, ctx: PlanningContext): Omit<ActionEstimate, 'energyWh'>;
  /** The state after `action`, battery aside (the caller books the energy). */
  apply(action: ActionOf<T>, state: WorldState, ctx: PlanningContext): WorldState;
}

/** A short human-readable form, e.g. `move(shelf)`, `release(red_box@dock)`. */
export function formatAction(action: GroundedAction): string {
  switch (action.type) {
    case 'move':
      return `move(${action.to})`;
    case 'grasp':
      return `grasp(${action.object})`;
    case 'release':
      return `release(${action.object}@${action.at})`;
    case 'push':
    case 'pull':
      return `${action.type}(${action.object}→${action.to})`;
    case 'rotate':
      return `rotate(${action.angle.toFixed(3)})`;
    case 'observe':
      return `observe(${action.target})`;
    case 'wait':
      return `wait(${action.seconds})`;
    case 'dock':
    case 'charge':
      return `${action.type}()`;
  }
}

/** The facts every motion clears: off the dock, heading unknown, no waiting done here. */
export const AFTER_MOTION: Pick<WorldState, 'docked' | 'heading' | 'waitedS'> = {
  docked: false,
  heading: null,
  waitedS: 0,
};
