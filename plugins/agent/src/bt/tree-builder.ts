import type { Blackboard } from './blackboard.js';
import { BT_ERROR_CODES, BtLoadError } from './bt-errors.js';
import type { TreeDefinition } from './bt-document.js';
import type { NodeManifest } from './node-manifest.js';
import { NodePorts } from './node-ports.js';
import type { PortBinding } from './node-ports.js';
import type { NodeRegistry } from './node-registry.js';
import { bindPorts } from './port-binding.js';
import { convertLiteral, parseRemap } from './ports.js';
import { SubTreeNode } from './subtree-node.js';
import type { NodeCategory, NodeIdentity, TreeNode, TreeRuntime } from './tree-node.js';
import type { XmlElement } from '@omnimind/core';

/** The element names that name their type in an `ID` attribute (BehaviorTree.CPP's explicit form). */
const EXPLICIT_FORMS: Readonly<Record<string, NodeCategory>> = {
  Action: 'action',
  Condition: 'condition',
  Control: 'control',
  Decorator: 'decorator',
};

/** The type an element selects: its name, or its `ID` in the `<Action ID="...">` form. */
export function elementType(element: XmlElement): { type: string; explicit: NodeCategory | undefined } {
  const explicit = EXPLICIT_FORMS[element.name];
  if (explicit) {
    const id = element.attributes.get('ID');
    if (!id) throw new BtLoadError(BT_ERROR_CODES.format, `<${element.name}> needs an ID attribute`, element.location);
    return { type: id.value, explicit };
  }
  return { type: element.name, explicit: undefined };
}

