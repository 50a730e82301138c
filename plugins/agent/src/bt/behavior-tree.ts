import type { Clock, Timer } from '@omnimind/core';
import { AbortedError } from '@omnimind/core';
import { Observable, Subject } from 'rxjs';
import type { Blackboard } from './blackboard.js';
import { BT_ERROR_CODES, BtRuntimeError } from './bt-errors.js';
import type { NodeStatus, TickStatus } from './node-status.js';
import type { TreeNode, TreeRuntime } from './tree-node.js';
import { snapshotNode } from './tree-snapshot.js';
import type { StatusChange, TreeSnapshot } from './tree-snapshot.js';

/** Options of {@link BehaviorTree.tickWhileRunning}. */
export interface TickLoopOptions {
  /** Longest wait between ticks while nothing wakes the tree (ms of the tree clock; default 10). */
  readonly periodMs?: number;
  /** Halts the tree and rejects with `OMNI_ERR_ABORTED` when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * A built behavior tree: tick it, halt it, watch it. Made by `BehaviorTreeFactory.createTree`.
 *
 * @example
 * ```ts
 * const tree = factory.createTreeFromXml(xml, 'fetch.xml', { clock });
 * tree.statusChanges.subscribe((c) => log.debug(c));
 * const result = await tree.tickWhileRunning({ periodMs: 50 });
 * ```
 */
export class BehaviorTree {
  /** The root node. */
  readonly root: TreeNode;
  /** Every node, indexed by uid (depth-first order, subtrees expanded). */
  readonly nodes: readonly TreeNode[];
  private readonly changes = new Subject<StatusChange>();
  private readonly snapshotSubject = new Subject<TreeSnapshot>();
  private readonly wakeSubject = new Subject<void>();
  private ticks = 0;
  private ticking = false;
  private wakePending = false;
  private disposed = false;

  /** Status changes of every node, as they happen (computed only while subscribed). */
  readonly statusChanges: Observable<StatusChange>;
  /** A snapshot of the whole tree after each tick (computed only while subscribed). */
  readonly snapshots: Observable<TreeSnapshot> = this.snapshotSubject.asObservable();
  /** Emits when a node asks for a tick (a promise settled, a timer fired). */
  readonly wakeUps: Observable<void> = this.wakeSubject.asObservable();

  constructor(
    /** The tree's ID. */
    readonly id: string,
    /** The clock that times delays and timeouts. */
    readonly clock: Clock,
    /** The root blackboard scope. */
    readonly blackboard: Blackboard,
    build: (runtime: TreeRuntime) => { root: TreeNode; nodes: readonly TreeNode[] },
  ) {
    const runtime = {
      clock,
      observed: false,
      statusChanged: (node: TreeNode, previous: NodeStatus) => this.statusChanged(node, previous),
      wakeUp: () => {
        this.wakePending = true;
        this.wakeSubject.next();
      },
    };
    let watchers = 0;
    // Nodes check a plain flag rather than the subject, so an unwatched tree pays nothing per change.
    this.statusChanges = new Observable<StatusChange>((subscriber) => {
      watchers++;
      runtime.observed = true;
      const subscription = this.changes.subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        runtime.observed = --watchers > 0;
      };
    });
    const built = build(runtime);
    this.root = built.root;
    this.nodes = built.nodes;
  }

  /** The root's status. */
  get status(): NodeStatus {
    return this.root.status;
  }

  /** How many times the tree has been ticked. */
  get tickCount(): number {
    return this.ticks;
  }

  /**
   * Ticks the root once and returns its status. Errors from nodes propagate (the tree keeps its
   * state; call {@link halt} to reset it).
   */
  tick(): TickStatus {
    if (this.ticking) {
      throw new BtRuntimeError(BT_ERROR_CODES.reentrantTick, this.id, 'tick() called while the tree is ticking');
    }
    this.ticking = true;
    this.wakePending = false;
    this.ticks++;
    try {
      return this.root.executeTick();
    } finally {
      this.ticking = false;
      if (this.snapshotSubject.observed) this.snapshotSubject.next(this.snapshot());
    }
  }

  /** Halts every running node (aborting async actions) and resets the tree to IDLE. */
  halt(): void {
    this.root.halt();
  }

  /**
   * Ticks until the root completes, waiting between ticks until a node wakes the tree or
   * `periodMs` of the tree clock passes. Resolves with the final status.
   */
  async tickWhileRunning(options: TickLoopOptions = {}): Promise<TickStatus> {
    const periodMs = options.periodMs ?? 10;
    const signal = options.signal;
    for (;;) {
      if (signal?.aborted) {
        this.halt();
        throw new AbortedError(`behavior tree ${this.id}`, signal.reason);
      }
      const status = this.tick();
      if (status !== 'RUNNING') return status;
      await this.waitForWakeUp(periodMs, signal);
    }
  }

  /** The status of every node now (plain JSON). */
  snapshot(): TreeSnapshot {
    return {
      tree: this.id,
      tick: this.ticks,
      timeMs: this.clock.nowMs(),
      status: this.root.status,
      nodes: this.nodes.map(snapshotNode),
    };
  }

  /** Halts the tree and completes its streams. */
  dispose(): void {
    if (this.disposed) return;
    this.halt();
    this.disposed = true;
    this.changes.complete();
    this.snapshotSubject.complete();
    this.wakeSubject.complete();
  }

  /** Resolves on the next wake-up (at once if one came since the last tick) or after `maxMs`. */
  private waitForWakeUp(maxMs: number, signal: AbortSignal | undefined): Promise<void> {
    if (this.wakePending || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        subscription.unsubscribe();
        timer.cancel();
        signal?.removeEventListener('abort', done);
        resolve();
      };
      // Neither source can call done() synchronously, so both handles exist before it runs.
      const subscription = this.wakeSubject.subscribe(done);
      const timer: Timer = this.clock.setTimeout(maxMs, done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private statusChanged(node: TreeNode, previous: NodeStatus): void {
    const id = node.identity;
    this.changes.next({
      tree: this.id,
      tick: this.ticks,
      timeMs: this.clock.nowMs(),
      uid: id.uid,
      path: id.path,
      type: id.type,
      name: id.name,
      previous,
      status: node.status,
    });
  }
}
