import { BT_ERROR_CODES, BtRuntimeError } from './bt-errors.js';
import type { TickStatus } from './node-status.js';
import { TreeNode } from './tree-node.js';

/** Resolves BehaviorTree.CPP's threshold convention: a negative count means "all but (-n - 1)". */
function threshold(value: number, children: number): number {
  return value < 0 ? Math.max(children + value + 1, 0) : value;
}

/**
 * BehaviorTree.CPP's `Parallel`: ticks every child that has not completed yet, each tick.
 * Succeeds once `success_count` children succeeded (default -1: all), fails once `failure_count`
 * failed (default 1) or success became impossible; either way the others are halted.
 */
export class ParallelNode extends TreeNode {
  private readonly completed = new Set<number>();
  private successes = 0;
  private failures = 0;

  protected tick(): TickStatus {
    const children = this.children;
    const n = children.length;
    const successThreshold = threshold(this.ports.getInput<number>('success_count'), n);
    const failureThreshold = threshold(this.ports.getInput<number>('failure_count'), n);
    if (successThreshold > n || failureThreshold > n) {
      throw new BtRuntimeError(
        BT_ERROR_CODES.portValue,
        this.identity.path,
        `success_count (${successThreshold}) and failure_count (${failureThreshold}) must not exceed the ${n} children`,
      );
    }
    for (let i = 0; i < n; i++) {
      if (this.completed.has(i)) continue;
      const status = (children[i] as TreeNode).executeTick();
      if (status === 'SUCCESS') {
        this.completed.add(i);
        this.successes++;
      } else if (status === 'FAILURE') {
        this.completed.add(i);
        this.failures++;
      }
      if (this.successes >= successThreshold) return this.finish('SUCCESS');
      if (n - this.failures < successThreshold || this.failures >= failureThreshold) return this.finish('FAILURE');
    }
    return 'RUNNING';
  }

  protected override onHalt(): void {
    this.clear();
    this.haltChildren(0);
  }

  private finish(status: TickStatus): TickStatus {
    this.clear();
    this.haltChildren(0);
    return status;
  }

  private clear(): void {
    this.completed.clear();
    this.successes = 0;
    this.failures = 0;
  }
}
