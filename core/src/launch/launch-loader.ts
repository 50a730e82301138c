import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatLocation, type SourceLocation } from '../errors/omni-error.js';
import { displayPath } from '../params/param-file.js';
import { FieldReader } from './field-values.js';
import type { ArgAction, IncludeAction, LaunchAction } from './launch-ast.js';
import { LAUNCH_ARGUMENT_NAME } from './launch-arguments.js';
import { LaunchErrorCode, LaunchFileError } from './launch-errors.js';
import { LaunchScope, LaunchState, type IncludeStep, type LoadedLaunchFile } from './launch-scope.js';
import { readLaunchStructure } from './launch-structure.js';
import type { LaunchPlan, LoadLaunchOptions } from './launch-types.js';
import { buildNode, resolveNamespace } from './node-action.js';
import { YamlSource } from './yaml-document.js';

/**
 * Loads a ROS 2 YAML launch file into a {@link LaunchPlan}: includes expanded, arguments,
 * conditions and substitutions resolved, names and parameter files validated. Starts nothing.
 * Throws {@link LaunchFileError} (a `UserInputError` naming `file:line:col`) for any problem.
 *
 * @example
 * ```ts
 * const plan = await loadLaunchFile('launch/demo.launch.yaml', { args: parseLaunchArguments(['use_sim:=true']) });
 * for (const node of plan.nodes) console.log(node.fullyQualifiedName, node.pkg, node.plugin);
 * ```
 */
export async function loadLaunchFile(filePath: string, options: LoadLaunchOptions = {}): Promise<LaunchPlan> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const state = new LaunchState(options.env ?? process.env, cwd);
  const absolute = path.resolve(cwd, filePath);
  const file = await readLaunchFile(absolute, state, () => {
    throw new LaunchFileError(
      LaunchErrorCode.FileNotFound,
      `cannot read launch file '${filePath}' (looked for ${absolute})`,
    );
  });
  const given = new Map(Object.entries(options.args ?? {}));
  for (const name of given.keys()) {
    if (!LAUNCH_ARGUMENT_NAME.test(name)) {
      throw new LaunchFileError(LaunchErrorCode.ArgumentSyntax, `invalid launch argument name '${name}'`);
    }
  }
  const interpreter = new LaunchInterpreter(state);
  const scope = new LaunchScope(new Map(given), '/', file, 0, undefined);
  await interpreter.runFile(scope, [
    { realPath: await realpath(absolute), displayPath: file.source.displayPath, includedAt: undefined },
  ]);
  const args = new Map(given);
  for (const [name, value] of state.topArgs) args.set(name, value);
  return {
    nodes: state.nodes,
    env: Object.fromEntries(state.envChanges),
    args: Object.fromEntries(args),
    files: [...state.files],
  };
}

async function readLaunchFile(absolute: string, state: LaunchState, missing: () => never): Promise<LoadedLaunchFile> {
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    missing();
  }
  state.files.add(absolute);
  const source = YamlSource.parse(
    absolute,
    displayPath(absolute, state.cwd),
    text,
    { syntax: LaunchErrorCode.Yaml, tooComplex: LaunchErrorCode.TooComplex },
    (code, message, location) => new LaunchFileError(code as LaunchErrorCode, message, location),
  );
  return { path: absolute, dir: path.dirname(absolute), source, actions: readLaunchStructure(source) };
}

class LaunchInterpreter {
  constructor(private readonly state: LaunchState) {}

  async runFile(scope: LaunchScope, chain: readonly IncludeStep[]): Promise<void> {
    await this.runActions(scope.file.actions, scope, chain);
  }

  private async runActions(
    actions: readonly LaunchAction[],
    scope: LaunchScope,
    chain: readonly IncludeStep[],
  ): Promise<void> {
    for (const action of actions) await this.run(action, scope, chain);
  }

