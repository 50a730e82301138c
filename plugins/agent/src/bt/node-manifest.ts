import type { Blackboard } from './blackboard.js';
import type { NodePorts } from './node-ports.js';
import type { PortMap } from './ports.js';
import type { NodeCategory, NodeIdentity, TreeNode, TreeRuntime } from './tree-node.js';

/** What the tree builder hands a node factory. */
export interface NodeCreateArgs {
  readonly identity: NodeIdentity;
  readonly children: readonly TreeNode[];
  readonly ports: NodePorts;
  readonly runtime: TreeRuntime;
  readonly blackboard: Blackboard;
}

/** How many children a node type takes. */
export interface ChildRange {
  readonly min: number;
  /** Upper bound; `Infinity` for control nodes. */
  readonly max: number;
}

/** A node type the loader knows: its category, ports, child count and factory. */
export interface NodeManifest {
  /** The element name (or `ID`) that selects it in XML. */
  readonly type: string;
  readonly category: NodeCategory;
  readonly ports: PortMap;
  readonly children: ChildRange;
  /** One line for docs and error messages. */
  readonly description?: string;
  /** True for the engine's own node types. */
  readonly builtin: boolean;
  /**
   * Checks the literal port values of an instance at load time (values read from the blackboard
   * are checked when ticked); returns the offending port and why, or undefined when fine.
   */
  check?(literals: ReadonlyMap<string, unknown>, childCount: number): { port: string; reason: string } | undefined;
  /** Makes an instance. */
  create(args: NodeCreateArgs): TreeNode;
}
