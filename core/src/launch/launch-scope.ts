import type { SourceLocation } from '../errors/omni-error.js';
import type { LaunchAction } from './launch-ast.js';
import type { NodeSpec } from './launch-types.js';
import type { SubstitutionContext } from './substitution-resolver.js';
import type { YamlSource } from './yaml-document.js';

/** A launch file that has been read and checked for shape. */
export interface LoadedLaunchFile {
  /** Absolute path. */
  readonly path: string;
  /** Directory of the file. */
  readonly dir: string;
  readonly source: YamlSource;
  readonly actions: readonly LaunchAction[];
}

/** One step of the include chain: a file and the include action that brought it in. */
export interface IncludeStep {
  readonly realPath: string;
  readonly displayPath: string;
  readonly includedAt: SourceLocation | undefined;
}

/**
 * What a group or an included file sees and may change: launch configurations and the ROS
 * namespace. A scoped group or an include works on a copy, so its changes do not leak out.
 */
export class LaunchScope {
  constructor(
    readonly configs: Map<string, string>,
    public namespace: string,
    readonly file: LoadedLaunchFile,
    /** 0 for the top-level file, 1 for a file it includes, ... */
    readonly includeDepth: number,
    /** The include action that loaded this file, if any. */
    readonly includedAt: SourceLocation | undefined,
  ) {}

  /** A copy for a scoped group: same file, copied configurations and namespace. */
  child(): LaunchScope {
    return new LaunchScope(new Map(this.configs), this.namespace, this.file, this.includeDepth, this.includedAt);
  }
}

/** State shared by the whole load: environment changes, nodes so far, files read. */
export class LaunchState {
  /** Environment changes in order: a value sets, `undefined` removes. */
  readonly envChanges = new Map<string, string | undefined>();
  readonly nodes: NodeSpec[] = [];
  /** Fully qualified name → where that node was declared. */
  readonly nodeNames = new Map<string, SourceLocation>();
  readonly files = new Set<string>();
  /** Top-level launch arguments as resolved. */
  readonly topArgs = new Map<string, string>();

  constructor(
    private readonly baseEnv: Readonly<Record<string, string | undefined>>,
    /** Directory for relative paths given on the command line and the last package search. */
    readonly cwd: string,
  ) {}

  /** An environment variable as seen at this point of the launch file. */
  env(name: string): string | undefined {
    if (this.envChanges.has(name)) return this.envChanges.get(name);
    return Object.prototype.hasOwnProperty.call(this.baseEnv, name) ? this.baseEnv[name] : undefined;
  }

  /** The substitution context for `scope`. */
  substitutionContext(scope: LaunchScope): SubstitutionContext {
    return {
      vars: scope.configs,
      env: (name) => this.env(name),
      filePath: scope.file.path,
      packageSearchDirs: scope.file.dir === this.cwd ? [this.cwd] : [scope.file.dir, this.cwd],
    };
  }
}