  private async run(action: LaunchAction, scope: LaunchScope, chain: readonly IncludeStep[]): Promise<void> {
    const reader = new FieldReader(scope, this.state);
    if (!reader.condition(action, action.kind)) return;
    switch (action.kind) {
      case 'arg':
        this.declareArg(action, scope, reader);
        return;
      case 'let':
        scope.configs.set(this.configName(action.name.location, reader.text(action.name)), reader.text(action.value));
        return;
      case 'set_env':
        this.state.envChanges.set(
          this.envName(reader.text(action.name), action.name.location),
          reader.text(action.value),
        );
        return;
      case 'unset_env':
        this.state.envChanges.set(this.envName(reader.text(action.name), action.name.location), undefined);
        return;
      case 'push-ros-namespace':
        scope.namespace = resolveNamespace(scope.namespace, reader.text(action.namespace), action.namespace.location);
        return;
      case 'group': {
        const inner = !action.scoped || reader.bool(action.scoped, 'group') ? scope.child() : scope;
        if (action.namespace) {
          inner.namespace = resolveNamespace(inner.namespace, reader.text(action.namespace), action.namespace.location);
        }
        await this.runActions(action.children, inner, chain);
        return;
      }
      case 'include':
        await this.include(action, scope, reader, chain);
        return;
      case 'node':
        buildNode(action, scope, this.state, reader);
        return;
    }
  }

  private configName(location: SourceLocation, name: string): string {
    if (!LAUNCH_ARGUMENT_NAME.test(name)) {
      throw new LaunchFileError(
        LaunchErrorCode.InvalidName,
        `invalid launch configuration name '${name}': start with a letter or '_', then letters, digits, '_', '-' or '.'`,
        location,
      );
    }
    return name;
  }

  private envName(name: string, location: SourceLocation): string {
    if (name === '' || name.includes('=') || name.includes('\0')) {
      throw new LaunchFileError(LaunchErrorCode.InvalidName, `invalid environment variable name '${name}'`, location);
    }
    return name;
  }

  private declareArg(action: ArgAction, scope: LaunchScope, reader: FieldReader): void {
    const name = this.configName(action.name.location, reader.text(action.name));
    let value = scope.configs.get(name);
    if (value === undefined) {
      if (!action.default) {
        const how = scope.includedAt
          ? `pass it from the include at ${formatLocation(scope.includedAt)} with arg: [{name: ${name}, value: ...}]`
          : `pass it on the command line as ${name}:=<value>`;
        throw new LaunchFileError(
          LaunchErrorCode.MissingArg,
          `launch argument '${name}' is required (it has no default); ${how}`,
          action.location,
          { details: { argument: name } },
        );
      }
      value = reader.text(action.default);
      scope.configs.set(name, value);
    }
    if (scope.includeDepth === 0) this.state.topArgs.set(name, value);
  }

  private async include(
    action: IncludeAction,
    scope: LaunchScope,
    reader: FieldReader,
    chain: readonly IncludeStep[],
  ): Promise<void> {
    const fileText = reader.nonEmptyText(action.file, 'include');
    const absolute = path.resolve(scope.file.dir, fileText);
    const info = await stat(absolute).catch(() => undefined);
    if (!info?.isFile()) {
      throw new LaunchFileError(
        LaunchErrorCode.IncludeNotFound,
        `included launch file '${fileText}' not found (looked for ${absolute}); relative paths start from the including file's directory`,
        action.file.location,
      );
    }
    const real = await realpath(absolute);
    const step: IncludeStep = {
      realPath: real,
      displayPath: displayPath(absolute, this.state.cwd),
      includedAt: action.file.location,
    };
    if (chain.some((s) => s.realPath === real)) {
      const cycle = [...chain.slice(chain.findIndex((s) => s.realPath === real)), step];
      throw new LaunchFileError(
        LaunchErrorCode.IncludeCycle,
        `include cycle: ${cycle.map((s) => s.displayPath).join(' → ')}`,
        action.file.location,
        { details: { chain: cycle.map((s) => ({ file: s.realPath, includedAt: s.includedAt })) } },
      );
    }
    const configs = new Map(scope.configs);
    // Arguments are evaluated in the including scope, all before any is set, as ROS 2 does.
    const args = action.args.map(
      (arg) => [this.configName(arg.name.location, reader.text(arg.name)), reader.text(arg.value)] as const,
    );
    for (const [name, value] of args) configs.set(name, value);
    const file = await readLaunchFile(absolute, this.state, () => {
      throw new LaunchFileError(
        LaunchErrorCode.IncludeNotFound,
        `cannot read included launch file '${fileText}'`,
        action.file.location,
      );
    });
    const child = new LaunchScope(configs, scope.namespace, file, scope.includeDepth + 1, action.location);
    await this.runFile(child, [...chain, step]);
  }
}
