import type { NodeStatus, TickStatus } from './node-status.js';
import type { NodeCategory, TreeNode } from './tree-node.js';

/** One node in a {@link TreeSnapshot}: plain JSON. */
export interface NodeSnapshot {
  /** Depth-first index, stable for a built tree. */
  readonly uid: number;
  /** The parent's uid; null for the root. */
  readonly parent: number | null;
  readonly path: string;
  readonly type: string;
  readonly name: string;
  readonly category: NodeCategory;
  readonly status: NodeStatus;
  /** What the node last returned (a completed child is reset to IDLE, this keeps its result). */
  readonly lastStatus: TickStatus | null;
}

/** The status of every node of a tree after a tick: plain JSON, ready to publish on a topic. */
export interface TreeSnapshot {
  /** The tree's ID. */
  readonly tree: string;
  /** How many ticks the tree has had. */
  readonly tick: number;
  /** The tree clock's time when the snapshot was taken (ms). */
  readonly timeMs: number;
  /** The root's status after the tick. */
  readonly status: NodeStatus;
  /** Every node, indexed by uid. */
  readonly nodes: readonly NodeSnapshot[];
}

/** One status change of one node, as a stream event (plain JSON). */
export interface StatusChange {
  readonly tree: string;
  /** The tick during which it changed (a halt between ticks reports the last tick). */
  readonly tick: number;
  readonly timeMs: number;
  readonly uid: number;
  readonly path: string;
  readonly type: string;
  readonly name: string;
  readonly previous: NodeStatus;
  readonly status: NodeStatus;
}

/** The snapshot of `node` (a plain object). */
export function snapshotNode(node: TreeNode): NodeSnapshot {
  const id = node.identity;
  return {
    uid: id.uid,
    parent: id.parentUid,
    path: id.path,
    type: id.type,
    name: id.name,
    category: id.category,
    status: node.status,
    lastStatus: node.lastStatus ?? null,
  };
}
