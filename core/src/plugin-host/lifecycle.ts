import { OmniError } from '../errors/omni-error.js';
import type { LifecycleStateLabel, LifecycleTransitionLabel } from '../control/control-api.js';

export type { LifecycleStateLabel, LifecycleTransitionLabel };

/** Primary states of a managed node. */
export type PrimaryState = 'unconfigured' | 'inactive' | 'active' | 'finalized';

/** ROS 2 `lifecycle_msgs/msg/State` ids. */
export const STATE_IDS: Readonly<Record<LifecycleStateLabel, number>> = {
  unconfigured: 1,
  inactive: 2,
  active: 3,
  finalized: 4,
  configuring: 10,
  cleaningup: 11,
  shuttingdown: 12,
  activating: 13,
  deactivating: 14,
  errorprocessing: 15,
};

interface TransitionRule {
  readonly from: readonly PrimaryState[];
  readonly via: LifecycleStateLabel;
  readonly to: PrimaryState;
}

/** The managed-node transition table (ROS 2 design article "Managed nodes"). */
export const TRANSITIONS: Readonly<Record<LifecycleTransitionLabel, TransitionRule>> = {
  configure: { from: ['unconfigured'], via: 'configuring', to: 'inactive' },
  cleanup: { from: ['inactive'], via: 'cleaningup', to: 'unconfigured' },
  activate: { from: ['inactive'], via: 'activating', to: 'active' },
  deactivate: { from: ['active'], via: 'deactivating', to: 'inactive' },
  shutdown: { from: ['unconfigured', 'inactive', 'active'], via: 'shuttingdown', to: 'finalized' },
};

/** ROS 2 `lifecycle_msgs/msg/Transition` ids of the user-requestable transitions. */
export const TRANSITION_IDS: Readonly<Record<LifecycleTransitionLabel, number>> = {
  configure: 1,
  cleanup: 2,
  activate: 3,
  deactivate: 4,
  shutdown: 5,
};

/** A transition requested from a state that does not allow it. */
export class InvalidTransitionError extends OmniError {
  constructor(node: string, transition: string, state: LifecycleStateLabel) {
    const allowed = allowedTransitions(state);
    super(
      'OMNI_ERR_LIFECYCLE_TRANSITION',
      `node '${node}' cannot '${transition}' from state '${state}'` +
        (allowed.length > 0 ? `; allowed: ${allowed.join(', ')}` : '; no transition is allowed from here'),
      { details: { node, transition, state, allowed } },
    );
  }
}

/** Transitions a node in `state` accepts. */
export function allowedTransitions(state: LifecycleStateLabel): LifecycleTransitionLabel[] {
  return (Object.keys(TRANSITIONS) as LifecycleTransitionLabel[]).filter((t) =>
    (TRANSITIONS[t].from as readonly string[]).includes(state),
  );
}

/** True when `label` names a user-requestable transition. */
export function isTransitionLabel(label: string): label is LifecycleTransitionLabel {
  return Object.prototype.hasOwnProperty.call(TRANSITIONS, label);
}

/** One lifecycle change of one node, as the host reports it. */
export interface LifecycleEvent {
  readonly node: string;
  readonly transition: LifecycleTransitionLabel | 'error' | 'recover';
  readonly from: LifecycleStateLabel;
  readonly to: LifecycleStateLabel;
  /** Set when the change was caused by an error. */
  readonly error?: unknown;
}
