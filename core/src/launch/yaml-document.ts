import {
  LineCounter,
  type Alias,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { SourceLocation } from '../errors/omni-error.js';

/** Builds the error to throw for a problem found while reading a YAML file. */
export type YamlErrorFactory = (code: string, message: string, location: SourceLocation) => Error;

/** The error codes a {@link YamlSource} raises on its own. */
export interface YamlErrorCodes {
  /** Malformed YAML. */
  readonly syntax: string;
  /** Aliases that expand without bound. */
  readonly tooComplex: string;
}

/** A resolved (non-alias) YAML node. */
export type ResolvedNode = Scalar | YAMLMap | YAMLSeq;

/** One key/value pair of a mapping, with the key as text. */
export interface MapEntry {
  readonly key: string;
  readonly keyNode: Scalar;
  /** The value, aliases resolved; `null` for `key:` with no value. */
  readonly value: ResolvedNode | null;
}

// A file with a few dozen anchors used in nested aliases can expand exponentially; real launch and
// parameter files resolve far fewer aliases than this.
const ALIAS_BUDGET = 10_000;

/**
 * A parsed YAML file that can say where each of its nodes was written (`file:line:col`).
 * Only the first document counts; a second one is a syntax error.
 */
export class YamlSource {
  private aliasesLeft = ALIAS_BUDGET;
  // Finding an anchor scans the document, so each alias is looked up once.
  private readonly aliasTargets = new Map<unknown, unknown>();

  private constructor(
    /** Absolute path of the file. */
    readonly path: string,
    /** The path as shown in messages. */
    readonly displayPath: string,
    /** The file's text. */
    readonly text: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly codes: YamlErrorCodes,
    private readonly makeError: YamlErrorFactory,
  ) {}

  /** Parses `text`; throws the factory's error, located at the first problem, when it is not valid YAML. */
  static parse(
    path: string,
    displayPath: string,
    text: string,
    codes: YamlErrorCodes,
    makeError: YamlErrorFactory,
  ): YamlSource {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    const source = new YamlSource(path, displayPath, text, doc, lines, codes, makeError);
    const first = doc.errors[0];
    if (first) {
      const message = (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, '');
      const pos = first.linePos?.[0];
      const location = pos ? { file: displayPath, line: pos.line, col: pos.col } : source.locationAt(first.pos[0]);
      throw makeError(codes.syntax, `malformed YAML: ${message}`, location);
    }
    source.rejectRecursiveAliases();
    return source;
  }

  /** An alias inside the very node its anchor names would make every walk endless. */
  private rejectRecursiveAliases(): void {
    const parents = new Map<unknown, unknown>();
    const aliases: Alias[] = [];
    const stack: unknown[] = [this.doc.contents];
    while (stack.length > 0) {
      const node = stack.pop();
      const children: unknown[] = [];
      if (isAlias(node)) aliases.push(node);
      else if (isMap(node)) for (const pair of node.items) children.push(pair.key, pair.value);
      else if (isSeq(node)) children.push(...node.items);
      for (const child of children) {
        if (child && typeof child === 'object') {
          parents.set(child, node);
          stack.push(child);
        }
      }
    }
    for (const alias of aliases) {
      const target = alias.resolve(this.doc);
      this.aliasTargets.set(alias, target);
      for (let up = parents.get(alias); up !== undefined; up = parents.get(up)) {
        if (up === target) {
          throw this.makeError(
            this.codes.tooComplex,
            `alias '*${alias.source}' refers to a node that contains it`,
            this.location(alias),
          );
        }
      }
    }
  }

  /** The document's root node, or `null` for an empty file. */
  root(): ResolvedNode | null {
    return this.resolve(this.doc.contents);
  }

  /** Follows an alias to its anchored node (counting against the expansion budget). */
  resolve(node: unknown): ResolvedNode | null {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      this.aliasesLeft -= 1;
      if (this.aliasesLeft < 0) {
        throw this.makeError(this.codes.tooComplex, 'YAML aliases expand to too many nodes', this.location(node));
      }
      if (!this.aliasTargets.has(node)) this.aliasTargets.set(node, node.resolve(this.doc));
      return this.resolve(this.aliasTargets.get(node));
    }
    if (isScalar(node) || isMap(node) || isSeq(node)) return node;
    return null;
  }

  /** Where `node` starts; `fallback` (or the start of the file) when it has no position. */
  location(node: YamlNode | null | undefined, fallback?: SourceLocation): SourceLocation {
    const start = node?.range?.[0];
    if (start === undefined) return fallback ?? { file: this.displayPath, line: 1, col: 1 };
    return this.locationAt(start);
  }

  /** The location of a character offset in the file. */
  locationAt(offset: number): SourceLocation {
    const pos = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { file: this.displayPath, line: Math.max(1, pos.line), col: Math.max(1, pos.col) };
  }

  /**
   * The location of the character at `index` in a string scalar's value; exact for plain and
   * quoted one-line strings without escapes, the scalar's start otherwise.
   */
  locationInScalar(node: Scalar, index: number): SourceLocation {
    const range = node.range;
    if (!range || typeof node.value !== 'string') return this.location(node);
    const raw = this.text.slice(range[0], range[1]);
    if (node.type === 'PLAIN' && raw === node.value) return this.locationAt(range[0] + index);
    if ((node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') && raw.slice(1, -1) === node.value) {
      return this.locationAt(range[0] + 1 + index);
    }
    return this.location(node);
  }

  /** Lists a mapping's entries in order; `badKey` is called for a key that is not a scalar. */
  entries(map: YAMLMap, badKey: (location: SourceLocation) => never): MapEntry[] {
    const out: MapEntry[] = [];
    for (const pair of map.items) {
      const keyNode = this.resolve(pair.key);
      if (!keyNode || !isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        badKey(this.location(keyNode, this.location(map)));
      }
      out.push({ key: String(keyNode.value), keyNode, value: this.resolve(pair.value) });
    }
    return out;
  }

  /** The exact text a scalar was written as (`1.50` stays `1.50`), or its value as text. */
  scalarText(node: Scalar): string {
    if (typeof node.value === 'string') return node.value;
    if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
    return String(node.value);
  }
}
