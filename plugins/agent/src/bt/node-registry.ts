import { distance } from 'fastest-levenshtein';
import { BT_ERROR_CODES, BtRegistrationError } from './bt-errors.js';
import { BUILTIN_NODES } from './builtin-nodes.js';
import { BUILTIN_LEAVES } from './builtin-leaves.js';
import { ConditionNode, StatefulActionNode, SyncActionNode } from './leaf-nodes.js';
import type { ConditionSpec, LeafSpecBase, StatefulActionSpec, SyncActionSpec } from './leaf-types.js';
import type { NodeManifest } from './node-manifest.js';
import { RESERVED_ATTRIBUTES, directionOf } from './ports.js';
import type { PortMap } from './ports.js';

const TYPE_NAME = /^[A-Za-z_][\w.-]*$/;
const PORT_NAME = /^[A-Za-z][\w]*$/;
/** The element names that are not node types but are understood by the loader. */
export const STRUCTURAL_TYPES: readonly string[] = ['SubTree'];

/**
 * The node types a factory can build: BehaviorTree.CPP's control nodes and decorators, a few
 * built-in leaves, and the actions and conditions the application registers by type name.
 */
export class NodeRegistry {
  private readonly manifests = new Map<string, NodeManifest>();

  constructor() {
    for (const manifest of BUILTIN_NODES) this.add(manifest);
    for (const [type, leaf] of Object.entries(BUILTIN_LEAVES)) {
      if (leaf.kind === 'action') this.registerAction(type, leaf.spec, true);
      else if (leaf.kind === 'condition') this.registerCondition(type, leaf.spec, true);
      else this.registerStatefulAction(type, leaf.spec, true);
    }
  }

  /** Registers a synchronous action type. */
  registerAction(type: string, spec: SyncActionSpec, builtin = false): void {
    checkSpec(type, spec, ['tick']);
    this.addLeaf(
      type,
      'action',
      spec,
      builtin,
      (a) => new SyncActionNode(a.identity, a.ports, a.runtime, a.blackboard, spec),
    );
  }

  /** Registers a condition type. */
  registerCondition(type: string, spec: ConditionSpec, builtin = false): void {
    checkSpec(type, spec, ['check']);
    this.addLeaf(
      type,
      'condition',
      spec,
      builtin,
      (a) => new ConditionNode(a.identity, a.ports, a.runtime, a.blackboard, spec),
    );
  }

  /** Registers an asynchronous (stateful) action type. */
  registerStatefulAction(type: string, spec: StatefulActionSpec, builtin = false): void {
    checkSpec(type, spec, ['onStart']);
    this.addLeaf(
      type,
      'action',
      spec,
      builtin,
      (a) => new StatefulActionNode(a.identity, a.ports, a.runtime, a.blackboard, spec),
    );
  }

  /** A leaf type: no children; ports and description from its spec. */
  private addLeaf(
    type: string,
    category: 'action' | 'condition',
    spec: SyncActionSpec | ConditionSpec | StatefulActionSpec,
    builtin: boolean,
    create: NodeManifest['create'],
  ): void {
    this.add({
      type,
      category,
      ports: spec.ports ?? {},
      children: { min: 0, max: 0 },
      description: spec.description,
      builtin,
      create,
    });
  }

  /** The manifest of `type`, if registered. */
  get(type: string): NodeManifest | undefined {
    return this.manifests.get(type);
  }

  /** True when `type` is registered. */
  has(type: string): boolean {
    return this.manifests.has(type);
  }

  /** Every registered type name, sorted. */
  types(): string[] {
    return [...this.manifests.keys()].sort();
  }

  /** Up to three registered names close to `name` (case slips first, then edit distance). */
  suggest(name: string): string[] {
    const all = [...this.manifests.keys(), ...STRUCTURAL_TYPES];
    const lower = name.toLowerCase();
    const limit = Math.max(2, Math.floor(name.length / 3));
    return all
      .map((candidate) => ({
        candidate,
        score: candidate.toLowerCase() === lower ? 0 : distance(lower, candidate.toLowerCase()),
      }))
      .filter((c) => c.score <= limit)
      .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
      .slice(0, 3)
      .map((c) => c.candidate);
  }

  private add(manifest: NodeManifest): void {
    if (!TYPE_NAME.test(manifest.type) || STRUCTURAL_TYPES.includes(manifest.type)) {
      throw new BtRegistrationError(BT_ERROR_CODES.invalidType, `"${manifest.type}" is not a valid node type name`, {
        type: manifest.type,
      });
    }
    if (this.manifests.has(manifest.type)) {
      throw new BtRegistrationError(
        BT_ERROR_CODES.duplicateType,
        `node type "${manifest.type}" is already registered`,
        {
          type: manifest.type,
        },
      );
    }
    checkPorts(manifest.type, manifest.ports);
    this.manifests.set(manifest.type, manifest);
  }
}

function checkSpec(type: string, spec: LeafSpecBase, required: readonly string[]): void {
  for (const key of required) {
    if (typeof (spec as unknown as Record<string, unknown>)[key] !== 'function') {
      throw new BtRegistrationError(BT_ERROR_CODES.invalidType, `node type "${type}" needs a ${key}() function`, {
        type,
      });
    }
  }
}

function checkPorts(type: string, ports: PortMap): void {
  for (const [name, spec] of Object.entries(ports)) {
    if (!PORT_NAME.test(name) || RESERVED_ATTRIBUTES.has(name)) {
      throw new BtRegistrationError(
        BT_ERROR_CODES.invalidType,
        `node type "${type}": "${name}" is not a valid port name`,
        {
          type,
          port: name,
        },
      );
    }
    const direction = directionOf(spec);
    if (direction !== 'input' && direction !== 'output' && direction !== 'inout') {
      throw new BtRegistrationError(
        BT_ERROR_CODES.invalidType,
        `node type "${type}": port "${name}" has no valid direction`,
        {
          type,
          port: name,
        },
      );
    }
  }
}
