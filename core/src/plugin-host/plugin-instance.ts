import type { DependencyContainer } from 'tsyringe';
import type { Observable, Observer, Subscription } from 'rxjs';
import type { Bus } from '../bus/bus-types.js';
import type { Clock, Timer } from '../time/clock.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics, Counter } from '../metrics/metrics.js';
import type { Token } from '../di/tokens.js';
import { BUS, CLOCK, LOGGER, METRICS } from '../di/tokens.js';
import { OmniError } from '../errors/omni-error.js';
import type { ParamStore } from '../params/param-store.js';
import type { DefinedPlugin, HookName } from './define-plugin.js';
import type { PluginContext } from './plugin-context.js';
import { ResourceScope } from './resource-scope.js';
import { createScopedBus } from './scoped-bus.js';
import { withTimeout } from './with-timeout.js';
import { PluginCrashError, PluginHookError, messageOf } from './plugin-errors.js';
import {
  InvalidTransitionError,
  TRANSITIONS,
  type LifecycleEvent,
  type LifecycleStateLabel,
  type LifecycleTransitionLabel,
} from './lifecycle.js';
import { restartDelayMs, type RestartPolicy } from './restart-policy.js';
import { guardObserver } from './guard-observer.js';

const DEFAULT_TIMEOUTS: Readonly<Record<HookName, number>> = {
  configure: 10_000,
  activate: 10_000,
  deactivate: 5_000,
  cleanup: 5_000,
  shutdown: 5_000,
  onError: 5_000,
};

/** Everything the host hands one plugin instance. */
export interface PluginInstanceOptions {
  readonly definition: DefinedPlugin;
  readonly pkg: string;
  readonly name: string;
  readonly namespace: string;
  readonly fullyQualifiedName: string;
  /** Folder relative parameter paths resolve against. */
  readonly baseDir: string;
  readonly params: ParamStore<Record<string, unknown>>;
  /** Opens a fresh node-scoped bus; handler errors on it must be routed to `onHandlerError`. */
  readonly openBus: (onHandlerError: (error: unknown, where: string) => void) => Bus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly container: DependencyContainer;
  readonly restartPolicy: RestartPolicy;
  /** Wall-time clock that schedules restarts (a manual clock in tests). */
  readonly restartClock: Clock;
  /** Registers a value for dependents; the host checks `provides`. */
  readonly provide: (node: string, token: Token<unknown>, value: unknown) => void;
  readonly onEvent: (event: LifecycleEvent) => void;
}

/**
 * One running instance of a plugin: a ROS 2 managed node. Owns the instance's lifecycle state,
 * its context and resources, and its crash handling and restarts.
 */
export class PluginInstance {
  private currentState: LifecycleStateLabel = 'unconfigured';
  private ctx: PluginContext | undefined;
  private bus: Bus | undefined;
  private userState: unknown;
  private configureScope: ResourceScope | undefined;
  private activateScope: ResourceScope | undefined;
  private restartTimer: Timer | undefined;
  private consecutiveFailures = 0;
  private lastStartMs = 0;
  private errorCount = 0;
  private restartCount = 0;
  private lastErrorMessage: string | undefined;
  private busy: Promise<unknown> = Promise.resolve();
  private readonly errorsCounter: Counter;
  private readonly restartsCounter: Counter;

  constructor(private readonly options: PluginInstanceOptions) {
    this.errorsCounter = options.metrics.counter({
      name: 'omnimind_plugin_errors_total',
      help: 'Errors raised by plugin code (hooks and handlers).',
    });
    this.restartsCounter = options.metrics.counter({
      name: 'omnimind_plugin_restarts_total',
      help: 'Restarts of plugin instances after a crash.',
    });
    options.params.setValidator(async (change) => {
      const hook = options.definition.onParamChange;
      if (!hook || !this.ctx) return { successful: true, reason: '' };
      const verdict = await hook(this.ctx, this.userState, change);
      return verdict.accept ? { successful: true, reason: '' } : { successful: false, reason: verdict.reason };
    });
  }

  get name(): string {
    return this.options.fullyQualifiedName;
  }
  get definition(): DefinedPlugin {
    return this.options.definition;
  }
  get pkg(): string {
    return this.options.pkg;
  }
  get state(): LifecycleStateLabel {
    return this.currentState;
  }
  get params(): ParamStore<Record<string, unknown>> {
    return this.options.params;
  }
  get errors(): number {
    return this.errorCount;
  }
  get restarts(): number {
    return this.restartCount;
  }
  get lastError(): string | undefined {
    return this.lastErrorMessage;
  }

  /**
   * Runs one lifecycle transition. Resolves with the state reached; when a hook fails, the node goes
   * through error processing and the hook's error is thrown after that.
   */
  transition(transition: LifecycleTransitionLabel): Promise<LifecycleStateLabel> {
    return this.serialize(() => this.runTransition(transition));
  }

