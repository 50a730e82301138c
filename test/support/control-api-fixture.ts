/**
 * A small but real ControlApi over in-memory data, used to test the control endpoint and the CLI
 * without the runtime: nodes with a managed lifecycle, typed parameters, topics and echo.
 */
import { OmniError, UserInputError } from '../../core/src/errors/omni-error.js';
import type {
  ControlApi,
  EchoedMessage,
  LifecycleStateLabel,
  LifecycleTransitionLabel,
  NodeSummary,
  ParamEntry,
  PluginSummary,
  SetParamResult,
} from '../../core/src/control/control-api.js';
import type { ServiceInfo, TopicInfo } from '../../core/src/bus/bus-types.js';
import { QOS_DEFAULT } from '../../core/src/qos/qos.js';
import { MessageBus } from '../../core/src/bus/message-bus.js';
import { asyncScheduler, Subject } from 'rxjs';
import type { Clock, Timer } from '../../core/src/time/clock.js';
import { timeFromMs, type Time } from '../../core/src/time/time.js';
import type { RunningSystem } from '../../core/src/runtime/runtime-types.js';

interface FixtureNode {
  name: string;
  plugin: string;
  state: LifecycleStateLabel;
  params: Map<string, { value: unknown; type: string; readOnly: boolean; source: string }>;
}

const TRANSITIONS: Record<LifecycleTransitionLabel, Partial<Record<LifecycleStateLabel, LifecycleStateLabel>>> = {
  configure: { unconfigured: 'inactive' },
  activate: { inactive: 'active' },
  deactivate: { active: 'inactive' },
  cleanup: { inactive: 'unconfigured' },
  shutdown: { unconfigured: 'finalized', inactive: 'finalized', active: 'finalized' },
};

/** In-memory ControlApi with two nodes (`/demo/heartbeat`, `/demo/monitor`). */
export class FixtureControlApi implements ControlApi {
  readonly startedAt = new Date('2024-05-01T10:00:00.000Z').toISOString();
  readonly nodesByName = new Map<string, FixtureNode>();
  readonly listeners = new Map<string, Set<(message: EchoedMessage) => void>>();
  readonly published: { topic: string; type: string | undefined; message: unknown }[] = [];
  readonly seqByTopic = new Map<string, number>();
  shutdownCalls = 0;
  private readonly topicTypes = new Map<string, string>([
    ['/demo/heartbeat', 'omnimind_msgs/msg/Heartbeat'],
    ['/demo/chatter', 'std_msgs/msg/String'],
    ['/_hidden/debug', 'std_msgs/msg/String'],
  ]);

  constructor() {
    this.addNode('/demo/heartbeat', 'heartbeat', {
      rate_hz: { value: 2, type: 'number', readOnly: false, source: 'default' },
      frame_id: { value: 'base_link', type: 'string', readOnly: false, source: 'launch' },
      plugin_version: { value: '1.0.0', type: 'string', readOnly: true, source: 'default' },
    });
    this.addNode('/demo/monitor', 'monitor', {
      timeout_s: { value: 1.5, type: 'number', readOnly: false, source: 'default' },
    });
  }

  private addNode(
    name: string,
    plugin: string,
    params: Record<string, FixtureNode['params'] extends Map<string, infer V> ? V : never>,
  ): void {
    this.nodesByName.set(name, { name, plugin, state: 'active', params: new Map(Object.entries(params)) });
  }

  private node(name: string): FixtureNode {
    const node = this.nodesByName.get(name);
    if (node === undefined)
      throw new OmniError('OMNI_ERR_NODE_NOT_FOUND', `no node named '${name}'`, { details: { node: name } });
    return node;
  }

  info() {
    return { pid: process.pid, launchFile: '/demo/demo.launch.yaml', startedAt: this.startedAt, coreVersion: '0.1.0' };
  }

