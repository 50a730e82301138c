import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import type { SourceLocation } from '../errors/omni-error.js';
import { didYouMean } from '../launch/did-you-mean.js';
import { YamlSource, type ResolvedNode } from '../launch/yaml-document.js';
import { ParamFileError, ParamFileErrorCode } from './param-file-errors.js';
import type { LocatedParam, ParamFile, ParamFileEntry, ParamFileEntryKind, ParamScalar } from './param-file-types.js';

const ROS_PARAMETERS = 'ros__parameters';
const SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|[A-Za-z0-9_*]*\*[A-Za-z0-9_*]*)$/;

/** Options for reading a parameter file. */
export interface ParamFileOptions {
  /** Paths in messages are shown relative to this directory when the file is under it (default: `process.cwd()`). */
  readonly cwd?: string;
}

/**
 * Reads and parses a ROS 2 parameter file (`node: { ros__parameters: {...} }`), keeping every
 * value's YAML type and where it was written. Throws {@link ParamFileError} with `file:line:col`.
 *
 * @example
 * ```yaml
 * /**:                      # every node
 *   ros__parameters: { use_sim_time: true }
 * robot1:                   # nested namespace: /robot1/camera
 *   camera:
 *     ros__parameters:
 *       rate: 30            # int
 *       exposure: { auto: false, ms: 8.5 }   # exposure.auto, exposure.ms
 * ```
 */
export function parseParamFile(filePath: string, options: ParamFileOptions = {}): ParamFile {
  const absolute = path.resolve(options.cwd ?? process.cwd(), filePath);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ParamFileError(ParamFileErrorCode.NotFound, `cannot read parameter file '${filePath}'`, undefined, {
      cause: error,
      details: { path: absolute },
    });
  }
  return parseParamFileText(text, absolute, options);
}

/** Parses the text of a parameter file; `filePath` is used for locations. See {@link parseParamFile}. */
export function parseParamFileText(text: string, filePath: string, options: ParamFileOptions = {}): ParamFile {
  const absolute = path.resolve(options.cwd ?? process.cwd(), filePath);
  const source = YamlSource.parse(
    absolute,
    displayPath(absolute, options.cwd ?? process.cwd()),
    text,
    { syntax: ParamFileErrorCode.Yaml, tooComplex: ParamFileErrorCode.TooComplex },
    (code, message, location) => new ParamFileError(code as ParamFileErrorCode, message, location),
  );
  const reader = new ParamFileReader(source);
  return { path: absolute, entries: reader.read() };
}

