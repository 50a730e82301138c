import type { ControlApi } from '../control/control-api.js';
import type { Clock } from '../time/clock.js';
import type { MessageBus } from '../bus/message-bus.js';
import type { Token } from '../di/tokens.js';

/** A parameter override from the command line: `[node:]name:=value`. */
export interface CliParamOverride {
  /** Fully qualified or base node name; undefined applies to every node that declares the parameter. */
  readonly node: string | undefined;
  readonly name: string;
  readonly value: unknown;
}

/** Options for starting a system from a launch file or a single plugin. */
export interface StartOptions {
  /** Launch arguments (`name:=value`). */
  readonly args?: Readonly<Record<string, string>>;
  readonly paramOverrides?: readonly CliParamOverride[];
  /** Working directory for relative paths (default: process.cwd()). */
  readonly cwd?: string;
  /** Log level of the root logger (default `info`). */
  readonly logLevel?: string;
  /** Where logs go (default: stderr). */
  readonly logDestination?: NodeJS.WritableStream;
  /**
   * Values registered in the composition root's container before any plugin loads, so that plugins
   * resolve them by token from `ctx.container` (how embedding code hands a service to its plugins).
   */
  readonly services?: readonly { readonly token: Token<unknown>; readonly value: unknown }[];
}

/** A running system: the plugins of one launch, on one bus and clock. */
export interface RunningSystem {
  readonly control: ControlApi;
  readonly clock: Clock;
  /** The system's in-process bus: nodes of embedding code join it with `bus.forNode(...)`. */
  readonly bus: MessageBus;
  /** Resolves when the system has shut down (after `shutdown()` or a fatal start error). */
  readonly done: Promise<void>;
  /** Deactivates and cleans up every plugin in reverse dependency order; idempotent. */
  shutdown(): Promise<void>;
}