  nodes(): NodeSummary[] {
    return [...this.nodesByName.values()].map((node) => ({
      name: node.name,
      pkg: '@omnimind/plugin-examples',
      plugin: node.plugin,
      version: '1.0.0',
      state: node.state,
      restarts: 0,
      errors: node.plugin === 'monitor' ? 1 : 0,
      ...(node.plugin === 'monitor' ? { lastError: 'heartbeat late' } : {}),
    }));
  }

  plugins(): PluginSummary[] {
    return [...this.nodesByName.values()].map((node) => ({
      pkg: '@omnimind/plugin-examples',
      name: node.plugin,
      version: '1.0.0',
      coreRange: '^0.1.0',
      description: `${node.plugin} example`,
      provides: [],
      dependsOn: [],
      instances: [node.name],
    }));
  }

  lifecycleGet(node: string): LifecycleStateLabel {
    return this.node(node).state;
  }

  async lifecycleSet(nodeName: string, transition: LifecycleTransitionLabel): Promise<LifecycleStateLabel> {
    const node = this.node(nodeName);
    const next = TRANSITIONS[transition]?.[node.state];
    if (next === undefined) {
      throw new OmniError(
        'OMNI_ERR_LIFECYCLE_INVALID_TRANSITION',
        `cannot ${transition} ${nodeName} while ${node.state}`,
        {
          details: { node: nodeName, transition, state: node.state },
        },
      );
    }
    await Promise.resolve();
    node.state = next;
    return next;
  }

  paramList(node?: string): ParamEntry[] {
    const nodes = node === undefined ? [...this.nodesByName.values()] : [this.node(node)];
    return nodes.flatMap((n) =>
      [...n.params.entries()].map(([name, p]) => ({
        node: n.name,
        name,
        value: p.value,
        type: p.type,
        source: p.source,
        readOnly: p.readOnly,
      })),
    );
  }

  paramGet(node: string, name: string): ParamEntry {
    const entry = this.paramList(node).find((p) => p.name === name);
    if (entry === undefined) {
      throw new UserInputError('OMNI_ERR_PARAM_UNKNOWN', `node '${node}' has no parameter '${name}'`);
    }
    return entry;
  }

  async paramSet(node: string, name: string, value: unknown): Promise<SetParamResult> {
    const param = this.node(node).params.get(name);
    if (param === undefined) return { successful: false, reason: `unknown parameter '${name}'` };
    if (param.readOnly) return { successful: false, reason: `parameter '${name}' is read-only` };
    if (typeof value !== param.type)
      return { successful: false, reason: `expected ${param.type}, got ${typeof value}` };
    await Promise.resolve();
    param.value = value;
    param.source = 'runtime';
    return { successful: true, reason: '' };
  }

  paramDump(node?: string): Record<string, { ros__parameters: Record<string, unknown> }> {
    const dump: Record<string, { ros__parameters: Record<string, unknown> }> = {};
    for (const entry of this.paramList(node)) {
      (dump[entry.node] ??= { ros__parameters: {} }).ros__parameters[entry.name] = entry.value;
    }
    return dump;
  }

  topics(includeHidden = false): TopicInfo[] {
    return [...this.topicTypes.keys()]
      .filter((name) => includeHidden || !name.split('/').some((part) => part.startsWith('_')))
      .map((name) => this.topicInfo(name));
  }

  topicInfo(name: string): TopicInfo {
    const type = this.topicTypes.get(name);
    if (type === undefined) throw new OmniError('OMNI_ERR_TOPIC_NOT_FOUND', `no topic named '${name}'`);
    const publisher = { node: '/demo/heartbeat', topic: name, type, kind: 'publisher' as const, qos: QOS_DEFAULT };
    const subscription = { node: '/demo/monitor', topic: name, type, kind: 'subscription' as const, qos: QOS_DEFAULT };
    return {
      name,
      type,
      publishers: [publisher],
      subscriptions: [subscription],
      messageCount: this.seqByTopic.get(name) ?? 0,
      rateHz: 2,
    };
  }

  services(): ServiceInfo[] {
    return [
      {
        name: '/demo/heartbeat/get_state',
        type: 'lifecycle_msgs/srv/GetState',
        servers: ['/demo/heartbeat'],
        clients: [],
      },
    ];
  }

