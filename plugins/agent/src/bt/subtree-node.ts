import type { TickStatus } from './node-status.js';
import { TreeNode } from './tree-node.js';

/**
 * `SubTree`: ticks the root of another `<BehaviorTree>`, which runs on its own blackboard scope
 * (remapped to the parent's through the SubTree's attributes).
 */
export class SubTreeNode extends TreeNode {
  protected tick(): TickStatus {
    const root = this.children[0] as TreeNode;
    const status = root.executeTick();
    if (status !== 'RUNNING') root.halt();
    return status;
  }
}
