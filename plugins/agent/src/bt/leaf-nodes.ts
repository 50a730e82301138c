import { AbortedError } from '@omnimind/core';
import type { Blackboard } from './blackboard.js';
import { BT_ERROR_CODES, BtRuntimeError } from './bt-errors.js';
import type { LeafContext, LeafResult, StatefulActionSpec, SyncActionSpec, ConditionSpec } from './leaf-types.js';
import type { NodePorts } from './node-ports.js';
import type { TickStatus } from './node-status.js';
import { TreeNode } from './tree-node.js';
import type { NodeIdentity, TreeRuntime } from './tree-node.js';

const NEVER_ABORTED = new AbortController().signal;

/** Turns a leaf's answer into a status, rejecting what that kind of leaf may not return. */
function toStatus(path: string, value: unknown, allowRunning: boolean, allowVoid: boolean): TickStatus {
  if (value === true || value === 'SUCCESS') return 'SUCCESS';
  if (value === false || value === 'FAILURE') return 'FAILURE';
  if (value === 'RUNNING' && allowRunning) return 'RUNNING';
  if (value === undefined && allowVoid) return 'SUCCESS';
  throw new BtRuntimeError(BT_ERROR_CODES.invalidStatus, path, `returned ${String(value)}, which is not allowed here`);
}

/** Wraps what a user callback threw, keeping the engine's own errors as they are. */
function wrap(path: string, error: unknown): BtRuntimeError {
  if (error instanceof BtRuntimeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BtRuntimeError(BT_ERROR_CODES.nodeFailed, path, `threw: ${message}`, { cause: error });
}

/** Base of leaves: builds the {@link LeafContext} their callbacks get. */
abstract class LeafNode extends TreeNode {
  protected readonly context: LeafContext;

  constructor(identity: NodeIdentity, ports: NodePorts, runtime: TreeRuntime, blackboard: Blackboard) {
    super(identity, [], ports, runtime);
    const signal = (): AbortSignal => this.currentSignal();
    this.context = {
      name: identity.name,
      path: identity.path,
      clock: runtime.clock,
      blackboard,
      get signal(): AbortSignal {
        return signal();
      },
      getInput: (port) => ports.getInput(port),
      tryInput: (port) => ports.tryInput(port),
      setOutput: (port, value) => ports.setOutput(port, value),
    };
  }

  protected currentSignal(): AbortSignal {
    return NEVER_ABORTED;
  }
}

/** A registered synchronous action. */
export class SyncActionNode extends LeafNode {
  constructor(
    identity: NodeIdentity,
    ports: NodePorts,
    runtime: TreeRuntime,
    blackboard: Blackboard,
    private readonly spec: SyncActionSpec,
  ) {
    super(identity, ports, runtime, blackboard);
  }

  protected tick(): TickStatus {
    let result: LeafResult;
    try {
      result = this.spec.tick(this.context);
    } catch (error) {
      throw wrap(this.identity.path, error);
    }
    return toStatus(this.identity.path, result, false, false);
  }
}

/** A registered condition. */
export class ConditionNode extends LeafNode {
  constructor(
    identity: NodeIdentity,
    ports: NodePorts,
    runtime: TreeRuntime,
    blackboard: Blackboard,
    private readonly spec: ConditionSpec,
  ) {
    super(identity, ports, runtime, blackboard);
  }

  protected tick(): TickStatus {
    let result: LeafResult;
    try {
      result = this.spec.check(this.context);
    } catch (error) {
      throw wrap(this.identity.path, error);
    }
    return toStatus(this.identity.path, result, false, false);
  }
}

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** A registered asynchronous action with onStart / onRunning / onHalted. */
export class StatefulActionNode extends LeafNode {
  private controller: AbortController | undefined;
  /** Identifies the current run, so that a promise from a halted run is ignored when it settles. */
  private run = 0;
  private pending = false;
  private settled: Settled | undefined;

  constructor(
    identity: NodeIdentity,
    ports: NodePorts,
    runtime: TreeRuntime,
    blackboard: Blackboard,
    private readonly spec: StatefulActionSpec,
  ) {
    super(identity, ports, runtime, blackboard);
  }

  protected override currentSignal(): AbortSignal {
    return this.controller?.signal ?? NEVER_ABORTED;
  }

  protected tick(): TickStatus {
    const path = this.identity.path;
    if (this.status !== 'RUNNING') return this.start();
    if (this.settled) return this.finish(this.settled);
    let polled: unknown;
    try {
      polled = this.spec.onRunning?.(this.context);
    } catch (error) {
      throw this.abandon(error);
    }
    if (polled === undefined) {
      if (this.pending) return 'RUNNING';
      throw new BtRuntimeError(BT_ERROR_CODES.invalidStatus, path, 'onRunning returned nothing and no work is pending');
    }
    const status = toStatus(path, polled, true, false);
    if (status !== 'RUNNING') this.stop();
    return status;
  }

  protected override onHalt(): void {
    this.controller?.abort(new AbortedError(this.identity.path));
    this.stop();
    try {
      this.spec.onHalted?.(this.context);
    } catch (error) {
      throw wrap(this.identity.path, error);
    }
  }

  private start(): TickStatus {
    const path = this.identity.path;
    this.stop();
    this.controller = new AbortController();
    const run = ++this.run;
    let started: unknown;
    try {
      started = this.spec.onStart(this.context);
    } catch (error) {
      throw this.abandon(error);
    }
    if (isThenable(started)) {
      this.pending = true;
      started.then(
        (value) => this.settle(run, { ok: true, value }),
        (error: unknown) => this.settle(run, { ok: false, error }),
      );
      return 'RUNNING';
    }
    const status = toStatus(path, started, true, false);
    if (status !== 'RUNNING') this.stop();
    return status;
  }

  private settle(run: number, result: Settled): void {
    if (run !== this.run || !this.pending) return;
    this.pending = false;
    this.settled = result;
    this.runtime.wakeUp();
  }

  private finish(settled: Settled): TickStatus {
    if (!settled.ok) throw this.abandon(settled.error);
    this.stop();
    return toStatus(this.identity.path, settled.value, false, true);
  }

  /** After an error the node starts afresh on its next tick: it forgets the run and goes IDLE. */
  private abandon(error: unknown): BtRuntimeError {
    this.stop();
    if (this.status !== 'IDLE') this.setStatus('IDLE');
    return wrap(this.identity.path, error);
  }

  /**
   * Forgets the current run: a later settlement of its promise is ignored, and work still pending
   * (the node completed through onRunning) is aborted. The controller stays, so that onHalted
   * sees the aborted signal.
   */
  private stop(): void {
    if (this.pending) this.controller?.abort(new AbortedError(this.identity.path));
    this.run++;
    this.pending = false;
    this.settled = undefined;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
