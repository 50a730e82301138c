/**
 * What a node reports after a tick, as in BehaviorTree.CPP: `IDLE` (not ticked since its last
 * reset or halt), `RUNNING`, `SUCCESS` or `FAILURE`.
 */
export type NodeStatus = 'IDLE' | 'RUNNING' | 'SUCCESS' | 'FAILURE';

/** The statuses a tick can return (`IDLE` is only ever the state of a node at rest). */
export type TickStatus = Exclude<NodeStatus, 'IDLE'>;

/** The node statuses by name, for code that prefers constants to string literals. */
export const NodeStatus = {
  IDLE: 'IDLE',
  RUNNING: 'RUNNING',
  SUCCESS: 'SUCCESS',
  FAILURE: 'FAILURE',
} as const satisfies Record<NodeStatus, NodeStatus>;

/** True when `status` is `SUCCESS` or `FAILURE`. */
export function isCompleted(status: NodeStatus): status is 'SUCCESS' | 'FAILURE' {
  return status === 'SUCCESS' || status === 'FAILURE';
}
