import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { isMap, type YAMLMap } from 'yaml';
import { formatLocation, type SourceLocation } from '../errors/omni-error.js';
import {
  InvalidNameError,
  joinNames,
  normalizeNamespace,
  topicNameProblem,
  validateNodeName,
} from '../names/topic-names.js';
import { parseParamFile } from '../params/param-file.js';
import type { FieldReader } from './field-values.js';
import type { Field, NodeAction, ParamEntry } from './launch-ast.js';
import { LaunchErrorCode, LaunchFileError } from './launch-errors.js';
import type { LaunchScope, LaunchState } from './launch-scope.js';
import type { LocatedRemapRule, NodeParam, NodeParamFile, NodeSpec, RespawnSpec } from './launch-types.js';

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Runs a name check from the names module, turning its error into one located in the launch file. */
export function checkName<T>(location: SourceLocation, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InvalidNameError) {
      throw new LaunchFileError(LaunchErrorCode.InvalidName, error.message, location, { cause: error });
    }
    throw error;
  }
}

/** Resolves `namespace` (relative or absolute) against the scope's namespace. */
export function resolveNamespace(current: string, namespace: string, location: SourceLocation): string {
  return checkName(location, () => {
    if (namespace.startsWith('/')) return normalizeNamespace(namespace);
    const relative = normalizeNamespace(namespace);
    return relative === '/' ? current : normalizeNamespace(joinNames(current, relative.slice(1)));
  });
}

/** Evaluates a `node` action into a {@link NodeSpec} and records it (rejecting a duplicate name). */
export function buildNode(action: NodeAction, scope: LaunchScope, state: LaunchState, reader: FieldReader): NodeSpec {
  const pkg = reader.nonEmptyText(action.pkg, 'node');
  const pluginField = action.plugin as Field;
  const plugin = reader.nonEmptyText(pluginField, 'node');
  const name = nodeName(action, plugin, reader);
  const namespace = action.namespace
    ? resolveNamespace(scope.namespace, reader.text(action.namespace), action.namespace.location)
    : scope.namespace;
  const fullyQualifiedName = joinNames(namespace, name);

  const earlier = state.nodeNames.get(fullyQualifiedName);
  if (earlier) {
    throw new LaunchFileError(
      LaunchErrorCode.DuplicateNode,
      `duplicate node '${fullyQualifiedName}': already declared at ${formatLocation(earlier)}; ` +
        "give one of them another 'name' or 'namespace'",
      action.location,
      { details: { first: earlier, second: action.location } },
    );
  }

  const params: NodeParam[] = [];
  const paramFiles: NodeParamFile[] = [];
  collectParams(action.params, '', { scope, state, reader, params, paramFiles, order: { next: 0 } });

  const spec: NodeSpec = {
    pkg,
    plugin,
    name,
    namespace,
    fullyQualifiedName,
    params,
    paramFiles,
    remaps: action.remaps.map((remap): LocatedRemapRule => ({
      from: remapName(remap.from, reader),
      to: remapName(remap.to, reader),
      location: remap.location,
    })),
    respawn: respawn(action, reader),
    location: action.location,
    pkgLocation: action.pkg.location,
    pluginLocation: pluginField.location,
    baseDir: scope.file.dir,
  };
  state.nodeNames.set(fullyQualifiedName, action.location);
  state.nodes.push(spec);
  return spec;
}

function nodeName(action: NodeAction, plugin: string, reader: FieldReader): string {
  if (!action.name) {
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(plugin)) return plugin;
    throw new LaunchFileError(
      LaunchErrorCode.MissingField,
      `node needs a 'name': the plugin name '${plugin}' is not a valid node name to default to`,
      action.location,
    );
  }
  const name = reader.text(action.name);
  const location = action.name.location;
  checkName(location, () => validateNodeName(name));
  return name;
}

