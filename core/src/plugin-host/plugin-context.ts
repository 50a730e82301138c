import type { Observable, Observer, Subscription } from 'rxjs';
import type { DependencyContainer } from 'tsyringe';
import type { Bus } from '../bus/bus-types.js';
import type { Clock, Timer } from '../time/clock.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Token } from '../di/tokens.js';
import type { Params } from '../params/params.js';

/**
 * Everything a plugin instance gets, and the only thing: its namespaced bus, parameters, logger,
 * clock, metrics and a child DI container. Resources opened through `ctx` during `configure` are
 * released at `cleanup`; those opened during `activate` are released at `deactivate`.
 */
export interface PluginContext<P = Record<string, unknown>> {
  /** Base name of this instance (one plugin can run as several instances). */
  readonly name: string;
  /** Absolute namespace, `/` for the root. */
  readonly namespace: string;
  /** Namespace joined with the name, e.g. `/robot1/heartbeat`. */
  readonly fullyQualifiedName: string;
  /** Folder that relative paths in this node's parameters resolve against (its launch file's folder). */
  readonly baseDir: string;
  /** The plugin implementation this instance runs. */
  readonly plugin: { readonly name: string; readonly version: string; readonly pkg: string };
  /** The bus as this node sees it: relative names resolve against `namespace`, remaps apply. */
  readonly bus: Bus;
  /** Validated, typed parameters; live (runtime changes show up here). */
  readonly params: Params<P>;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly metrics: Metrics;
  /** Child container of the host's; resolve core services by token (`CLOCK`, `BUS`, ...). */
  readonly container: DependencyContainer;
  /** Aborted when the resources of the current scope are released (deactivate or cleanup). */
  readonly signal: AbortSignal;
  /**
   * Subscribes to any observable for the current scope. Errors thrown by `next` (or emitted by the
   * observable) are attributed to this plugin: logged, counted, and handled by its restart policy.
   */
  subscribe<T>(source: Observable<T>, observer: Partial<Observer<T>> | ((value: T) => void)): Subscription;
  /** A periodic timer on the node's clock for the current scope; callback errors are attributed like `subscribe`. */
  createTimer(periodMs: number, callback: () => void | Promise<void>): Timer;
  /** Registers a value that dependent plugins resolve from their containers; the token must be in `provides`. */
  provide<T>(token: Token<T>, value: T): void;
  /** Reports an error from plugin code the host could not see (e.g. in a callback of a third-party library). */
  reportError(error: unknown): void;
}
