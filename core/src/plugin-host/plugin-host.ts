import { createRequire } from 'node:module';
import { Subject, type Observable } from 'rxjs';
import semver from 'semver';
import type { DependencyContainer } from 'tsyringe';
import type { Bus } from '../bus/bus-types.js';
import { UserInputError, type SourceLocation } from '../errors/omni-error.js';
import type { Token } from '../di/tokens.js';
import type { Logger } from '../logging/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { RemapRule } from '../names/topic-names.js';
import { nodeFullyQualifiedName, normalizeNamespace, validateNodeName } from '../names/topic-names.js';
import { ParamStore, type ParamLayer } from '../params/param-store.js';
import type { Clock } from '../time/clock.js';
import { OmniError } from '../errors/omni-error.js';
import type { DefinedPlugin } from './define-plugin.js';
import { dependencyOrder } from './dependency-order.js';
import type { LifecycleEvent, LifecycleStateLabel, LifecycleTransitionLabel } from './lifecycle.js';
import { PluginInstance } from './plugin-instance.js';
import { loadPluginModule, pickPlugin, type LoadedPluginModule } from './plugin-loader.js';
import { UnknownNodeError } from './plugin-errors.js';
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy.js';

const coreManifest = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Version of this @omnimind/core, checked against each plugin's `coreRange`. */
export const CORE_VERSION: string = coreManifest.version;

/** One plugin instance to run, as the launch engine (or `omnimind run`) asks for it. */
export interface NodeRequest {
  readonly pkg: string;
  readonly plugin: string;
  readonly name: string;
  readonly namespace: string;
  readonly remaps: readonly RemapRule[];
  /** Folder that relative `pkg` paths resolve from (the launch file's). */
  readonly baseDir: string;
  /** Parameter layers, lowest precedence first (param files, launch, CLI). */
  readonly paramLayers: readonly ParamLayer[];
  /** Overrides the plugin's restart policy (from the launch file's `respawn*` keys). */
  readonly restart?: Partial<RestartPolicy>;
  /** Where the node was declared, for error messages. */
  readonly location?: SourceLocation;
  /** Where `pkg` was written (for "package not found"); defaults to `location`. */
  readonly pkgLocation?: SourceLocation;
  /** Where the plugin name was written (for "unknown plugin"); defaults to `location`. */
  readonly pluginLocation?: SourceLocation;
}

/** A plugin whose `coreRange` does not include this core. */
export class IncompatibleCoreError extends UserInputError {
  constructor(message: string, location: SourceLocation | undefined) {
    super('OMNI_ERR_PLUGIN_CORE_RANGE', message, location);
  }
}

/** Two nodes with the same fully qualified name. */
export class DuplicateNodeError extends UserInputError {
  constructor(message: string, location: SourceLocation | undefined) {
    super('OMNI_ERR_DUPLICATE_NODE', message, location);
  }
}

/** What the host needs from the system it runs in. */
export interface PluginHostOptions {
  /** Opens a node-scoped bus (`MessageBus.forNode`). */
  readonly openBus: (options: {
    namespace: string;
    name: string;
    remaps: readonly RemapRule[];
    /** The node's clock: stamps, deadlines and timeouts of its endpoints follow it. */
    clock: Clock;
    onHandlerError: (error: unknown, where: string) => void;
  }) => Bus;
  /** The clock a node uses, given its `use_sim_time`. */
  readonly clockFor: (useSimTime: boolean) => Clock;
  /** Wall clock that schedules restarts (a manual clock in tests). */
  readonly restartClock: Clock;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The composition root's container; each instance gets a child. */
  readonly container: DependencyContainer;
  readonly coreVersion?: string;
}

interface PreparedNode {
  readonly request: NodeRequest;
  readonly definition: DefinedPlugin;
  readonly fullyQualifiedName: string;
  readonly params: ParamStore<Record<string, unknown>>;
  readonly useSimTime: boolean;
}

/**
 * Loads plugin instances, checks everything before anything runs (plugin found, core range,
 * parameters, dependencies), then drives their lifecycles: activation in dependency order,
 * shutdown in reverse.
 */
export class PluginHost {
  private readonly instances: PluginInstance[] = [];
  private readonly eventsSubject = new Subject<LifecycleEvent>();
  private readonly providedBy = new Map<string, string>();

  /** Every lifecycle change of every node. */
  readonly events: Observable<LifecycleEvent> = this.eventsSubject.asObservable();

  constructor(private readonly options: PluginHostOptions) {}