function remapName(field: Field, reader: FieldReader): string {
  const name = reader.text(field);
  const problem = topicNameProblem(name);
  if (problem) {
    throw new LaunchFileError(
      LaunchErrorCode.InvalidName,
      `invalid topic name '${name}' in remap '${field.key}': ${problem}`,
      field.location,
    );
  }
  return name;
}

function respawn(action: NodeAction, reader: FieldReader): RespawnSpec | undefined {
  if (!action.respawn && !action.respawnDelay && !action.respawnMaxRetries) return undefined;
  return {
    enabled: action.respawn ? reader.bool(action.respawn, 'node') : false,
    delaySec: action.respawnDelay ? reader.number(action.respawnDelay, 'node', { min: 0, integer: false }) : undefined,
    maxRetries: action.respawnMaxRetries
      ? reader.number(action.respawnMaxRetries, 'node', { min: 0, integer: true })
      : undefined,
  };
}

interface ParamCollector {
  readonly scope: LaunchScope;
  readonly state: LaunchState;
  readonly reader: FieldReader;
  readonly params: NodeParam[];
  readonly paramFiles: NodeParamFile[];
  readonly order: { next: number };
}

function paramName(prefix: string, text: string, location: SourceLocation): string {
  const name = prefix ? `${prefix}.${text}` : text;
  if (!PARAM_NAME.test(name)) {
    throw new LaunchFileError(
      LaunchErrorCode.InvalidName,
      `invalid parameter name '${name}': use letters, digits and '_' in parts separated by '.'`,
      location,
    );
  }
  return name;
}

function collectParams(entries: readonly ParamEntry[], prefix: string, c: ParamCollector): void {
  for (const entry of entries) {
    if (entry.kind === 'file') {
      c.paramFiles.push(paramFile(entry.from, c));
      continue;
    }
    const name = paramName(prefix, c.reader.text(entry.name), entry.name.location);
    if (entry.kind === 'group') {
      collectParams(entry.children, name, c);
    } else if (entry.value.value && isMap(entry.value.value)) {
      collectMapping(entry.value.value, name, c);
    } else if (entry.value.value) {
      c.params.push({
        name,
        value: c.reader.paramValue(entry.value.value, name, entry.value.location),
        location: entry.name.keyLocation,
        order: c.order.next++,
      });
    }
  }
}

function collectMapping(map: YAMLMap, prefix: string, c: ParamCollector): void {
  const source = c.scope.file.source;
  const entries = source.entries(map, (location) => {
    throw new LaunchFileError(LaunchErrorCode.Shape, 'expected a text key', location);
  });
  if (entries.length === 0) {
    throw new LaunchFileError(
      LaunchErrorCode.ValueType,
      `parameter '${prefix}' is an empty mapping; give it a value`,
      source.location(map),
    );
  }
  for (const entry of entries) {
    const location = source.location(entry.keyNode);
    const name = paramName(prefix, entry.key, location);
    if (entry.value && isMap(entry.value)) {
      collectMapping(entry.value, name, c);
    } else {
      if (!entry.value)
        throw new LaunchFileError(LaunchErrorCode.ValueType, `parameter '${name}' has no value`, location);
      c.params.push({ name, value: c.reader.paramValue(entry.value, name, location), location, order: c.order.next++ });
    }
  }
}

function paramFile(field: Field, c: ParamCollector): NodeParamFile {
  const text = c.reader.nonEmptyText(field, 'param');
  const resolved = path.resolve(c.scope.file.dir, text);
  if (!existsSync(resolved) || !statSync(resolved).isFile()) {
    throw new LaunchFileError(
      LaunchErrorCode.ParamFileNotFound,
      `parameter file '${text}' not found (looked for ${resolved}); relative paths start from the launch file's directory`,
      field.location,
    );
  }
  const contents = parseParamFile(resolved, { cwd: c.state.cwd });
  c.state.files.add(resolved);
  return { path: resolved, location: field.location, order: c.order.next++, contents };
}