/** The manifest an element selects, with the load errors for unknown types and wrong child counts. */
export function resolveManifest(element: XmlElement, registry: NodeRegistry): NodeManifest {
  const { type, explicit } = elementType(element);
  const manifest = registry.get(type);
  if (!manifest) {
    const suggestions = registry.suggest(type);
    const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
    throw new BtLoadError(BT_ERROR_CODES.unknownNode, `unknown node type "${type}"${hint}`, element.location, {
      type,
      suggestions,
    });
  }
  if (explicit && explicit !== manifest.category) {
    throw new BtLoadError(
      BT_ERROR_CODES.unknownNode,
      `"${type}" is a ${manifest.category}, not a ${explicit}`,
      element.location,
      { type },
    );
  }
  const count = element.children.length;
  const { min, max } = manifest.children;
  if (count < min || count > max) {
    const expected = min === max ? `exactly ${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new BtLoadError(
      BT_ERROR_CODES.childCount,
      `${manifest.category} ${type} takes ${expected} ${max === 1 ? 'child' : 'children'}, found ${count}`,
      element.location,
      { type, count },
    );
  }
  return manifest;
}

/**
 * Checks every element of a tree against the registry (types, child counts, ports) without
 * building it; SubTree IDs are checked when a tree that uses them is built.
 */
export function validateDefinition(definition: TreeDefinition, registry: NodeRegistry): void {
  const visit = (element: XmlElement): void => {
    if (element.name === 'SubTree') {
      subtreeAttributes(element);
      return;
    }
    bindPorts(resolveManifest(element, registry), element);
    element.children.forEach(visit);
  };
  visit(definition.root);
}

interface SubTreeAttributes {
  readonly id: string;
  readonly autoRemap: boolean;
  readonly remappings: ReadonlyArray<{ readonly internal: string; readonly binding: PortBinding }>;
}

function subtreeAttributes(element: XmlElement): SubTreeAttributes {
  const id = element.attributes.get('ID');
  if (!id) throw new BtLoadError(BT_ERROR_CODES.format, '<SubTree> needs an ID attribute', element.location);
  if (element.children.length > 0) {
    throw new BtLoadError(
      BT_ERROR_CODES.childCount,
      `SubTree "${id.value}" takes no children, found ${element.children.length}`,
      element.location,
    );
  }
  let autoRemap = false;
  const remappings: Array<{ internal: string; binding: PortBinding }> = [];
  for (const [name, attribute] of element.attributes) {
    if (name === 'ID' || name === 'name' || name === '_description' || name === '_uid') continue;
    if (name === '_autoremap') {
      const converted = convertLiteral(attribute.value, 'boolean');
      if (!converted.ok) {
        throw new BtLoadError(BT_ERROR_CODES.portValue, `_autoremap: ${converted.reason}`, attribute.location);
      }
      autoRemap = converted.value as boolean;
      continue;
    }
    if (name.startsWith('_')) {
      throw new BtLoadError(BT_ERROR_CODES.unknownPort, `"${name}" is not supported on <SubTree>`, attribute.location);
    }
    const key = parseRemap(attribute.value, name);
    remappings.push({
      internal: name,
      binding: key === undefined ? { kind: 'literal', value: attribute.value } : { kind: 'entry', key },
    });
  }
  return { id: id.value, autoRemap, remappings };
}

/** The result of building: the root and every node indexed by uid. */
export interface BuiltTree {
  readonly root: TreeNode;
  readonly nodes: readonly TreeNode[];
}

/** Finds trees by ID across every file registered with a factory. */
export interface TreeLookup {
  get(id: string): TreeDefinition | undefined;
  ids(): string[];
}

/** The name a node shows in paths and snapshots: `name`, else the SubTree ID, else its type. */
function displayName(element: XmlElement): string {
  const name = element.attributes.get('name')?.value;
  if (name) return name;
  if (element.name === 'SubTree') return element.attributes.get('ID')?.value ?? 'SubTree';
  return elementType(element).type;
}

/**
 * Instantiates tree `main` and, recursively, its subtrees, each SubTree on a child scope of the
 * blackboard. Raises `OMNI_ERR_BT_UNKNOWN_TREE` and `OMNI_ERR_BT_SUBTREE_RECURSION` at the
 * SubTree element, and every check of {@link validateDefinition}.
 */
export function buildTree(
  main: TreeDefinition,
  trees: TreeLookup,
  registry: NodeRegistry,
  runtime: TreeRuntime,
  blackboard: Blackboard,
): BuiltTree {
  const nodes: TreeNode[] = [];
  const stack: string[] = [main.id];

  const build = (element: XmlElement, scope: Blackboard, parentUid: number | null, path: string): TreeNode => {
    const uid = nodes.length;
    // Reserve the slot so that uids follow depth-first pre-order.
    nodes.push(undefined as unknown as TreeNode);
    const node =
      element.name === 'SubTree'
        ? buildSubTree(element, scope, uid, parentUid, path)
        : buildNode(element, scope, uid, parentUid, path);
    nodes[uid] = node;
    return node;
  };

  const buildNode = (
    element: XmlElement,
    scope: Blackboard,
    uid: number,
    parentUid: number | null,
    path: string,
  ): TreeNode => {
    const manifest = resolveManifest(element, registry);
    const bindings = bindPorts(manifest, element);
    const identity: NodeIdentity = {
      uid,
      parentUid,
      path,
      type: manifest.type,
      name: displayName(element),
      category: manifest.category,
    };
    const children = element.children.map((child, i) =>
      build(child, scope, uid, `${path}/${displayName(child)}[${i}]`),
    );
    const ports = new NodePorts(path, manifest.ports, bindings, scope);
    return manifest.create({ identity, children, ports, runtime, blackboard: scope });
  };

  const buildSubTree = (
    element: XmlElement,
    scope: Blackboard,
    uid: number,
    parentUid: number | null,
    path: string,
  ): TreeNode => {
    const attributes = subtreeAttributes(element);
    const definition = trees.get(attributes.id);
    if (!definition) {
      const known = trees.ids();
      const close = known.filter((id) => id.toLowerCase() === attributes.id.toLowerCase());
      const hint = close.length ? `did you mean "${close[0]}"? ` : '';
      throw new BtLoadError(
        BT_ERROR_CODES.unknownTree,
        `SubTree "${attributes.id}" is not defined; ${hint}known trees: ${known.join(', ')}`,
        element.attributes.get('ID')?.location ?? element.location,
        { id: attributes.id },
      );
    }
    const start = stack.indexOf(attributes.id);
    if (start >= 0) {
      const cycle = [...stack.slice(start), attributes.id].join(' -> ');
      throw new BtLoadError(
        BT_ERROR_CODES.subtreeRecursion,
        `SubTree "${attributes.id}" includes itself (${cycle})`,
        element.location,
        { cycle },
      );
    }
    const child = scope.createScope({ autoRemap: attributes.autoRemap });
    for (const { internal, binding } of attributes.remappings) {
      if (binding.kind === 'entry') child.addRemapping(internal, binding.key);
      else if (binding.kind === 'literal') child.set(internal, binding.value);
    }
    stack.push(attributes.id);
    const root = build(definition.root, child, uid, `${path}/${displayName(definition.root)}`);
    stack.pop();
    const identity: NodeIdentity = {
      uid,
      parentUid,
      path,
      type: 'SubTree',
      name: displayName(element),
      category: 'subtree',
    };
    return new SubTreeNode(identity, [root], new NodePorts(path, {}, new Map(), scope), runtime);
  };

  const root = build(main.root, blackboard, null, `${main.id}/${displayName(main.root)}`);
  return { root, nodes };
}
