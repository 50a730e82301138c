import type { QosProfile } from '../qos/qos.js';
import type { TopicInfo, ServiceInfo } from '../bus/bus-types.js';

/** ROS 2 managed-node primary and transition states. */
export type LifecycleStateLabel =
  | 'unconfigured'
  | 'inactive'
  | 'active'
  | 'finalized'
  | 'configuring'
  | 'cleaningup'
  | 'activating'
  | 'deactivating'
  | 'shuttingdown'
  | 'errorprocessing';

/** Transitions a user may request (`omnimind lifecycle set <node> <transition>`). */
export type LifecycleTransitionLabel = 'configure' | 'activate' | 'deactivate' | 'cleanup' | 'shutdown';

/** One running plugin instance as the control endpoint reports it. */
export interface NodeSummary {
  /** Fully qualified node name, e.g. `/demo/heartbeat`. */
  readonly name: string;
  readonly pkg: string;
  readonly plugin: string;
  readonly version: string;
  readonly state: LifecycleStateLabel;
  readonly restarts: number;
  readonly errors: number;
  /** Message of the last error, if any. */
  readonly lastError?: string;
}

/** A parameter as listed by the control endpoint. */
export interface ParamEntry {
  readonly node: string;
  readonly name: string;
  readonly value: unknown;
  /** JSON-schema-ish type from the plugin's zod schema (`number`, `string`, `boolean`, `array`, `object`, ...). */
  readonly type: string;
  readonly description?: string;
  /** Where the current value came from: `default`, `file:<path>:<line>:<col>`, `launch`, `cli`, `runtime`. */
  readonly source: string;
  readonly readOnly: boolean;
}

/** Result of a runtime parameter change. */
export interface SetParamResult {
  readonly successful: boolean;
  readonly reason: string;
}

/** A plugin definition known to the running system. */
export interface PluginSummary {
  readonly pkg: string;
  readonly name: string;
  readonly version: string;
  readonly coreRange: string;
  readonly description: string;
  readonly provides: readonly string[];
  readonly dependsOn: readonly string[];
  readonly instances: readonly string[];
}

/** A message as streamed by `topic echo`. */
export interface EchoedMessage {
  readonly topic: string;
  readonly type: string;
  readonly seq: number;
  readonly publisher: string;
  readonly publishTime: { sec: number; nanosec: number };
  /** The message as JSON-safe data (bigint as string, typed arrays as arrays). */
  readonly message: unknown;
}

/** Details of one topic for `topic info`. */
export interface TopicDetails extends TopicInfo {
  readonly publisherQos: readonly QosProfile[];
}

/**
 * What a running OmniMind process exposes to the CLI over its local control endpoint.
 * The runtime implements it; the control server serves it; the control client calls it.
 */
export interface ControlApi {
  /** Launch file, pid and start time of the running system. */
  info(): { pid: number; launchFile: string | undefined; startedAt: string; coreVersion: string };
  nodes(): NodeSummary[];
  plugins(): PluginSummary[];
  lifecycleGet(node: string): LifecycleStateLabel;
  /** Requests a transition; resolves with the state reached. */
  lifecycleSet(node: string, transition: LifecycleTransitionLabel): Promise<LifecycleStateLabel>;
  paramList(node?: string): ParamEntry[];
  paramGet(node: string, name: string): ParamEntry;
  paramSet(node: string, name: string, value: unknown): Promise<SetParamResult>;
  /** All parameters of a node (or all nodes) in ROS 2 param-file shape: `{ '/ns/node': { ros__parameters: {...} } }`. */
  paramDump(node?: string): Record<string, { ros__parameters: Record<string, unknown> }>;
  topics(includeHidden?: boolean): TopicInfo[];
  topicInfo(name: string): TopicInfo;
  services(): ServiceInfo[];
  actions(): ServiceInfo[];
  /** Streams messages of a topic to `onMessage` until the returned function is called. */
  echo(topic: string, onMessage: (message: EchoedMessage) => void): () => void;
  /** Publishes a message given as plain data (filled over the type's defaults and validated). */
  publish(topic: string, type: string | undefined, message: unknown): void;
  /** Starts an orderly shutdown of the running system. */
  shutdown(): Promise<void>;
}
