import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SourceLocation } from '../errors/omni-error.js';
import { didYouMeanSuffix, quoteList } from './did-you-mean.js';
import type { Field, LaunchAction, ParamEntry, RemapEntry, IncludeArg } from './launch-ast.js';
import { LaunchErrorCode, LaunchFileError } from './launch-errors.js';
import type { ResolvedNode, YamlSource } from './yaml-document.js';

interface KeySpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Keys whose value must be a scalar (text, number or bool). */
  readonly text: readonly string[];
  /** Keys whose value must be a list. */
  readonly lists: readonly string[];
}

const CONDITIONS = ['if', 'unless'];

/** The keys each action accepts (documented in docs/reference/launch.md). */
export const ACTION_KEYS: Readonly<Record<string, KeySpec>> = {
  arg: {
    required: ['name'],
    optional: ['default', 'description', ...CONDITIONS],
    text: ['name', 'default', 'description', ...CONDITIONS],
    lists: [],
  },
  let: { required: ['name', 'value'], optional: CONDITIONS, text: ['name', 'value', ...CONDITIONS], lists: [] },
  include: { required: ['file'], optional: ['arg', ...CONDITIONS], text: ['file', ...CONDITIONS], lists: ['arg'] },
  group: {
    required: ['children'],
    optional: ['namespace', 'scoped', ...CONDITIONS],
    text: ['namespace', 'scoped', ...CONDITIONS],
    lists: ['children'],
  },
  'push-ros-namespace': {
    required: ['namespace'],
    optional: CONDITIONS,
    text: ['namespace', ...CONDITIONS],
    lists: [],
  },
  node: {
    required: ['pkg'],
    optional: [
      'plugin',
      'exec',
      'name',
      'namespace',
      'param',
      'remap',
      'respawn',
      'respawn_delay',
      'respawn_max_retries',
      ...CONDITIONS,
    ],
    text: [
      'pkg',
      'plugin',
      'exec',
      'name',
      'namespace',
      'respawn',
      'respawn_delay',
      'respawn_max_retries',
      ...CONDITIONS,
    ],
    lists: ['param', 'remap'],
  },
  set_env: { required: ['name', 'value'], optional: CONDITIONS, text: ['name', 'value', ...CONDITIONS], lists: [] },
  unset_env: { required: ['name'], optional: CONDITIONS, text: ['name', ...CONDITIONS], lists: [] },
};

const INCLUDE_ARG: KeySpec = { required: ['name', 'value'], optional: [], text: ['name', 'value'], lists: [] };
const PARAM: KeySpec = {
  required: [],
  optional: ['name', 'value', 'from', 'param'],
  text: ['name', 'from'],
  lists: ['param'],
};
const REMAP: KeySpec = { required: ['from', 'to'], optional: [], text: ['from', 'to'], lists: [] };

/** Action names a launch file may use (`push_ros_namespace` is accepted for `push-ros-namespace`). */
export const ACTION_NAMES: readonly string[] = [...Object.keys(ACTION_KEYS), 'push_ros_namespace'];

