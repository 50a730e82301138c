import type { Clock } from '@omnimind/core';
import type { Blackboard } from './blackboard.js';
import type { TickStatus } from './node-status.js';
import type { PortMap } from './ports.js';

/** What a leaf callback gets: its ports, the tree's clock and, for async actions, an abort signal. */
export interface LeafContext {
  /** The node's `name` attribute (else its type). */
  readonly name: string;
  /** The node's path in the tree, for logs. */
  readonly path: string;
  /** The tree's clock: use it (`clock.sleep(ms, signal)`) rather than `setTimeout`. */
  readonly clock: Clock;
  /** The node's blackboard scope (prefer ports; this is for dynamic keys). */
  readonly blackboard: Blackboard;
  /**
   * Aborted when the node is halted (stateful actions only; a synchronous leaf's signal never
   * aborts). Pass it to every awaited call so that a halt stops the work.
   */
  readonly signal: AbortSignal;
  /** Input port value, converted to the port's type; throws when it is not set. */
  getInput<T = unknown>(port: string): T;
  /** Input port value, or undefined when not set. */
  tryInput<T = unknown>(port: string): T | undefined;
  /** Writes an output port; returns false when the port is not mapped. */
  setOutput(port: string, value: unknown): boolean;
}

/** A completed leaf result: a status or a boolean (true is SUCCESS). */
export type LeafResult = 'SUCCESS' | 'FAILURE' | boolean;

/** What every leaf registration may declare. */
export interface LeafSpecBase {
  /** The node type's ports. */
  readonly ports?: PortMap;
  /** One line shown in docs and models. */
  readonly description?: string;
}

/** A synchronous action (BehaviorTree.CPP's `SyncActionNode`): completes within its tick. */
export interface SyncActionSpec extends LeafSpecBase {
  /** Does the work and says how it went. */
  tick(ctx: LeafContext): LeafResult;
}

/** A condition (BehaviorTree.CPP's `ConditionNode`): checks without side effects. */
export interface ConditionSpec extends LeafSpecBase {
  /** True (or SUCCESS) when the condition holds. */
  check(ctx: LeafContext): LeafResult;
}

/**
 * An asynchronous action (BehaviorTree.CPP's `StatefulActionNode`).
 *
 * `onStart` runs on the first tick. It may return a status at once, or a promise: the node then
 * runs until the promise settles and returns its result on the next tick (`undefined` is
 * SUCCESS; a rejection raises `OMNI_ERR_BT_NODE_FAILED`). While it runs, each tick calls
 * `onRunning` when given (its `undefined` means "still running"). A halt aborts `ctx.signal` and
 * calls `onHalted`.
 *
 * @example
 * ```ts
 * factory.registerStatefulAction('Wait', {
 *   ports: { msec: inputPort('number') },
 *   onStart: (ctx) => ctx.clock.sleep(ctx.getInput<number>('msec'), ctx.signal),
 * });
 * ```
 */
export interface StatefulActionSpec extends LeafSpecBase {
  /** Starts the work. */
  onStart(ctx: LeafContext): TickStatus | boolean | PromiseLike<LeafResult | void>;
  /** Polls the work on each tick while it runs. */
  onRunning?(ctx: LeafContext): TickStatus | boolean | void;
  /** Cleans up after a halt (the signal is already aborted). */
  onHalted?(ctx: LeafContext): void;
}
