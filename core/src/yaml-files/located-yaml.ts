import { readFileSync } from 'node:fs';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { UserInputError, type SourceLocation } from '../errors/omni-error.js';

/** A path into parsed data: object keys and array indexes. */
export type DataPath = readonly (string | number)[];

/** A YAML file's data, and where each value (and each mapping key) was written. */
export interface LocatedYaml {
  readonly file: string;
  readonly data: unknown;
  /** Where the value at `path` was written (the closest enclosing value when `path` is absent). */
  locate(path: DataPath): SourceLocation;
  /** Where the key `key` of the mapping at `path` was written (the mapping itself when absent). */
  locateKey(path: DataPath, key: string): SourceLocation;
}

const pathKey = (path: DataPath): string => JSON.stringify(path);

/**
 * Parses YAML text (first document only) into plain data, keeping the `file:line:col` of every
 * value and key. Syntax errors raise `UserInputError(syntaxCode)` at the place of the problem.
 */
export function parseLocatedYaml(text: string, file: string, syntaxCode: string): LocatedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lines.linePos(offset);
    return { file, line, col };
  };
  const problem = doc.errors[0];
  if (problem)
    throw new UserInputError(syntaxCode, `malformed YAML: ${problem.message.split('\n')[0]}`, at(problem.pos[0]));

  const values = new Map<string, SourceLocation>();
  const keys = new Map<string, SourceLocation>();
  const walk = (node: YamlNode | null | undefined, path: (string | number)[]): void => {
    if (!node) return;
    if (node.range) values.set(pathKey(path), at(node.range[0]));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        if (keyNode?.range) keys.set(pathKey([...path, key]), at(keyNode.range[0]));
        walk(pair.value as YamlNode | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item as YamlNode, [...path, index]));
    } else if (isAlias(node)) {
      // Aliased values keep the alias's own location.
    }
  };
  walk(doc.contents as YamlNode | null, []);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    throw new UserInputError(syntaxCode, `malformed YAML: ${(error as Error).message}`, { file, line: 1, col: 1 });
  }
  const locate = (path: DataPath): SourceLocation => {
    for (let n = path.length; n >= 0; n--) {
      const found = values.get(pathKey(path.slice(0, n)));
      if (found) return found;
    }
    return { file, line: 1, col: 1 };
  };
  return {
    file,
    data,
    locate,
    locateKey: (path, key) => keys.get(pathKey([...path, key])) ?? locate(path),
  };
}

/** Reads and parses a YAML file; a missing file raises `UserInputError(notFoundCode)`. */
export function readLocatedYaml(file: string, codes: { syntax: string; notFound: string }): LocatedYaml {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserInputError(codes.notFound, `cannot read '${file}': ${(error as Error).message}`, undefined, {
      cause: error,
    });
  }
  return parseLocatedYaml(text, file, codes.syntax);
}
