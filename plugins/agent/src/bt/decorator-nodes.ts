import type { TickStatus } from './node-status.js';
import { TreeNode } from './tree-node.js';

/** Base of decorators: exactly one child (the loader checks the count). */
export abstract class DecoratorNode extends TreeNode {
  /** The decorated child. */
  protected get child(): TreeNode {
    return this.children[0] as TreeNode;
  }
}

/** `Inverter`: SUCCESS becomes FAILURE and FAILURE becomes SUCCESS; RUNNING passes through. */
export class InverterNode extends DecoratorNode {
  protected tick(): TickStatus {
    const status = this.child.executeTick();
    if (status === 'RUNNING') return 'RUNNING';
    this.child.halt();
    return status === 'SUCCESS' ? 'FAILURE' : 'SUCCESS';
  }
}

/** `ForceSuccess`: a completed child always reports SUCCESS. */
export class ForceSuccessNode extends DecoratorNode {
  protected tick(): TickStatus {
    const status = this.child.executeTick();
    if (status === 'RUNNING') return 'RUNNING';
    this.child.halt();
    return 'SUCCESS';
  }
}

/** `ForceFailure`: a completed child always reports FAILURE. */
export class ForceFailureNode extends DecoratorNode {
  protected tick(): TickStatus {
    const status = this.child.executeTick();
    if (status === 'RUNNING') return 'RUNNING';
    this.child.halt();
    return 'FAILURE';
  }
}

/**
 * Shared loop of Retry and Repeat: re-tick the child while it keeps ending with `again` and the
 * count allows. With a finite count the loop stays within one tick, as in BehaviorTree.CPP; with
 * -1 (forever) each new attempt waits for the next tick, so a tick always returns.
 */
abstract class LoopDecorator extends DecoratorNode {
  private count = 0;
  protected abstract readonly again: TickStatus;
  protected abstract readonly countPort: string;

  protected tick(): TickStatus {
    const limit = this.ports.getInput<number>(this.countPort);
    const finished: TickStatus = this.again === 'SUCCESS' ? 'SUCCESS' : 'FAILURE';
    const other: TickStatus = this.again === 'SUCCESS' ? 'FAILURE' : 'SUCCESS';
    while (limit < 0 || this.count < limit) {
      const status = this.child.executeTick();
      if (status === 'RUNNING') return 'RUNNING';
      this.child.halt();
      if (status === other) {
        this.count = 0;
        return other;
      }
      this.count++;
      if (limit < 0) return 'RUNNING';
    }
    this.count = 0;
    return finished;
  }

  protected override onHalt(): void {
    this.count = 0;
    this.child.halt();
  }
}

/**
 * `RetryUntilSuccessful`: re-ticks a failing child up to `num_attempts` times (-1: forever);
 * succeeds as soon as the child does, fails when the attempts are used up.
 */
export class RetryUntilSuccessfulNode extends LoopDecorator {
  protected readonly again = 'FAILURE';
  protected readonly countPort = 'num_attempts';
}

/**
 * `Repeat`: re-ticks a succeeding child `num_cycles` times (-1: forever); fails as soon as the
 * child fails, succeeds after the last cycle.
 */
export class RepeatNode extends LoopDecorator {
  protected readonly again = 'SUCCESS';
  protected readonly countPort = 'num_cycles';
}
