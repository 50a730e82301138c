import { SystemClock } from '@omnimind/core';
import type { Clock } from '@omnimind/core';
import { BehaviorTree } from './behavior-tree.js';
import { Blackboard } from './blackboard.js';
import { parseBtDocument } from './bt-document.js';
import type { BtDocument, TreeDefinition } from './bt-document.js';
import { BT_ERROR_CODES, BtLoadError } from './bt-errors.js';
import type { ConditionSpec, StatefulActionSpec, SyncActionSpec } from './leaf-types.js';
import { NodeRegistry } from './node-registry.js';
import { buildTree, validateDefinition } from './tree-builder.js';
import type { TreeLookup } from './tree-builder.js';

/** Options of {@link BehaviorTreeFactory.createTree}. */
export interface CreateTreeOptions {
  /** The clock for Delay, Timeout and async actions (default: a system clock). Use a ManualClock in tests. */
  readonly clock?: Clock;
  /** The root blackboard (default: a new one). */
  readonly blackboard?: Blackboard;
}

/**
 * Registers node types and tree files, and builds trees, as BehaviorTree.CPP's `BehaviorTreeFactory`.
 *
 * @example
 * ```ts
 * const factory = new BehaviorTreeFactory();
 * factory.registerCondition('BatteryOk', { check: () => battery > 0.2 });
 * factory.registerStatefulAction('GoTo', {
 *   ports: { goal: inputPort('json') },
 *   onStart: (ctx) => navigate(ctx.getInput('goal'), ctx.signal),
 * });
 * const tree = factory.createTreeFromXml(xmlText, 'mission.xml', { clock });
 * ```
 */
export class BehaviorTreeFactory {
  /** The node types this factory builds. */
  readonly registry = new NodeRegistry();
  private readonly definitions = new Map<string, TreeDefinition>();
  private lastMain: string | undefined;

  /** Registers a synchronous action type (see {@link SyncActionSpec}). */
  registerAction(type: string, spec: SyncActionSpec): this {
    this.registry.registerAction(type, spec);
    return this;
  }

  /** Registers a condition type (see {@link ConditionSpec}). */
  registerCondition(type: string, spec: ConditionSpec): this {
    this.registry.registerCondition(type, spec);
    return this;
  }

  /** Registers an asynchronous action type (see {@link StatefulActionSpec}). */
  registerStatefulAction(type: string, spec: StatefulActionSpec): this {
    this.registry.registerStatefulAction(type, spec);
    return this;
  }

  /**
   * Parses a BehaviorTree.CPP v4 file and registers its trees, checking node types, child counts
   * and ports now (register node types first). Raises `UserInputError`s with `file:line:col`.
   */
  registerTreesFromXml(text: string, file: string): BtDocument {
    const document = parseBtDocument(text, file);
    for (const tree of document.trees) {
      const existing = this.definitions.get(tree.id);
      if (existing) {
        const where = `${existing.location.file}:${existing.location.line}:${existing.location.col}`;
        throw new BtLoadError(
          BT_ERROR_CODES.duplicateTree,
          `tree "${tree.id}" is already registered (${where})`,
          tree.location,
        );
      }
      validateDefinition(tree, this.registry);
    }
    const known = new Set([...this.definitions.keys(), ...document.trees.map((tree) => tree.id)]);
    if (document.main && !known.has(document.main.id)) {
      throw new BtLoadError(
        BT_ERROR_CODES.unknownTree,
        `main_tree_to_execute "${document.main.id}" is not defined; known trees: ${[...known].sort().join(', ')}`,
        document.main.location,
      );
    }
    const main = document.main?.id ?? (document.trees.length === 1 ? document.trees[0]?.id : undefined);
    if (main === undefined) {
      throw new BtLoadError(
        BT_ERROR_CODES.noMainTree,
        `the file defines ${document.trees.length} trees and no main_tree_to_execute`,
        document.trees[0]?.location,
      );
    }
    for (const tree of document.trees) this.definitions.set(tree.id, tree);
    this.lastMain = main;
    return document;
  }

  /** The IDs of the registered trees, sorted. */
  treeIds(): string[] {
    return [...this.definitions.keys()].sort();
  }

  /** Builds tree `id` (default: the main tree of the last registered file). */
  createTree(id?: string, options: CreateTreeOptions = {}): BehaviorTree {
    const treeId = id ?? this.lastMain;
    const definition = treeId === undefined ? undefined : this.definitions.get(treeId);
    if (!definition) {
      throw new BtLoadError(
        BT_ERROR_CODES.unknownTree,
        `tree "${treeId ?? ''}" is not registered; known trees: ${this.treeIds().join(', ') || 'none'}`,
      );
    }
    const lookup: TreeLookup = { get: (tid) => this.definitions.get(tid), ids: () => this.treeIds() };
    const clock = options.clock ?? new SystemClock();
    const blackboard = options.blackboard ?? new Blackboard();
    return new BehaviorTree(definition.id, clock, blackboard, (runtime) =>
      buildTree(definition, lookup, this.registry, runtime, blackboard),
    );
  }

  /** Registers the trees of `text` and builds its main tree. */
  createTreeFromXml(text: string, file: string, options: CreateTreeOptions = {}): BehaviorTree {
    this.registerTreesFromXml(text, file);
    return this.createTree(undefined, options);
  }
}
