import type { Scalar } from 'yaml';
import type { SourceLocation } from '../errors/omni-error.js';
import type { ResolvedNode, YamlSource } from './yaml-document.js';

/** One `key: value` of an action, with where the key and the value were written. */
export interface Field {
  readonly key: string;
  readonly keyNode: Scalar;
  /** The value (an empty value is rejected while the structure is read). */
  readonly value: ResolvedNode;
  readonly keyLocation: SourceLocation;
  /** Where the value starts (the key's location when there is no value). */
  readonly location: SourceLocation;
}

/** What every action has: its place, its file, and its optional `if`/`unless` conditions. */
export interface ActionBase {
  readonly location: SourceLocation;
  readonly source: YamlSource;
  readonly if?: Field;
  readonly unless?: Field;
}

/** `arg`: declares a launch argument. */
export interface ArgAction extends ActionBase {
  readonly kind: 'arg';
  readonly name: Field;
  readonly default?: Field;
  readonly description?: Field;
}

/** `let`: sets a launch configuration. */
export interface LetAction extends ActionBase {
  readonly kind: 'let';
  readonly name: Field;
  readonly value: Field;
}

/** One `{name, value}` passed to an included file. */
export interface IncludeArg {
  readonly name: Field;
  readonly value: Field;
  readonly location: SourceLocation;
}

/** `include`: loads another launch file in a child scope. */
export interface IncludeAction extends ActionBase {
  readonly kind: 'include';
  readonly file: Field;
  readonly args: readonly IncludeArg[];
}

/** `group`: runs child actions, by default in their own scope. */
export interface GroupAction extends ActionBase {
  readonly kind: 'group';
  readonly namespace?: Field;
  readonly scoped?: Field;
  readonly children: readonly LaunchAction[];
}

/** `push-ros-namespace`: pushes a namespace for the rest of the current scope. */
export interface PushNamespaceAction extends ActionBase {
  readonly kind: 'push-ros-namespace';
  readonly namespace: Field;
}

/** One entry of a node's `param` list. */
export type ParamEntry =
  | { readonly kind: 'value'; readonly name: Field; readonly value: Field; readonly location: SourceLocation }
  | { readonly kind: 'file'; readonly from: Field; readonly location: SourceLocation }
  | {
      readonly kind: 'group';
      readonly name: Field;
      readonly children: readonly ParamEntry[];
      readonly location: SourceLocation;
    };

/** One `{from, to}` of a node's `remap` list. */
export interface RemapEntry {
  readonly from: Field;
  readonly to: Field;
  readonly location: SourceLocation;
}

/** `node`: a plugin instance. */
export interface NodeAction extends ActionBase {
  readonly kind: 'node';
  readonly pkg: Field;
  readonly plugin?: Field;
  readonly name?: Field;
  readonly namespace?: Field;
  readonly params: readonly ParamEntry[];
  readonly remaps: readonly RemapEntry[];
  readonly respawn?: Field;
  readonly respawnDelay?: Field;
  readonly respawnMaxRetries?: Field;
}

/** `set_env`: sets an environment variable for the launched process. */
export interface SetEnvAction extends ActionBase {
  readonly kind: 'set_env';
  readonly name: Field;
  readonly value: Field;
}

/** `unset_env`: removes an environment variable for the launched process. */
export interface UnsetEnvAction extends ActionBase {
  readonly kind: 'unset_env';
  readonly name: Field;
}

/** Any action of a launch file, checked for shape and keys but not yet evaluated. */
export type LaunchAction =
  | ArgAction
  | LetAction
  | IncludeAction
  | GroupAction
  | PushNamespaceAction
  | NodeAction
  | SetEnvAction
  | UnsetEnvAction;