  /**
   * Resolves and validates every request, then creates the instances (all unconfigured), in
   * dependency order. Throws the first problem found; when it throws, nothing was created.
   */
  async load(requests: readonly NodeRequest[]): Promise<void> {
    const modules = new Map<string, Promise<LoadedPluginModule>>();
    const prepared: PreparedNode[] = [];
    const seen = new Map<string, NodeRequest>();
    for (const request of requests) {
      validateNodeName(request.name);
      const fullyQualifiedName = nodeFullyQualifiedName(normalizeNamespace(request.namespace), request.name);
      const clash = seen.get(fullyQualifiedName) ?? this.instances.find((i) => i.name === fullyQualifiedName);
      if (clash) {
        throw new DuplicateNodeError(`duplicate node name '${fullyQualifiedName}'`, request.location);
      }
      seen.set(fullyQualifiedName, request);
      const key = `${request.baseDir}\u0000${request.pkg}`;
      if (!modules.has(key))
        modules.set(key, loadPluginModule(request.pkg, request.baseDir, request.pkgLocation ?? request.location));
      const module = await (modules.get(key) as Promise<LoadedPluginModule>);
      const definition = pickPlugin(module, request.plugin, request.pluginLocation ?? request.location);
      const coreVersion = this.options.coreVersion ?? CORE_VERSION;
      if (!semver.satisfies(coreVersion, definition.coreRange, { includePrerelease: true })) {
        throw new IncompatibleCoreError(
          `plugin '${definition.name}' ${definition.version} needs @omnimind/core ${definition.coreRange}, but this is ${coreVersion}`,
          request.location,
        );
      }
      const { useSimTime, layers } = extractUseSimTime(request.paramLayers, request.location);
      const { store, ignored } = ParamStore.create<Record<string, unknown>>({
        node: fullyQualifiedName,
        schema: definition.params,
        layers,
      });
      if (ignored.length > 0) {
        this.options.logger.debug(
          { node: fullyQualifiedName, ignored },
          'param-file entries this node does not declare were ignored',
        );
      }
      await definition.validate?.(store.values, { name: fullyQualifiedName, baseDir: request.baseDir });
      prepared.push({ request, definition, fullyQualifiedName, params: store, useSimTime });
    }
    const order = dependencyOrder(
      prepared.map((p) => ({
        name: p.fullyQualifiedName,
        plugin: p.definition.name,
        dependsOn: p.definition.dependsOn ?? [],
        provides: p.definition.provides ?? [],
        ...(p.request.location ? { location: p.request.location } : {}),
      })),
    );
    for (const index of order) this.instances.push(this.createInstance(prepared[index] as PreparedNode));
  }

  /**
   * Configures then activates every unconfigured node, in dependency order. All or nothing: if one
   * fails, every node is finalized in reverse order and the error is thrown.
   */
  async startAll(): Promise<void> {
    try {
      for (const instance of this.instances)
        if (instance.state === 'unconfigured') await instance.transition('configure');
      for (const instance of this.instances) if (instance.state === 'inactive') await instance.transition('activate');
    } catch (error) {
      await this.shutdownAll();
      throw error;
    }
  }

  /** Deactivates, cleans up and finalizes every node, in reverse dependency order. */
  async shutdownAll(): Promise<void> {
    for (const instance of [...this.instances].reverse()) await instance.finalize();
    this.eventsSubject.complete();
  }

  /** Runs a transition on one node. */
  lifecycle(node: string, transition: LifecycleTransitionLabel): Promise<LifecycleStateLabel> {
    return this.get(node).transition(transition);
  }

  /** All instances, in activation order. */
  list(): readonly PluginInstance[] {
    return this.instances;
  }

  /** Finds a node by fully qualified name, or by base name when that is unambiguous. */
  get(node: string): PluginInstance {
    const exact = this.instances.find((i) => i.name === node);
    if (exact) return exact;
    const byBase = this.instances.filter((i) => i.name.split('/').pop() === node.replace(/^\//, ''));
    if (byBase.length === 1 && byBase[0]) return byBase[0];
    throw new UnknownNodeError(
      node,
      this.instances.map((i) => i.name),
    );
  }

  private createInstance(node: PreparedNode): PluginInstance {
    const { request, definition, fullyQualifiedName } = node;
    const namespace = normalizeNamespace(request.namespace);
    const logger = this.options.logger.child({ plugin: definition.name, node: fullyQualifiedName, namespace });
    const clock = this.options.clockFor(node.useSimTime);
    return new PluginInstance({
      definition,
      pkg: request.pkg,
      name: request.name,
      namespace,
      fullyQualifiedName,
      baseDir: request.baseDir,
      params: node.params,
      openBus: (onHandlerError) =>
        this.options.openBus({ namespace, name: request.name, remaps: request.remaps, clock, onHandlerError }),
      clock,
      logger,
      metrics: this.options.metrics.withLabels({ node: fullyQualifiedName, plugin: definition.name }),
      container: this.options.container.createChildContainer(),
      restartPolicy: { ...DEFAULT_RESTART_POLICY, ...definition.restart, ...request.restart },
      restartClock: this.options.restartClock,
      provide: (owner, token, value) => this.provide(owner, definition, token, value),
      onEvent: (event) => {
        logger.debug({ transition: event.transition, from: event.from, to: event.to }, 'lifecycle');
        this.eventsSubject.next(event);
      },
    });
  }

  private provide(owner: string, definition: DefinedPlugin, token: Token<unknown>, value: unknown): void {
    const description = typeof token === 'symbol' ? (token.description ?? '') : String(token);
    const capability = description.replace(/^omnimind:/, '');
    if (!(definition.provides ?? []).includes(capability)) {
      throw new OmniError(
        'OMNI_ERR_PLUGIN_PROVIDES',
        `node '${owner}' provided '${capability}' but plugin '${definition.name}' does not list it in provides`,
      );
    }
    const previous = this.providedBy.get(capability);
    if (previous && previous !== owner) {
      this.options.logger.warn(`'${capability}' provided by '${owner}' replaces the one from '${previous}'`);
    }
    this.providedBy.set(capability, owner);
    this.options.container.register(token, { useValue: value });
  }
}

/** `use_sim_time` is every node's parameter (ROS 2 convention), handled by the host, not the plugin schema. */
function extractUseSimTime(
  layers: readonly ParamLayer[],
  location: SourceLocation | undefined,
): { useSimTime: boolean; layers: ParamLayer[] } {
  let useSimTime = false;
  const rest = layers.map((layer) => {
    const source = layer.get('use_sim_time');
    if (!source) return layer;
    if (typeof source.value !== 'boolean') {
      throw new UserInputError(
        'OMNI_ERR_PARAM_INVALID',
        `parameter 'use_sim_time' must be true or false, got ${JSON.stringify(source.value)}`,
        source.location ?? location,
      );
    }
    useSimTime = source.value;
    const copy = new Map(layer);
    copy.delete('use_sim_time');
    return copy;
  });
  return { useSimTime, layers: rest };
}