  /**
   * Deactivates, cleans up and finalizes, whatever the current state; never throws (errors are
   * logged). Cancels a pending restart.
   */
  finalize(): Promise<void> {
    return this.serialize(async () => {
      this.restartTimer?.cancel();
      if (this.currentState === 'finalized') return;
      for (const step of ['deactivate', 'cleanup', 'shutdown'] as const) {
        if (!(TRANSITIONS[step].from as readonly string[]).includes(this.currentState)) continue;
        try {
          await this.runTransition(step);
        } catch (error) {
          this.options.logger.error({ err: error }, `error during ${step} at shutdown`);
        }
        if (this.isFinalized()) break;
      }
      if (!this.isFinalized()) this.enter('finalized', 'shutdown');
      this.options.params.close();
    });
  }

  /**
   * Handles an error thrown by plugin code outside a hook (message handler, timer, subscription):
   * logs and counts it, moves the node through error processing and applies the restart policy.
   */
  reportCrash(where: string, error: unknown): void {
    const crash = new PluginCrashError(this.name, where, error);
    this.recordError(crash);
    this.options.logger.error({ err: error, where }, crash.message);
    if (this.currentState !== 'active' && this.currentState !== 'inactive') return;
    const resumeTo = this.currentState;
    void this.serialize(async () => {
      if (this.currentState !== resumeTo) return;
      await this.processError(crash);
      this.scheduleRestart(resumeTo);
    });
  }

  private async runTransition(transition: LifecycleTransitionLabel): Promise<LifecycleStateLabel> {
    const rule = TRANSITIONS[transition];
    if (!(rule.from as readonly string[]).includes(this.currentState)) {
      throw new InvalidTransitionError(this.name, transition, this.currentState);
    }
    const from = this.currentState;
    this.enter(rule.via, transition);
    try {
      await this.runHook(transition);
    } catch (error) {
      const hookError = new PluginHookError(this.name, transition, error);
      this.recordError(hookError);
      this.options.logger.error({ err: error }, hookError.message);
      await this.processError(hookError);
      throw hookError;
    }
    this.enter(rule.to, transition, undefined, from);
    return this.currentState;
  }

  private async runHook(transition: LifecycleTransitionLabel): Promise<void> {
    const def = this.options.definition;
    const timeouts = { ...DEFAULT_TIMEOUTS, ...def.timeouts };
    switch (transition) {
      case 'configure': {
        this.configureScope = new ResourceScope();
        this.bus = this.options.openBus((error, where) => this.reportCrash(where, error));
        this.ctx = this.createContext(this.bus);
        const ctx = this.ctx;
        this.userState = await withTimeout(() => def.configure(ctx), timeouts.configure, this.name, 'configure');
        return;
      }
      case 'activate': {
        this.activateScope = new ResourceScope();
        const ctx = this.requireContext();
        await withTimeout(() => def.activate?.(ctx, this.userState), timeouts.activate, this.name, 'activate');
        this.lastStartMs = this.options.restartClock.nowMs();
        return;
      }
      case 'deactivate': {
        const ctx = this.requireContext();
        try {
          await withTimeout(() => def.deactivate?.(ctx, this.userState), timeouts.deactivate, this.name, 'deactivate');
        } finally {
          this.releaseActivateScope();
        }
        return;
      }
      case 'cleanup': {
        const ctx = this.requireContext();
        try {
          await withTimeout(() => def.cleanup?.(ctx, this.userState), timeouts.cleanup, this.name, 'cleanup');
        } finally {
          this.releaseConfigureScope();
        }
        return;
      }
      case 'shutdown': {
        const ctx = this.ctx;
        try {
          if (ctx)
            await withTimeout(() => def.shutdown?.(ctx, this.userState), timeouts.shutdown, this.name, 'shutdown');
        } finally {
          this.releaseActivateScope();
          this.releaseConfigureScope();
        }
        return;
      }
    }
  }

  /** Error processing: release everything, run `onError`; recovered → unconfigured, else finalized. */
  private async processError(error: OmniError): Promise<void> {
    const from = this.currentState;
    this.enter('errorprocessing', 'error', error, from);
    const ctx = this.ctx;
    const def = this.options.definition;
    this.releaseActivateScope();
    let recovered = true;
    try {
      if (ctx && def.onError) {
        await withTimeout(
          () => def.onError?.(ctx, this.userState, error.cause ?? error),
          DEFAULT_TIMEOUTS.onError,
          this.name,
          'onError',
        );
      }
    } catch (hookError) {
      recovered = false;
      this.options.logger.error({ err: hookError }, `onError of '${this.name}' failed; finalizing`);
    }
    this.releaseConfigureScope();
    this.enter(recovered ? 'unconfigured' : 'finalized', recovered ? 'recover' : 'error', error, 'errorprocessing');
  }