/** Shows `file` relative to `cwd` when it lies below it, absolute otherwise. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function kindOf(segments: readonly string[], absolute: boolean): ParamFileEntryKind {
  if (segments.length === 1 && segments[0] === '**') return 'any';
  if (segments.some((s) => s.includes('*'))) return 'wildcard';
  return absolute ? 'fqn' : 'base';
}

class ParamFileReader {
  private readonly entries: ParamFileEntry[] = [];

  constructor(private readonly source: YamlSource) {}

  read(): ParamFileEntry[] {
    const root = this.source.root();
    if (root === null) return [];
    if (!isMap(root)) {
      this.fail(
        ParamFileErrorCode.Shape,
        `expected a mapping of node names to { ${ROS_PARAMETERS}: {...} } at the top level, found ${describe(root)}`,
        this.source.location(root),
      );
    }
    this.readNames(root, [], false);
    return this.entries;
  }

  private fail(code: ParamFileErrorCode, message: string, location: SourceLocation): never {
    throw new ParamFileError(code, message, location);
  }

  private badKey = (location: SourceLocation): never =>
    this.fail(ParamFileErrorCode.Shape, 'expected a text key', location);

  private readNames(map: YAMLMap, prefix: readonly string[], absolute: boolean): void {
    const entries = this.source.entries(map, this.badKey);
    const pathText = pathOf(prefix, absolute);
    const hasParams = entries.some((e) => e.key === ROS_PARAMETERS);
    for (const entry of entries) {
      if (entry.key === ROS_PARAMETERS) {
        if (prefix.length === 0) {
          this.fail(
            ParamFileErrorCode.Shape,
            `'${ROS_PARAMETERS}' must sit under a node name (use '/**' for every node)`,
            this.source.location(entry.keyNode),
          );
        }
        this.readParameters(entry.keyNode, entry.value, prefix, absolute);
        continue;
      }
      const keyLocation = this.source.location(entry.keyNode);
      if (didYouMean(entry.key, [ROS_PARAMETERS]) && !hasParams) {
        this.fail(
          ParamFileErrorCode.MissingRosParameters,
          `unknown key '${entry.key}' under '${pathText}'; did you mean '${ROS_PARAMETERS}'?`,
          keyLocation,
        );
      }
      if (!entry.value || !isMap(entry.value)) {
        if (prefix.length > 0 && !hasParams) this.missingParameters(pathText, map);
        this.fail(
          ParamFileErrorCode.Shape,
          prefix.length > 0
            ? `unexpected '${entry.key}' next to '${ROS_PARAMETERS}' of '${pathText}': parameters go inside '${ROS_PARAMETERS}'`
            : `expected '${entry.key}' to hold a mapping ({ ${ROS_PARAMETERS}: {...} } or nested names), found ${describe(entry.value)}`,
          keyLocation,
        );
      }
      const childAbsolute = absolute || prefix.length > 0 || entry.key.startsWith('/') || entry.key.includes('/');
      const segments = this.nameSegments(entry.key, keyLocation);
      const childMap: YAMLMap = entry.value;
      if (childMap.items.length === 0)
        this.missingParameters(pathOf([...prefix, ...segments], childAbsolute), childMap);
      this.readNames(childMap, [...prefix, ...segments], childAbsolute);
    }
  }

  private missingParameters(name: string, map: ResolvedNode): never {
    return this.fail(
      ParamFileErrorCode.MissingRosParameters,
      `'${name}' has no '${ROS_PARAMETERS}' key; write its parameters as ${name}: { ${ROS_PARAMETERS}: { name: value } }`,
      this.source.location(map),
    );
  }

  private nameSegments(key: string, location: SourceLocation): string[] {
    const trimmed = key.startsWith('/') ? key.slice(1) : key;
    const segments = trimmed.split('/');
    for (const segment of segments) {
      if (!SEGMENT.test(segment)) {
        this.fail(
          ParamFileErrorCode.Name,
          `invalid node name or pattern '${key}': each '/'-separated part must be letters, digits and '_' ` +
            `(not starting with a digit), or a pattern using '*' and '**'`,
          location,
        );
      }
      if (segment.includes('**') && segment !== '**') {
        this.fail(ParamFileErrorCode.Name, `'**' must be a whole name segment in '${key}'`, location);
      }
    }
    return segments;
  }

  private readParameters(
    keyNode: Scalar,
    value: ResolvedNode | null,
    prefix: readonly string[],
    absolute: boolean,
  ): void {
    const location = this.source.location(keyNode);
    if (!value || !isMap(value)) {
      this.fail(
        ParamFileErrorCode.Shape,
        `expected '${ROS_PARAMETERS}' of '${pathOf(prefix, absolute)}' to be a mapping of parameter names to values, found ${describe(value)}`,
        value && !(isScalar(value) && value.value === null) ? this.source.location(value) : location,
      );
    }
    const params = new Map<string, LocatedParam>();
    this.flatten(value, '', params);
    const kindAbsolute = absolute || prefix.length > 1;
    this.entries.push({
      pattern: pathOf(prefix, kindAbsolute),
      kind: kindOf(prefix, kindAbsolute),
      location,
      params,
    });
  }

  private flatten(map: YAMLMap, prefix: string, out: Map<string, LocatedParam>): void {
    for (const entry of this.source.entries(map, this.badKey)) {
      const name = prefix ? `${prefix}.${entry.key}` : entry.key;
      const location = this.source.location(entry.keyNode);
      const value = entry.value;
      if (value && isMap(value)) {
        if (value.items.length === 0) {
          this.fail(ParamFileErrorCode.Value, `parameter '${name}' is an empty mapping; give it a value`, location);
        }
        this.flatten(value, name, out);
      } else if (value && isSeq(value)) {
        const items = value.items.map((item) =>
          this.scalar(this.source.resolve(item), `an item of '${name}'`, location),
        );
        out.delete(name);
        out.set(name, { value: items, location });
      } else {
        out.delete(name);
        out.set(name, { value: this.scalar(value, `parameter '${name}'`, location), location });
      }
    }
  }

  private scalar(node: ResolvedNode | null, what: string, fallback: SourceLocation): ParamScalar {
    const location = node && !(isScalar(node) && node.value === null) ? this.source.location(node, fallback) : fallback;
    if (!node || !isScalar(node) || node.value === null || node.value === undefined) {
      const found = !node || (isScalar(node) && node.value === null) ? 'nothing' : describe(node);
      this.fail(
        ParamFileErrorCode.Value,
        `${what} must be a bool, number or string (or a list of them), found ${found}`,
        location,
      );
    }
    const v = node.value;
    if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
    if (typeof v === 'bigint') return Number(v);
    return this.fail(ParamFileErrorCode.Value, `${what} has an unsupported value`, location);
  }
}

function pathOf(segments: readonly string[], absolute: boolean): string {
  const joined = segments.join('/');
  return absolute || segments.length !== 1 || joined === '**' ? `/${joined}` : joined;
}

function describe(node: ResolvedNode | null): string {
  if (!node || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  return `the value '${String(node.value)}'`;
}
