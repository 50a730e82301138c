import { OmniError, UserInputError } from '@omnimind/core';
import type { SourceLocation } from '@omnimind/core';

/**
 * Every code the behavior-tree engine raises. Load-time codes come as {@link UserInputError}s with
 * the `file:line:col` of the offending element or attribute; run-time codes as {@link BtRuntimeError}s
 * naming the node's path.
 */
export const BT_ERROR_CODES = {
  /** The text is not well-formed XML. */
  xml: 'OMNI_ERR_BT_XML',
  /** Well-formed XML that is not a BehaviorTree.CPP v4 document. */
  format: 'OMNI_ERR_BT_FORMAT',
  /** An element names a node type that is not registered. */
  unknownNode: 'OMNI_ERR_BT_UNKNOWN_NODE',
  /** A node has more or fewer children than its type allows. */
  childCount: 'OMNI_ERR_BT_CHILD_COUNT',
  /** A required port is not given in the XML. */
  missingPort: 'OMNI_ERR_BT_MISSING_PORT',
  /** An attribute is not a port of the node type. */
  unknownPort: 'OMNI_ERR_BT_UNKNOWN_PORT',
  /** A port value does not convert to the port's type, or is not allowed there. */
  portValue: 'OMNI_ERR_BT_PORT_VALUE',
  /** A SubTree or `main_tree_to_execute` names a tree that is not defined. */
  unknownTree: 'OMNI_ERR_BT_UNKNOWN_TREE',
  /** A tree includes itself through SubTree references. */
  subtreeRecursion: 'OMNI_ERR_BT_SUBTREE_RECURSION',
  /** A tree with the same ID is already registered. */
  duplicateTree: 'OMNI_ERR_BT_DUPLICATE_TREE',
  /** Several trees and no `main_tree_to_execute`. */
  noMainTree: 'OMNI_ERR_BT_NO_MAIN_TREE',
  /** A node type with that name is already registered. */
  duplicateType: 'OMNI_ERR_BT_DUPLICATE_TYPE',
  /** A node type registration is invalid (bad name, port or callbacks). */
  invalidType: 'OMNI_ERR_BT_INVALID_TYPE',
  /** An input port reads a blackboard entry that is not set. */
  missingEntry: 'OMNI_ERR_BT_MISSING_ENTRY',
  /** A blackboard value does not match the port's declared type. */
  portType: 'OMNI_ERR_BT_PORT_TYPE',
  /** A leaf returned something that is not a valid status for it. */
  invalidStatus: 'OMNI_ERR_BT_INVALID_STATUS',
  /** A leaf callback threw, or its promise rejected. */
  nodeFailed: 'OMNI_ERR_BT_NODE_FAILED',
  /** `tick()` was called while the tree was already ticking. */
  reentrantTick: 'OMNI_ERR_BT_REENTRANT_TICK',
} as const;

/** One of {@link BT_ERROR_CODES}. */
export type BtErrorCode = (typeof BT_ERROR_CODES)[keyof typeof BT_ERROR_CODES];

/** An error in a behavior-tree XML file, with where it is. */
export class BtLoadError extends UserInputError {
  constructor(code: BtErrorCode, message: string, location?: SourceLocation, details: Record<string, unknown> = {}) {
    super(code, message, location, { details });
  }
}

/** An error while a tree runs: `path` names the node (`Main/Sequence/GoTo[1]`). */
export class BtRuntimeError extends OmniError {
  /** The path of the node that raised it. */
  readonly path: string;

  constructor(code: BtErrorCode, path: string, message: string, options: { cause?: unknown } = {}) {
    super(code, `${path}: ${message}`, { cause: options.cause, details: { path } });
    this.path = path;
  }
}

/** A programming error in a node type registration. */
export class BtRegistrationError extends OmniError {
  constructor(code: BtErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, { details });
  }
}
