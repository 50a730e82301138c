import type { Observable } from 'rxjs';
import type { SourceLocation } from '../errors/omni-error.js';

/** One accepted parameter change. */
export interface ParamChange {
  /** Dotted parameter name, e.g. `controller.max_speed`. */
  readonly name: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

/** Where a parameter value came from, lowest precedence first. */
export type ParamSourceKind = 'default' | 'file' | 'launch' | 'cli' | 'runtime';

/** A value given for a parameter before validation, with its origin. */
export interface ParamValueSource {
  readonly kind: ParamSourceKind;
  readonly value: unknown;
  /** Where it was written (param file or launch file), when known. */
  readonly location?: SourceLocation;
  /** When true, a node that does not declare the parameter ignores it instead of failing (global CLI overrides). */
  readonly optional?: boolean;
}

/** Outcome of a parameter set. */
export interface ParamSetResult {
  readonly successful: boolean;
  readonly reason: string;
}

/**
 * A node's parameters as its plugin sees them: typed current values (`values`), dotted-name access,
 * runtime changes with validation, and a stream of accepted changes.
 */
export interface Params<P> {
  /** Current values, typed by the plugin's schema; replaced (not mutated) on every change. */
  readonly values: Readonly<P>;
  /** Value of a dotted parameter name, or `undefined`. */
  get(name: string): unknown;
  /** Sets one parameter: validated by the schema, then by the plugin's `onParamChange` hook. */
  set(name: string, value: unknown): Promise<ParamSetResult>;
  /** Accepted changes, in order. */
  readonly changes: Observable<ParamChange>;
}
