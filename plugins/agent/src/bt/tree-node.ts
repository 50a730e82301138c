import type { Clock } from '@omnimind/core';
import type { NodePorts } from './node-ports.js';
import type { NodeStatus, TickStatus } from './node-status.js';

/** What a node category is, as BehaviorTree.CPP groups them. */
export type NodeCategory = 'action' | 'condition' | 'control' | 'decorator' | 'subtree';

/** The services of the running tree that its nodes use. */
export interface TreeRuntime {
  /** The tree's clock: every delay and timeout runs on it. */
  readonly clock: Clock;
  /** True while someone watches status changes; when false, nodes skip {@link statusChanged}. */
  readonly observed: boolean;
  /** Called on every status change of a node while {@link observed}. */
  statusChanged(node: TreeNode, previous: NodeStatus): void;
  /** Asks the executor to tick again soon (a promise settled, a timer fired). */
  wakeUp(): void;
}

/** The identity of a node instance within its tree. */
export interface NodeIdentity {
  /** Depth-first index in the whole tree (subtrees expanded), from 0. */
  readonly uid: number;
  /** The parent's uid; null for the tree's root. */
  readonly parentUid: number | null;
  /** Slash-separated names from the tree ID down (`Main/Sequence/GoTo[1]`). */
  readonly path: string;
  /** The registered type name (`Sequence`, `GoTo`, `SubTree`). */
  readonly type: string;
  /** The `name` attribute, else the type (the subtree ID for SubTree). */
  readonly name: string;
  /** The node's category. */
  readonly category: NodeCategory;
}

/**
 * Base of every node: holds the status, runs {@link tick} through {@link executeTick} (which
 * records the status change) and resets to `IDLE` on {@link halt}.
 */
export abstract class TreeNode {
  /** The current status. */
  status: NodeStatus = 'IDLE';
  /** The last status other than `IDLE` (what the node last returned), undefined before its first tick. */
  lastStatus: TickStatus | undefined;

  constructor(
    /** Who the node is. */
    readonly identity: NodeIdentity,
    /** Children, in document order. */
    readonly children: readonly TreeNode[],
    /** The node's ports. */
    readonly ports: NodePorts,
    /** The tree it belongs to. */
    protected readonly runtime: TreeRuntime,
  ) {}

  /** Ticks the node and records its new status. */
  executeTick(): TickStatus {
    const status = this.tick();
    if (status !== this.status) this.setStatus(status);
    return status;
  }

  /**
   * Stops the node (and, for control nodes and decorators, its children) and resets it to `IDLE`.
   * A running asynchronous action has its signal aborted and its `onHalted` called.
   */
  halt(): void {
    // Only a running node can have running descendants: every node resets its children when it
    // completes, so halting a completed or idle node is only a status reset.
    if (this.status === 'RUNNING') this.onHalt();
    if (this.status !== 'IDLE') this.setStatus('IDLE');
  }

  /** One tick of the node's own logic. */
  protected abstract tick(): TickStatus;

  /** What halting does besides resetting the status; by default, halts every child. */
  protected onHalt(): void {
    this.haltChildren(0);
  }

  /** Halts the children from index `from` on. */
  protected haltChildren(from: number): void {
    const children = this.children;
    for (let i = from; i < children.length; i++) (children[i] as TreeNode).halt();
  }

  /** Halts every child except the one at `keep`. */
  protected haltOthers(keep: number): void {
    const children = this.children;
    for (let i = 0; i < children.length; i++) if (i !== keep) (children[i] as TreeNode).halt();
  }

  /** Sets the status and reports the change. */
  protected setStatus(status: NodeStatus): void {
    const previous = this.status;
    this.status = status;
    if (status !== 'IDLE') this.lastStatus = status;
    if (this.runtime.observed) this.runtime.statusChanged(this, previous);
  }
}
