import { parseLocatedXml, type SourceLocation, type XmlElement } from '@omnimind/core';
import { BT_ERROR_CODES, BtLoadError } from './bt-errors.js';

/** One `<BehaviorTree ID="...">` of a file. */
export interface TreeDefinition {
  readonly id: string;
  /** The tree's single root node element. */
  readonly root: XmlElement;
  /** Where the `<BehaviorTree>` element is. */
  readonly location: SourceLocation;
}

/** A parsed BehaviorTree.CPP v4 file. */
export interface BtDocument {
  readonly file: string;
  /** `main_tree_to_execute`, when given, with where it was written. */
  readonly main: { readonly id: string; readonly location: SourceLocation } | undefined;
  /** The trees in document order. */
  readonly trees: readonly TreeDefinition[];
}

const ID_PATTERN = /^[A-Za-z_][\w.-]*$/;

/**
 * Parses and structurally checks a BehaviorTree.CPP v4 XML file: a `<root>` with
 * `BTCPP_format="4"`, `<BehaviorTree ID>` elements with one root node each, and an optional
 * `<TreeNodesModel>` (ignored: the registry is the model). Node types and ports are checked when
 * the trees are registered with a factory.
 */
export function parseBtDocument(text: string, file: string): BtDocument {
  const root = parseLocatedXml(
    text,
    file,
    (message, location) => new BtLoadError(BT_ERROR_CODES.xml, message, location),
  );
  if (root.name !== 'root') {
    throw new BtLoadError(
      BT_ERROR_CODES.format,
      `expected <root BTCPP_format="4">, found <${root.name}>`,
      root.location,
    );
  }
  const format = root.attributes.get('BTCPP_format');
  if (format && format.value.trim() !== '4') {
    throw new BtLoadError(
      BT_ERROR_CODES.format,
      `BTCPP_format "${format.value}" is not supported; only version 4 files load`,
      format.location,
    );
  }
  for (const [name, attribute] of root.attributes) {
    if (name !== 'BTCPP_format' && name !== 'main_tree_to_execute') {
      throw new BtLoadError(BT_ERROR_CODES.format, `unexpected attribute "${name}" on <root>`, attribute.location);
    }
  }
  const mainAttribute = root.attributes.get('main_tree_to_execute');
  const trees: TreeDefinition[] = [];
  const seen = new Set<string>();
  for (const element of root.children) {
    if (element.name === 'TreeNodesModel') continue;
    if (element.name !== 'BehaviorTree') {
      const hint = element.name === 'include' ? ' (<include> is not supported: register each file instead)' : '';
      throw new BtLoadError(
        BT_ERROR_CODES.format,
        `unexpected <${element.name}> in <root>; expected <BehaviorTree> or <TreeNodesModel>${hint}`,
        element.location,
      );
    }
    const id = element.attributes.get('ID');
    if (!id || !ID_PATTERN.test(id.value)) {
      throw new BtLoadError(
        BT_ERROR_CODES.format,
        id ? `"${id.value}" is not a valid tree ID` : '<BehaviorTree> needs an ID attribute',
        id?.location ?? element.location,
      );
    }
    if (seen.has(id.value)) {
      throw new BtLoadError(BT_ERROR_CODES.duplicateTree, `tree "${id.value}" is defined twice`, id.location);
    }
    seen.add(id.value);
    if (element.children.length !== 1) {
      throw new BtLoadError(
        BT_ERROR_CODES.childCount,
        `<BehaviorTree ID="${id.value}"> must have exactly one root node, found ${element.children.length}`,
        element.location,
      );
    }
    trees.push({ id: id.value, root: element.children[0] as XmlElement, location: element.location });
  }
  if (trees.length === 0) {
    throw new BtLoadError(BT_ERROR_CODES.format, 'the file defines no <BehaviorTree>', root.location);
  }
  // The main tree may be defined in another registered file, so it is resolved when the tree is created.
  const main = mainAttribute ? { id: mainAttribute.value, location: mainAttribute.location } : undefined;
  return { file, main, trees };
}