  private scheduleRestart(target: 'active' | 'inactive'): void {
    const policy = this.options.restartPolicy;
    if (this.currentState !== 'unconfigured' || policy.mode === 'never') return;
    const now = this.options.restartClock.nowMs();
    if (this.lastStartMs > 0 && now - this.lastStartMs >= policy.resetAfterMs) this.consecutiveFailures = 0;
    if (this.consecutiveFailures >= policy.maxRetries) {
      this.options.logger.error(
        `'${this.name}' failed ${this.consecutiveFailures} times in a row; giving up (restart policy maxRetries=${policy.maxRetries})`,
      );
      return;
    }
    this.consecutiveFailures += 1;
    const delay = restartDelayMs(policy, this.consecutiveFailures);
    this.options.logger.warn(
      `restarting '${this.name}' in ${delay} ms (attempt ${this.consecutiveFailures}/${policy.maxRetries})`,
    );
    this.restartTimer = this.options.restartClock.setTimeout(delay, () => {
      this.restartTimer = undefined;
      void this.serialize(async () => {
        if (this.currentState !== 'unconfigured') return;
        this.restartCount += 1;
        this.restartsCounter.inc();
        try {
          await this.runTransition('configure');
          if (target === 'active') await this.runTransition('activate');
        } catch {
          this.scheduleRestart(target);
        }
      });
    });
  }

  private createContext(bus: Bus): PluginContext {
    const options = this.options;
    const currentScope = (): ResourceScope => {
      const scope = this.activateScope && !this.activateScope.released ? this.activateScope : this.configureScope;
      if (!scope || scope.released) {
        throw new OmniError('OMNI_ERR_PLUGIN_SCOPE', `'${this.name}' opened a resource outside configure/activate`);
      }
      return scope;
    };
    const crash = (where: string) => (error: unknown) => this.reportCrash(where, error);
    const container = options.container;
    container.register(BUS, { useValue: bus });
    container.register(CLOCK, { useValue: options.clock });
    container.register(LOGGER, { useValue: options.logger });
    container.register(METRICS, { useValue: options.metrics });
    return {
      name: options.name,
      namespace: options.namespace,
      fullyQualifiedName: options.fullyQualifiedName,
      baseDir: options.baseDir,
      plugin: { name: options.definition.name, version: options.definition.version, pkg: options.pkg },
      bus: createScopedBus(bus, currentScope),
      params: options.params,
      logger: options.logger,
      clock: options.clock,
      metrics: options.metrics,
      container,
      get signal() {
        return currentScope().signal;
      },
      subscribe: <T>(source: Observable<T>, observer: Partial<Observer<T>> | ((value: T) => void)): Subscription => {
        const subscription = source.subscribe(guardObserver(observer, crash));
        currentScope().add(() => subscription.unsubscribe());
        return subscription;
      },
      createTimer: (periodMs: number, callback: () => void | Promise<void>): Timer => {
        const timer = options.clock.createTimer(periodMs, () => {
          try {
            const result = callback();
            if (result instanceof Promise) result.catch(crash('timer'));
          } catch (error) {
            crash('timer')(error);
          }
        });
        currentScope().add(() => timer.cancel());
        return timer;
      },
      provide: <T>(token: Token<T>, value: T): void => options.provide(this.name, token as Token<unknown>, value),
      reportError: crash('reported error'),
    };
  }

  private isFinalized(): boolean {
    return this.currentState === 'finalized';
  }

  private requireContext(): PluginContext {
    if (!this.ctx) throw new OmniError('OMNI_ERR_PLUGIN_SCOPE', `'${this.name}' has no context (not configured)`);
    return this.ctx;
  }

  private releaseActivateScope(): void {
    for (const error of this.activateScope?.release() ?? []) {
      this.options.logger.warn({ err: error }, 'error while releasing an activate-scope resource');
    }
  }

  private releaseConfigureScope(): void {
    for (const error of this.configureScope?.release() ?? []) {
      this.options.logger.warn({ err: error }, 'error while releasing a configure-scope resource');
    }
    this.bus?.dispose();
    this.bus = undefined;
  }

  private enter(
    state: LifecycleStateLabel,
    transition: LifecycleEvent['transition'],
    error?: unknown,
    from: LifecycleStateLabel = this.currentState,
  ): void {
    this.currentState = state;
    this.options.onEvent({ node: this.name, transition, from, to: state, ...(error === undefined ? {} : { error }) });
  }

  private recordError(error: OmniError): void {
    this.errorCount += 1;
    this.lastErrorMessage = messageOf(error);
    this.errorsCounter.inc();
  }

  /** Transitions of one node never overlap: each waits for the previous one. */
  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.busy.then(work, work);
    this.busy = run.catch(() => undefined);
    return run;
  }
}
