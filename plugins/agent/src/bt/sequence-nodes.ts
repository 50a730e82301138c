import type { TickStatus } from './node-status.js';
import { TreeNode } from './tree-node.js';

/**
 * BehaviorTree.CPP's `Sequence`: ticks children in order and remembers the running one, so the
 * children before it are not ticked again while it runs. A failure resets it to the first child.
 */
export class SequenceNode extends TreeNode {
  private current = 0;
  /** When true (`SequenceWithMemory`), a failure does not restart from the first child. */
  protected readonly keepIndexOnFailure: boolean = false;

  protected tick(): TickStatus {
    const children = this.children;
    while (this.current < children.length) {
      const status = (children[this.current] as TreeNode).executeTick();
      if (status === 'RUNNING') return 'RUNNING';
      if (status === 'FAILURE') {
        if (this.keepIndexOnFailure) {
          // Only the failed child is reset, so the next tick retries it without redoing the others.
          (children[this.current] as TreeNode).halt();
        } else {
          this.haltChildren(0);
          this.current = 0;
        }
        return 'FAILURE';
      }
      this.current++;
    }
    this.haltChildren(0);
    this.current = 0;
    return 'SUCCESS';
  }

  protected override onHalt(): void {
    this.current = 0;
    this.haltChildren(0);
  }
}

/** BehaviorTree.CPP's `SequenceWithMemory`: like Sequence, but after a failure it resumes at the failed child. */
export class SequenceWithMemoryNode extends SequenceNode {
  protected override readonly keepIndexOnFailure = true;
}

/**
 * BehaviorTree.CPP's `ReactiveSequence`: every tick starts again from the first child, so a
 * condition that turns false halts the running action after it. When a child runs, every other
 * child is halted.
 */
export class ReactiveSequenceNode extends TreeNode {
  protected tick(): TickStatus {
    const children = this.children;
    for (let i = 0; i < children.length; i++) {
      const status = (children[i] as TreeNode).executeTick();
      if (status === 'RUNNING') {
        this.haltOthers(i);
        return 'RUNNING';
      }
      if (status === 'FAILURE') {
        this.haltChildren(0);
        return 'FAILURE';
      }
    }
    this.haltChildren(0);
    return 'SUCCESS';
  }
}

/**
 * BehaviorTree.CPP's `Fallback`: tries children in order until one succeeds, remembering the
 * running one. Fails when all fail.
 */
export class FallbackNode extends TreeNode {
  private current = 0;

  protected tick(): TickStatus {
    const children = this.children;
    while (this.current < children.length) {
      const status = (children[this.current] as TreeNode).executeTick();
      if (status === 'RUNNING') return 'RUNNING';
      if (status === 'SUCCESS') {
        this.haltChildren(0);
        this.current = 0;
        return 'SUCCESS';
      }
      this.current++;
    }
    this.haltChildren(0);
    this.current = 0;
    return 'FAILURE';
  }

  protected override onHalt(): void {
    this.current = 0;
    this.haltChildren(0);
  }
}

/**
 * BehaviorTree.CPP's `ReactiveFallback`: every tick starts again from the first child, so a
 * higher-priority child that succeeds halts the running one after it. When a child runs, every
 * other child is halted.
 */
export class ReactiveFallbackNode extends TreeNode {
  protected tick(): TickStatus {
    const children = this.children;
    for (let i = 0; i < children.length; i++) {
      const status = (children[i] as TreeNode).executeTick();
      if (status === 'RUNNING') {
        this.haltOthers(i);
        return 'RUNNING';
      }
      if (status === 'SUCCESS') {
        this.haltChildren(0);
        return 'SUCCESS';
      }
    }
    this.haltChildren(0);
    return 'FAILURE';
  }
}
