import type { SourceLocation } from '../errors/omni-error.js';

/** A single parameter value as YAML gives it: bool, int or float (as `number`), or text. */
export type ParamScalar = boolean | number | string;

/** A parameter value: a scalar or a list of scalars (ROS 2 arrays). */
export type ParamValue = ParamScalar | readonly ParamScalar[];

/** A parameter value and where it was written. */
export interface LocatedParam {
  readonly value: ParamValue;
  readonly location: SourceLocation;
}

/**
 * How an entry of a parameter file selects nodes:
 * - `fqn`: one fully qualified node name (`/ns/node`), from a `/`-prefixed key or nested namespaces;
 * - `base`: a bare node name (`node`), which matches that node in any namespace;
 * - `wildcard`: a pattern with `*` (within one name segment) or `**` (any number of segments);
 * - `any`: `/**`, every node.
 */
export type ParamFileEntryKind = 'fqn' | 'base' | 'wildcard' | 'any';

/** One `<node>: { ros__parameters: {...} }` block of a parameter file. */
export interface ParamFileEntry {
  /** The node name or pattern, as a path: `/ns/node`, `node`, `/ns/*`, `/**`. */
  readonly pattern: string;
  readonly kind: ParamFileEntryKind;
  /** Where the `ros__parameters` key was written. */
  readonly location: SourceLocation;
  /** Parameters by dotted name (`a.b.c`), in file order. */
  readonly params: ReadonlyMap<string, LocatedParam>;
}

/** A parsed ROS 2 parameter file. */
export interface ParamFile {
  /** Absolute path of the file. */
  readonly path: string;
  /** The blocks in file order. */
  readonly entries: readonly ParamFileEntry[];
}
