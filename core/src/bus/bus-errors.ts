import { OmniError } from '../errors/omni-error.js';

/** Raised when a topic (or service/action) is opened with a type other than the one it already has. */
export class TopicTypeMismatchError extends OmniError {
  constructor(kind: 'topic' | 'service' | 'action', name: string, existing: string, requested: string) {
    super(
      'OMNI_ERR_TOPIC_TYPE_MISMATCH',
      `${kind} '${name}' has type '${existing}' but was opened with type '${requested}'`,
      { details: { kind, name, existing, requested } },
    );
  }
}

/** Raised when an endpoint is used after it (or its node's bus) was closed. */
export class BusClosedError extends OmniError {
  constructor(what: string) {
    super('OMNI_ERR_BUS_CLOSED', `${what} is closed`, { details: { what } });
  }
}

/** Raised when a service call or a wait for a service gets no answer within its timeout (clock time). */
export class ServiceTimeoutError extends OmniError {
  constructor(service: string, timeoutMs: number, what = 'call') {
    super('OMNI_ERR_SERVICE_TIMEOUT', `${what} on '${service}' timed out after ${timeoutMs} ms`, {
      details: { service, timeoutMs, what },
    });
  }
}

/** Raised when no server provides a service at call time, or the server went away during the call. */
export class ServiceUnavailableError extends OmniError {
  constructor(service: string, reason = 'no server is available') {
    super('OMNI_ERR_SERVICE_UNAVAILABLE', `service '${service}': ${reason}`, { details: { service, reason } });
  }
}

/** Raised on the client when the service handler threw or rejected; the handler's error is the `cause`. */
export class ServiceFailedError extends OmniError {
  constructor(service: string, cause: unknown) {
    const text = cause instanceof Error ? cause.message : String(cause);
    super('OMNI_ERR_SERVICE_FAILED', `service '${service}' failed: ${text}`, { cause, details: { service } });
  }
}

/** Raised when a second server is created for a service or action name that already has one. */
export class ServiceDuplicateError extends OmniError {
  constructor(kind: 'service' | 'action', name: string, existingNode: string) {
    super('OMNI_ERR_SERVICE_DUPLICATE', `${kind} '${name}' already has a server (node '${existingNode}')`, {
      details: { kind, name, existingNode },
    });
  }
}

/** Raised by `sendGoal` when the action server rejected the goal. */
export class ActionGoalRejectedError extends OmniError {
  constructor(action: string, goalId: string) {
    super('OMNI_ERR_ACTION_GOAL_REJECTED', `action '${action}' rejected goal ${goalId}`, {
      details: { action, goalId },
    });
  }
}

/** The goal ended as aborted (the server's execute threw, or the server shut down); `cause` says why. */
export class ActionAbortedError extends OmniError {
  constructor(action: string, goalId: string, cause?: unknown) {
    const text = cause instanceof Error ? `: ${cause.message}` : cause === undefined ? '' : `: ${String(cause)}`;
    super('OMNI_ERR_ACTION_ABORTED', `action '${action}' aborted goal ${goalId}${text}`, {
      cause,
      details: { action, goalId },
    });
  }
}

/** The goal ended as canceled after a cancel request was accepted. */
export class ActionCanceledError extends OmniError {
  constructor(action: string, goalId: string) {
    super('OMNI_ERR_ACTION_CANCELED', `action '${action}' canceled goal ${goalId}`, { details: { action, goalId } });
  }
}