function describe(node: ResolvedNode | null): string {
  if (!node || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  return `'${String(node.value)}'`;
}

/**
 * Checks a launch file's shape (actions, keys, required fields, lists and scalars where they belong)
 * without evaluating anything, so a typo is reported even inside a group whose condition is false.
 */
export function readLaunchStructure(source: YamlSource): LaunchAction[] {
  return new StructureReader(source).readFile();
}

class StructureReader {
  constructor(private readonly source: YamlSource) {}

  private fail(
    code: (typeof LaunchErrorCode)[keyof typeof LaunchErrorCode],
    message: string,
    location: SourceLocation,
  ): never {
    throw new LaunchFileError(code, message, location);
  }

  private readonly badKey = (location: SourceLocation): never =>
    this.fail(LaunchErrorCode.Shape, 'expected a text key', location);

  readFile(): LaunchAction[] {
    const root = this.source.root();
    const expected = "expected a mapping with a 'launch' key holding a list of actions";
    if (!root || !isMap(root))
      this.fail(LaunchErrorCode.Shape, `${expected}, found ${describe(root)}`, this.source.location(root));
    const entries = this.source.entries(root, this.badKey);
    for (const entry of entries) {
      if (entry.key !== 'launch') {
        this.fail(
          LaunchErrorCode.UnknownKey,
          `unknown top-level key '${entry.key}'${didYouMeanSuffix(entry.key, ['launch'])} (a launch file has only 'launch')`,
          this.source.location(entry.keyNode),
        );
      }
    }
    const launch = entries[0];
    if (!launch) this.fail(LaunchErrorCode.Shape, `${expected}, found an empty mapping`, this.source.location(root));
    if (launch.value === null || (isScalar(launch.value) && launch.value.value === null)) return [];
    if (!isSeq(launch.value)) {
      this.fail(
        LaunchErrorCode.Shape,
        `expected 'launch' to hold a list of actions, found ${describe(launch.value)}`,
        this.source.location(launch.value),
      );
    }
    return this.actions(launch.value);
  }

  private actions(seq: YAMLSeq): LaunchAction[] {
    return seq.items.map((item) => this.action(this.source.resolve(item), this.source.location(seq)));
  }

  private action(item: ResolvedNode | null, fallback: SourceLocation): LaunchAction {
    const itemLocation = this.source.location(item, fallback);
    if (!item || !isMap(item)) {
      this.fail(
        LaunchErrorCode.Shape,
        `expected an action (a mapping with one key such as 'node' or 'arg'), found ${describe(item)}`,
        itemLocation,
      );
    }
    const entries = this.source.entries(item, this.badKey);
    const first = entries[0];
    if (!first) this.fail(LaunchErrorCode.Shape, 'expected an action, found an empty mapping', itemLocation);
    if (entries.length > 1) {
      this.fail(
        LaunchErrorCode.Shape,
        `an action is a mapping with exactly one key (the action name), found ${quoteList(entries.map((e) => e.key))}; ` +
          'check the indentation of its fields',
        itemLocation,
      );
    }
    const location = this.source.location(first.keyNode);
    const name = first.key === 'push_ros_namespace' ? 'push-ros-namespace' : first.key;
    const body = first.value;
    const base = { location, source: this.source };
    if (name === 'group' && body && isSeq(body)) return { ...base, kind: 'group', children: this.actions(body) };
    const spec = ACTION_KEYS[name];
    if (!spec) {
      this.fail(
        LaunchErrorCode.UnknownAction,
        `unknown action '${first.key}'${didYouMeanSuffix(first.key, ACTION_NAMES)} (actions: ${quoteList(ACTION_NAMES)})`,
        location,
      );
    }
    const f = this.fields(body, spec, name, location);
    const cond = { ...opt('if', f.get('if')), ...opt('unless', f.get('unless')) };
    const req = (key: string): Field => f.get(key) as Field;
    switch (name) {
      case 'arg':
        return {
          ...base,
          ...cond,
          kind: 'arg',
          name: req('name'),
          ...opt('default', f.get('default')),
          ...opt('description', f.get('description')),
        };
      case 'let':
        return { ...base, ...cond, kind: 'let', name: req('name'), value: req('value') };
      case 'set_env':
        return { ...base, ...cond, kind: 'set_env', name: req('name'), value: req('value') };
      case 'unset_env':
        return { ...base, ...cond, kind: 'unset_env', name: req('name') };
      case 'push-ros-namespace':
        return { ...base, ...cond, kind: 'push-ros-namespace', namespace: req('namespace') };
      case 'include':
        return { ...base, ...cond, kind: 'include', file: req('file'), args: this.includeArgs(f.get('arg')) };
      case 'group':
        return {
          ...base,
          ...cond,
          kind: 'group',
          ...opt('namespace', f.get('namespace')),
          ...opt('scoped', f.get('scoped')),
          children: this.actions(req('children').value as YAMLSeq),
        };
      default:
        return this.node(f, base, cond, location);
    }
  }

  private node(
    f: Map<string, Field>,
    base: { location: SourceLocation; source: YamlSource },
    cond: { if?: Field; unless?: Field },
    location: SourceLocation,
  ): LaunchAction {
    const plugin = f.get('plugin');
    const exec = f.get('exec');
    if (plugin && exec) {
      this.fail(LaunchErrorCode.Shape, "give either 'plugin' or its alias 'exec' in node, not both", exec.keyLocation);
    }
    const pluginField = plugin ?? exec;
    if (!pluginField) {
      this.fail(LaunchErrorCode.MissingField, "node is missing required key 'plugin' (or its alias 'exec')", location);
    }
    return {
      ...base,
      ...cond,
      kind: 'node',
      pkg: f.get('pkg') as Field,
      plugin: pluginField,
      ...opt('name', f.get('name')),
      ...opt('namespace', f.get('namespace')),
      params: this.params(f.get('param')),
      remaps: this.remaps(f.get('remap')),
      ...opt('respawn', f.get('respawn')),
      ...opt('respawnDelay', f.get('respawn_delay')),
      ...opt('respawnMaxRetries', f.get('respawn_max_retries')),
    };
  }

  private listItems(field: Field | undefined, what: string): { body: YAMLMap | null; location: SourceLocation }[] {
    if (!field) return [];
    const seq = field.value as YAMLSeq;
    return seq.items.map((raw) => {
      const item = this.source.resolve(raw);
      const location = this.source.location(item, field.location);
      if (!item || !isMap(item))
        this.fail(LaunchErrorCode.Shape, `expected ${what} (a mapping), found ${describe(item)}`, location);
      return { body: item, location };
    });
  }

  private includeArgs(field: Field | undefined): IncludeArg[] {
    return this.listItems(field, 'an include argument {name, value}').map(({ body, location }) => {
      const f = this.fields(body, INCLUDE_ARG, 'include arg', location);
      return { name: f.get('name') as Field, value: f.get('value') as Field, location };
    });
  }

  private remaps(field: Field | undefined): RemapEntry[] {
    return this.listItems(field, 'a remap {from, to}').map(({ body, location }) => {
      const f = this.fields(body, REMAP, 'remap', location);
      return { from: f.get('from') as Field, to: f.get('to') as Field, location };
    });
  }

  private params(field: Field | undefined): ParamEntry[] {
    return this.listItems(field, 'a param {name, value} or {from: file}').map(({ body, location }) => {
      const f = this.fields(body, PARAM, 'param', location);
      const [name, value, from, nested] = [f.get('name'), f.get('value'), f.get('from'), f.get('param')];
      if (from) {
        if (name || value || nested) {
          this.fail(LaunchErrorCode.Shape, 'a param entry is either {name, value} or {from: file}, not both', location);
        }
        return { kind: 'file', from, location };
      }
      if (!name)
        this.fail(
          LaunchErrorCode.MissingField,
          "param is missing required key 'name' (or give 'from: file')",
          location,
        );
      if (value && nested)
        this.fail(
          LaunchErrorCode.Shape,
          `param '${String(name.keyNode.value)}' has both 'value' and nested 'param'`,
          location,
        );
      if (nested) return { kind: 'group', name, children: this.params(nested), location };
      if (!value) this.fail(LaunchErrorCode.MissingField, "param is missing required key 'value'", location);
      return { kind: 'value', name, value, location };
    });
  }

  private fields(body: ResolvedNode | null, spec: KeySpec, what: string, location: SourceLocation): Map<string, Field> {
    const accepted = [...spec.required, ...spec.optional];
    const isEmpty = !body || (isScalar(body) && body.value === null);
    if (!isEmpty && !isMap(body)) {
      this.fail(
        LaunchErrorCode.Shape,
        `expected the keys of ${what} (a mapping), found ${describe(body)}`,
        this.source.location(body, location),
      );
    }
    const out = new Map<string, Field>();
    for (const entry of isEmpty ? [] : this.source.entries(body as YAMLMap, this.badKey)) {
      const keyLocation = this.source.location(entry.keyNode);
      if (!accepted.includes(entry.key)) {
        this.fail(
          LaunchErrorCode.UnknownKey,
          `unknown key '${entry.key}' in ${what}${didYouMeanSuffix(entry.key, accepted)} (accepted keys: ${quoteList(accepted)})`,
          keyLocation,
        );
      }
      const value = entry.value;
      const empty = value === null || (isScalar(value) && value.value === null);
      if (empty) {
        // An empty value is almost always a slip (a value left out or indented under the wrong key).
        this.fail(
          LaunchErrorCode.MissingField,
          `'${entry.key}' of ${what} has no value; give it one (use '' for empty text) or remove the key`,
          keyLocation,
        );
      }
      if (value === null) continue;
      const valueLocation = this.source.location(value, keyLocation);
      if (spec.text.includes(entry.key) && !isScalar(value)) {
        this.fail(
          LaunchErrorCode.ValueType,
          `'${entry.key}' of ${what} must be text, a number or a bool, found ${describe(value)}`,
          valueLocation,
        );
      }
      if (spec.lists.includes(entry.key) && !isSeq(value)) {
        this.fail(
          LaunchErrorCode.ValueType,
          `'${entry.key}' of ${what} must be a list, found ${describe(value)}`,
          valueLocation,
        );
      }
      out.set(entry.key, { key: entry.key, keyNode: entry.keyNode, value, keyLocation, location: valueLocation });
    }
    for (const key of spec.required) {
      if (!out.has(key)) {
        this.fail(
          LaunchErrorCode.MissingField,
          `${what} is missing required key '${key}' (accepted keys: ${quoteList(accepted)})`,
          location,
        );
      }
    }
    return out;
  }
}

function opt<K extends string>(key: K, field: Field | undefined): { [P in K]?: Field } {
  return (field ? { [key]: field } : {}) as { [P in K]?: Field };
}
