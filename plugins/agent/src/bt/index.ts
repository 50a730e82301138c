/**
 * Behavior trees with BehaviorTree.CPP v4 semantics and XML: a tick engine, blackboard with typed
 * ports, an XML loader with `file:line:col` errors, and status snapshots and streams.
 */
export { NodeStatus, isCompleted } from './node-status.js';
export type { TickStatus } from './node-status.js';
export { BT_ERROR_CODES, BtLoadError, BtRuntimeError, BtRegistrationError } from './bt-errors.js';
export type { BtErrorCode } from './bt-errors.js';
export { Blackboard } from './blackboard.js';
export type { BlackboardScopeOptions } from './blackboard.js';
export { inputPort, outputPort, inoutPort, convertLiteral, coerceValue, parseRemap } from './ports.js';
export type { PortSpec, PortMap, PortType, PortDirection, Converted } from './ports.js';
export type {
  LeafContext,
  LeafResult,
  LeafSpecBase,
  SyncActionSpec,
  ConditionSpec,
  StatefulActionSpec,
} from './leaf-types.js';
export { TreeNode } from './tree-node.js';
export type { NodeCategory, NodeIdentity } from './tree-node.js';
export { NodeRegistry } from './node-registry.js';
export type { NodeManifest, ChildRange } from './node-manifest.js';
export { BehaviorTree } from './behavior-tree.js';
export type { TickLoopOptions } from './behavior-tree.js';
export type { TreeSnapshot, NodeSnapshot, StatusChange } from './tree-snapshot.js';
export { BehaviorTreeFactory } from './bt-factory.js';
export type { CreateTreeOptions } from './bt-factory.js';
export { parseBtDocument } from './bt-document.js';
export type { BtDocument, TreeDefinition } from './bt-document.js';