  actions(): ServiceInfo[] {
    return [];
  }

  echo(topic: string, onMessage: (message: EchoedMessage) => void): () => void {
    this.topicInfo(topic);
    const set = this.listeners.get(topic) ?? new Set();
    this.listeners.set(topic, set);
    set.add(onMessage);
    return () => set.delete(onMessage);
  }

  /** Number of echo subscriptions currently open on `topic`. */
  listenerCount(topic: string): number {
    return this.listeners.get(topic)?.size ?? 0;
  }

  /** Delivers `message` to every echo subscriber of `topic`, as the bus would. */
  emit(topic: string, message: unknown, publishTime = { sec: 0, nanosec: 0 }): void {
    const seq = (this.seqByTopic.get(topic) ?? 0) + 1;
    this.seqByTopic.set(topic, seq);
    const type = this.topicTypes.get(topic) ?? 'unknown';
    for (const listener of this.listeners.get(topic) ?? []) {
      listener({ topic, type, seq, publisher: '/demo/heartbeat', publishTime, message });
    }
  }

  publish(topic: string, type: string | undefined, message: unknown): void {
    const known = this.topicTypes.get(topic);
    if (type !== undefined && known !== undefined && type !== known) {
      throw new UserInputError('OMNI_ERR_MESSAGE_TYPE_MISMATCH', `topic ${topic} carries ${known}, not ${type}`);
    }
    if (known === undefined && type !== undefined) this.topicTypes.set(topic, type);
    this.published.push({ topic, type, message });
    this.emit(topic, message);
  }

  async shutdown(): Promise<void> {
    this.shutdownCalls += 1;
    await Promise.resolve();
  }
}

/** A RunningSystem around a {@link FixtureControlApi}, for testing `omnimind launch` and `run` in process. */
export class FixtureSystem implements RunningSystem {
  readonly control: FixtureControlApi;
  readonly done: Promise<void>;
  readonly bus: MessageBus;
  shutdownCalls = 0;
  private resolveDone!: () => void;

  constructor(
    readonly clock: Clock,
    control = new FixtureControlApi(),
  ) {
    this.control = control;
    this.bus = new MessageBus({ clock });
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
    control.shutdown = async () => {
      control.shutdownCalls += 1;
      await this.shutdown();
    };
  }

  async shutdown(): Promise<void> {
    this.shutdownCalls += 1;
    for (const node of this.control.nodesByName.values()) node.state = 'finalized';
    this.resolveDone();
    await this.done;
  }
}

/** A clock whose time only moves when the test calls {@link ManualClock.advanceTo}. */
export class ManualClock implements Clock {
  readonly type = 'sim' as const;
  readonly scheduler = asyncScheduler;
  readonly jumps = new Subject<{ readonly from: Time; readonly to: Time }>();
  private ms = 0;
  private readonly timers = new Set<{ due: number; period: number; callback: () => void; active: boolean }>();

  now(): Time {
    return timeFromMs(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  createTimer(periodMs: number, callback: () => void): Timer {
    return this.add(this.ms + periodMs, periodMs, callback);
  }

  setTimeout(delayMs: number, callback: () => void): Timer {
    return this.add(this.ms + delayMs, 0, callback);
  }

  sleep(delayMs: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(delayMs, resolve));
  }

  /** Moves time forward to `ms`, firing due timers in order. */
  advanceTo(ms: number): void {
    for (;;) {
      const due = [...this.timers].filter((t) => t.active && t.due <= ms).sort((a, b) => a.due - b.due)[0];
      if (due === undefined) break;
      this.ms = due.due;
      if (due.period > 0) due.due += due.period;
      else {
        due.active = false;
        this.timers.delete(due);
      }
      due.callback();
    }
    this.ms = ms;
  }

  private add(due: number, period: number, callback: () => void): Timer {
    const entry = { due, period, callback, active: true };
    this.timers.add(entry);
    return {
      cancel: () => {
        entry.active = false;
        this.timers.delete(entry);
      },
      get active() {
        return entry.active;
      },
    };
  }
}
