import { OmniError } from '../errors/omni-error.js';
import type { Bus, TopicInfo } from '../bus/bus-types.js';
import type { MessageBus } from '../bus/message-bus.js';
import { toJsonSafe } from '../control/json-safe.js';
import type {
  ControlApi,
  EchoedMessage,
  LifecycleStateLabel,
  LifecycleTransitionLabel,
  NodeSummary,
  ParamEntry,
  PluginSummary,
  SetParamResult,
} from '../control/control-api.js';
import { fillMessage } from '../messages/fill-message.js';
import type { MessageRegistry } from '../messages/message-registry.js';
import type { QosSettings } from '../qos/qos.js';
import { withParam } from '../params/param-names.js';
import { isTransitionLabel } from '../plugin-host/lifecycle.js';
import type { PluginHost } from '../plugin-host/plugin-host.js';
import { CORE_VERSION } from '../plugin-host/plugin-host.js';
import type { PluginInstance } from '../plugin-host/plugin-instance.js';

/** A topic name no publisher or subscriber uses. */
export class UnknownTopicError extends OmniError {
  constructor(topic: string) {
    super(
      'OMNI_ERR_UNKNOWN_TOPIC',
      `no topic '${topic}' in the graph; give its type to create it, or check 'omnimind topic list'`,
      {
        details: { topic },
      },
    );
  }
}

/** What {@link SystemControl} inspects and drives. */
export interface SystemControlOptions {
  readonly host: PluginHost;
  readonly bus: MessageBus;
  /** The runtime's own node on the bus (echo and publish go through it). */
  readonly controlBus: Bus;
  readonly registry: MessageRegistry;
  readonly launchFile: string | undefined;
  readonly startedAt: Date;
  readonly shutdown: () => Promise<void>;
}

/** The {@link ControlApi} of a running system: what the CLI sees through the control endpoint. */
export class SystemControl implements ControlApi {
  constructor(private readonly options: SystemControlOptions) {}

  info() {
    return {
      pid: process.pid,
      launchFile: this.options.launchFile,
      startedAt: this.options.startedAt.toISOString(),
      coreVersion: CORE_VERSION,
    };
  }

  nodes(): NodeSummary[] {
    return this.options.host.list().map((instance) => ({
      name: instance.name,
      pkg: instance.pkg,
      plugin: instance.definition.name,
      version: instance.definition.version,
      state: instance.state,
      restarts: instance.restarts,
      errors: instance.errors,
      ...(instance.lastError ? { lastError: instance.lastError } : {}),
    }));
  }

  plugins(): PluginSummary[] {
    const byKey = new Map<string, { instance: PluginInstance; instances: string[] }>();
    for (const instance of this.options.host.list()) {
      const key = `${instance.pkg}\u0000${instance.definition.name}`;
      const entry = byKey.get(key) ?? { instance, instances: [] };
      entry.instances.push(instance.name);
      byKey.set(key, entry);
    }
    return [...byKey.values()].map(({ instance, instances }) => ({
      pkg: instance.pkg,
      name: instance.definition.name,
      version: instance.definition.version,
      coreRange: instance.definition.coreRange,
      description: instance.definition.description ?? '',
      provides: instance.definition.provides ?? [],
      dependsOn: instance.definition.dependsOn ?? [],
      instances,
    }));
  }

  lifecycleGet(node: string): LifecycleStateLabel {
    return this.options.host.get(node).state;
  }

  lifecycleSet(node: string, transition: LifecycleTransitionLabel): Promise<LifecycleStateLabel> {
    if (!isTransitionLabel(transition)) {
      throw new OmniError(
        'OMNI_ERR_LIFECYCLE_TRANSITION',
        `unknown transition '${String(transition)}'; use configure, activate, deactivate, cleanup or shutdown`,
      );
    }
    return this.options.host.lifecycle(node, transition);
  }

  paramList(node?: string): ParamEntry[] {
    const instances = node === undefined ? this.options.host.list() : [this.options.host.get(node)];
    return instances.flatMap((instance) =>
      instance.params.entries().map((entry) => ({
        node: instance.name,
        name: entry.name,
        value: toJsonSafe(entry.value),
        type: entry.type,
        ...(entry.description ? { description: entry.description } : {}),
        source: entry.source,
        readOnly: entry.readOnly,
      })),
    );
  }

  paramGet(node: string, name: string): ParamEntry {
    const entry = this.paramList(node).find((e) => e.name === name);
    if (!entry) {
      const instance = this.options.host.get(node);
      throw new OmniError('OMNI_ERR_UNKNOWN_PARAM', `node '${instance.name}' has no parameter '${name}'`, {
        details: { node: instance.name, name, declared: instance.params.entries().map((e) => e.name) },
      });
    }
    return entry;
  }

  paramSet(node: string, name: string, value: unknown): Promise<SetParamResult> {
    return this.options.host.get(node).params.set(name, value, 'runtime');
  }

  paramDump(node?: string): Record<string, { ros__parameters: Record<string, unknown> }> {
    const instances = node === undefined ? this.options.host.list() : [this.options.host.get(node)];
    const out: Record<string, { ros__parameters: Record<string, unknown> }> = {};
    for (const instance of instances) {
      let values: Record<string, unknown> = {};
      for (const entry of instance.params.entries()) values = withParam(values, entry.name, toJsonSafe(entry.value));
      out[instance.name] = { ros__parameters: values };
    }
    return out;
  }

  topics(includeHidden = false): TopicInfo[] {
    return this.options.bus.graph.topics({ includeHidden });
  }

  topicInfo(name: string): TopicInfo {
    const resolved = this.options.controlBus.resolveName(name);
    const info = this.options.bus.graph.topic(resolved);
    if (!info) throw new UnknownTopicError(resolved);
    return info;
  }

  services() {
    return this.options.bus.graph.services();
  }

  actions() {
    return this.options.bus.graph.actions();
  }

  echo(topic: string, onMessage: (message: EchoedMessage) => void): () => void {
    const info = this.topicInfo(topic);
    const subscription = this.options.controlBus
      .topic<unknown>(info.name, info.type)
      .observe(compatibleQos(info))
      .subscribe((event) =>
        onMessage({
          topic: event.topic,
          type: event.type,
          seq: event.seq,
          publisher: event.publisher,
          publishTime: event.publishTime,
          message: toJsonSafe(event.message),
        }),
      );
    return () => subscription.unsubscribe();
  }

  publish(topic: string, type: string | undefined, message: unknown): void {
    const resolved = this.options.controlBus.resolveName(topic);
    const known = this.options.bus.graph.topic(resolved);
    const messageType = type ?? known?.type;
    if (!messageType) throw new UnknownTopicError(resolved);
    const filled = fillMessage(this.options.registry, messageType, message);
    this.options.controlBus.topic(resolved, known?.type ?? this.options.registry.resolve(messageType)).publish(filled);
  }

  shutdown(): Promise<void> {
    return this.options.shutdown();
  }
}

/**
 * QoS an inspecting subscriber should use so that it connects to every publisher, as
 * `ros2 topic echo` adapts: best effort always matches; transient local only if all publishers offer it.
 */
function compatibleQos(info: TopicInfo): QosSettings {
  const allLatched = info.publishers.length > 0 && info.publishers.every((p) => p.qos.durability === 'transient_local');
  return { reliability: 'best_effort', durability: allLatched ? 'transient_local' : 'volatile', depth: 100 };
}
