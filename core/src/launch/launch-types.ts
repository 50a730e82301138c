import type { SourceLocation } from '../errors/omni-error.js';
import type { RemapRule } from '../names/topic-names.js';
import type { ParamFile, ParamValue } from '../params/param-file-types.js';

/** A parameter given inline in a launch file (`param: [{name, value}]`). */
export interface NodeParam {
  /** Dotted parameter name (`controller.max_speed`). */
  readonly name: string;
  /** The value with its YAML type; text produced by a substitution is typed the ROS 2 way. */
  readonly value: ParamValue;
  /** Where the parameter was written. */
  readonly location: SourceLocation;
  /** Position among the node's `param` entries (inline and files together); later wins. */
  readonly order: number;
}

/** A parameter file given to a node (`param: [{from: file.yaml}]`). */
export interface NodeParamFile {
  /** Absolute path of the file. */
  readonly path: string;
  /** Where the `from:` was written. */
  readonly location: SourceLocation;
  /** Position among the node's `param` entries (inline and files together); later wins. */
  readonly order: number;
  /** The parsed file (it was validated while loading the launch file). */
  readonly contents: ParamFile;
}

/** A remapping rule and where it was written. */
export interface LocatedRemapRule extends RemapRule {
  readonly location: SourceLocation;
}

/** Whether and how a crashed node is restarted. */
export interface RespawnSpec {
  readonly enabled: boolean;
  /** Seconds to wait before restarting (`respawn_delay`); `undefined` leaves it to the host's policy. */
  readonly delaySec: number | undefined;
  /** Restarts allowed in a row (`respawn_max_retries`); `undefined` leaves it to the host's policy. */
  readonly maxRetries: number | undefined;
}

/** One plugin instance to start, fully resolved. */
export interface NodeSpec {
  /** npm package name, or a path to a plugin module relative to {@link baseDir}. */
  readonly pkg: string;
  /** The plugin's name within the package (`plugin:` or its alias `exec:`). */
  readonly plugin: string;
  /** The instance's base name. */
  readonly name: string;
  /** Absolute, normalised namespace (`/` for the root). */
  readonly namespace: string;
  /** `namespace` joined with `name`, unique within a plan. */
  readonly fullyQualifiedName: string;
  /** Inline parameters in declaration order. */
  readonly params: readonly NodeParam[];
  /** Parameter files in declaration order. */
  readonly paramFiles: readonly NodeParamFile[];
  /** Remapping rules in declaration order (the first matching rule applies). */
  readonly remaps: readonly LocatedRemapRule[];
  /** Restart settings, `undefined` when the node gives none. */
  readonly respawn: RespawnSpec | undefined;
  /** Where the `node` entry was written (for errors about the node as a whole). */
  readonly location: SourceLocation;
  /** Where `pkg` was written (for "unknown package" errors). */
  readonly pkgLocation: SourceLocation;
  /** Where `plugin`/`exec` was written (for "unknown plugin" errors). */
  readonly pluginLocation: SourceLocation;
  /** Directory of the launch file that declared the node; relative `pkg` paths resolve against it. */
  readonly baseDir: string;
}

/** Everything a launch file asks for, resolved and validated; nothing has been started. */
export interface LaunchPlan {
  /** Nodes in declaration order (includes expanded in place). */
  readonly nodes: readonly NodeSpec[];
  /** Environment changes to apply before starting: a value sets, `undefined` removes. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Launch arguments of the top-level file (declared values and everything given on the command line). */
  readonly args: Readonly<Record<string, string>>;
  /** Absolute paths of every launch and parameter file read, in the order first read. */
  readonly files: readonly string[];
}

/** Options of {@link loadLaunchFile}. */
export interface LoadLaunchOptions {
  /** Launch arguments, e.g. from {@link parseLaunchArguments}. */
  readonly args?: Readonly<Record<string, string>>;
  /** Environment seen by `$(env)` and `$(optenv)` (default: `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Directory for relative paths and the last `$(find-pkg-share)` search (default: `process.cwd()`). */
  readonly cwd?: string;
}
