import type { Observable } from 'rxjs';
import type {
  ActionTypeMap,
  KnownActionType,
  KnownMessageType,
  KnownServiceType,
  MessageTypeMap,
  ServiceTypeMap,
} from '../messages/message-type-map.js';
import type { QosProfile, QosSettings } from '../qos/qos.js';
import type { Time } from '../time/time.js';

/**
 * What a subscriber receives: the message (passed by reference, never cloned) in a readonly
 * envelope. Subscribers must treat `message` as immutable.
 */
export interface MessageEvent<T> {
  /** Fully qualified topic name, after namespace resolution and remapping. */
  readonly topic: string;
  /** ROS 2 type name, `pkg/msg/Type`. */
  readonly type: string;
  readonly message: T;
  /** Clock time at `publish`. */
  readonly publishTime: Time;
  /** Clock time at delivery (equal to `publishTime` for synchronous delivery). */
  readonly receiveTime: Time;
  /** Per-topic sequence number, starting at 1. */
  readonly seq: number;
  /** Fully qualified name of the publishing node. */
  readonly publisher: string;
}

/** Options when opening a topic handle. A preset name (`'sensor_data'`, `'latched'`, ...) or settings. */
export interface TopicOptions {
  readonly qos?: QosSettings | string;
}

/** A subscription made with {@link Topic.subscribe}; counters are live. */
export interface TopicSubscription {
  unsubscribe(): void;
  readonly closed: boolean;
  readonly qos: QosProfile;
  readonly stats: SubscriptionStats;
}

/** Live counters of one subscription. */
export interface SubscriptionStats {
  readonly received: number;
  /** Dropped because the queue was full under best-effort, or expired by lifespan. */
  readonly dropped: number;
  /** Queue overflows under reliable (each also counted as a `queue_overflow` bus event). */
  readonly overflows: number;
  readonly deadlineMisses: number;
  /** Messages waiting while an async handler is busy (never more than the QoS depth). */
  readonly queued: number;
}

/** Handler for {@link Topic.subscribe}; when it returns a promise, the next message waits in the bounded queue. */
export type MessageHandler<T> = (event: MessageEvent<T>) => void | Promise<void>;

/**
 * A typed handle on one topic, owned by one node. Publishing through it makes the node a
 * publisher of the topic; observing or subscribing makes it a subscriber.
 */
export interface Topic<T> {
  /** Fully qualified, remapped name. */
  readonly name: string;
  readonly type: string;
  /** QoS used for this handle's publisher (and default for its subscriptions). */
  readonly qos: QosProfile;
  /** Publishes by reference, delivering synchronously to idle subscribers. */
  publish(message: T): void;
  /**
   * Makes this handle a publisher now, as ROS 2's `create_publisher` does, so that the graph lists
   * it and its deadline starts counting before the first message. Otherwise a handle becomes a
   * publisher on its first `publish`. Idempotent.
   */
  advertise(): void;
  /** A hot observable of this topic's messages, delivered synchronously. One subscription = one endpoint. */
  observe(qos?: QosSettings | string): Observable<MessageEvent<T>>;
  /**
   * Subscribes a handler with a bounded queue: while an async handler is busy, messages queue up
   * to the QoS depth; beyond that the oldest is dropped (best effort) or an overflow is counted
   * and reported (reliable). Handler errors are reported to the owning node, never thrown to the publisher.
   */
  subscribe(handler: MessageHandler<T>, qos?: QosSettings | string): TopicSubscription;
}

/** A service request's metadata. */
export interface ServiceRequestInfo {
  /** Fully qualified name of the calling node. */
  readonly client: string;
  readonly requestId: number;
  readonly signal: AbortSignal;
}

/** A service server handle. */
export interface ServiceServer {
  readonly name: string;
  readonly type: string;
  close(): void;
}

/** A typed client for one service. */
export interface ServiceClient<Req, Res> {
  readonly name: string;
  readonly type: string;
  /** True when a server is currently providing the service. */
  isReady(): boolean;
  /** Resolves when a server appears; rejects with a timeout error after `timeoutMs` (clock time). */
  waitForService(timeoutMs?: number): Promise<void>;
  /** Calls the service; rejects with `OMNI_ERR_SERVICE_TIMEOUT`, `OMNI_ERR_SERVICE_UNAVAILABLE` or `OMNI_ERR_SERVICE_FAILED`. */
  call(request: Req, options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<Res>;
  close(): void;
}

/** Goal states of the ROS 2 action model (`action_msgs/msg/GoalStatus`). */
export type GoalStatus = 'accepted' | 'executing' | 'canceling' | 'succeeded' | 'canceled' | 'aborted';

/** The server side of one goal, handed to the execute callback. */
export interface ServerGoalHandle<Goal, Feedback> {
  readonly goalId: string;
  readonly goal: Goal;
  readonly status: GoalStatus;
  /** Aborted when the client requested cancellation (and the server accepted it) or the server shuts down. */
  readonly signal: AbortSignal;
  publishFeedback(feedback: Feedback): void;
}

/** What an action server does with goals. */
export interface ActionServerOptions<Goal, Feedback, Result> {
  /** Accept or reject a new goal (default: accept). */
  onGoal?(goal: Goal): boolean | Promise<boolean>;
  /** Accept or reject a cancel request (default: accept). */
  onCancel?(handle: ServerGoalHandle<Goal, Feedback>): boolean | Promise<boolean>;
  /**
   * Runs the goal. Return the result to succeed; throw to abort; when `handle.signal` is aborted,
   * return (or throw) to end as canceled.
   */
  execute(handle: ServerGoalHandle<Goal, Feedback>): Promise<Result>;
}

/** An action server handle. */
export interface ActionServer {
  readonly name: string;
  readonly type: string;
  close(): void;
}

/** The client side of one goal. */
export interface ClientGoalHandle<Feedback, Result> {
  readonly goalId: string;
  readonly status: GoalStatus;
  readonly feedback: Observable<Feedback>;
  /** Settles when the goal ends: resolves with the result on success, rejects with a typed error on abort/cancel. */
  readonly result: Promise<Result>;
  /** Requests cancellation; resolves true when the server accepted the cancel request. */
  cancel(): Promise<boolean>;
}

/** A typed client for one action. */
export interface ActionClient<Goal, Feedback, Result> {
  readonly name: string;
  readonly type: string;
  isReady(): boolean;
  waitForServer(timeoutMs?: number): Promise<void>;
  /** Sends a goal; rejects with `OMNI_ERR_ACTION_GOAL_REJECTED` when the server rejects it. */
  sendGoal(goal: Goal): Promise<ClientGoalHandle<Feedback, Result>>;
  close(): void;
}

/** One publisher or subscription in the graph. */
export interface EndpointInfo {
  readonly node: string;
  readonly topic: string;
  readonly type: string;
  readonly kind: 'publisher' | 'subscription';
  readonly qos: QosProfile;
}

/** A topic as seen by introspection. */
export interface TopicInfo {
  readonly name: string;
  readonly type: string;
  readonly publishers: readonly EndpointInfo[];
  readonly subscriptions: readonly EndpointInfo[];
  /** Messages published since the topic was created. */
  readonly messageCount: number;
  /** Publish rate over the recent window, in Hz of the bus clock (0 when silent). */
  readonly rateHz: number;
}

/** Services and actions as seen by introspection. */
export interface ServiceInfo {
  readonly name: string;
  readonly type: string;
  readonly servers: readonly string[];
  readonly clients: readonly string[];
}

/** Options of graph listings. */
export interface GraphListOptions {
  /**
   * Include hidden names (a token starting with `_`, such as the topics that carry services and
   * actions). Default false, as in `ros2 topic list`.
   */
  readonly includeHidden?: boolean;
}

/** Run-time view of the topic graph. */
export interface BusGraph {
  topics(options?: GraphListOptions): TopicInfo[];
  topic(name: string): TopicInfo | undefined;
  services(options?: GraphListOptions): ServiceInfo[];
  actions(): ServiceInfo[];
  /** Fully qualified names of nodes that own at least one endpoint. */
  nodes(): string[];
}

/** Events the bus reports about endpoints (QoS problems, drops, deadlines, handler errors). */
export type BusEvent =
  | {
      readonly kind: 'qos_incompatible';
      readonly topic: string;
      readonly publisher: string;
      readonly subscriber: string;
      readonly policy: 'reliability' | 'durability' | 'deadline';
      readonly reason: string;
    }
  | {
      readonly kind: 'deadline_missed';
      readonly topic: string;
      readonly node: string;
      readonly totalCount: number;
      /** Which side missed: a subscription that heard nothing, or a publisher that published nothing. */
      readonly endpoint?: 'publisher' | 'subscription';
    }
  | { readonly kind: 'queue_overflow'; readonly topic: string; readonly node: string; readonly totalCount: number }
  | { readonly kind: 'handler_error'; readonly topic: string; readonly node: string; readonly error: unknown };

/**
 * The bus as a node sees it: relative names resolve against the node's namespace and remaps.
 * Obtained from the message bus for a node (`messageBus.forNode(...)`), or from `ctx.bus` in a plugin.
 */
export interface Bus {
  /** Fully qualified name of the owning node. */
  readonly node: string;
  topic<K extends KnownMessageType>(name: string, type: K, options?: TopicOptions): Topic<MessageTypeMap[K]>;
  topic<T>(name: string, type: string, options?: TopicOptions): Topic<T>;
  /** Resolves a topic/service name the way this node's endpoints would. */
  resolveName(name: string, kind?: 'topic' | 'service' | 'action'): string;
  /** Provides a service; typed from the service type name when it is a known one. */
  serviceServer<K extends KnownServiceType>(
    name: string,
    type: K,
    handler: (
      request: ServiceTypeMap[K]['request'],
      info: ServiceRequestInfo,
    ) => ServiceTypeMap[K]['response'] | Promise<ServiceTypeMap[K]['response']>,
  ): ServiceServer;
  serviceServer<Req, Res>(
    name: string,
    type: string,
    handler: (request: Req, info: ServiceRequestInfo) => Res | Promise<Res>,
  ): ServiceServer;
  /** A client of a service; typed from the service type name when it is a known one. */
  serviceClient<K extends KnownServiceType>(
    name: string,
    type: K,
  ): ServiceClient<ServiceTypeMap[K]['request'], ServiceTypeMap[K]['response']>;
  serviceClient<Req, Res>(name: string, type: string): ServiceClient<Req, Res>;
  /** Serves an action; typed from the action type name when it is a known one. */
  actionServer<K extends KnownActionType>(
    name: string,
    type: K,
    options: ActionServerOptions<ActionTypeMap[K]['goal'], ActionTypeMap[K]['feedback'], ActionTypeMap[K]['result']>,
  ): ActionServer;
  actionServer<Goal, Feedback, Result>(
    name: string,
    type: string,
    options: ActionServerOptions<Goal, Feedback, Result>,
  ): ActionServer;
  /** A client of an action; typed from the action type name when it is a known one. */
  actionClient<K extends KnownActionType>(
    name: string,
    type: K,
  ): ActionClient<ActionTypeMap[K]['goal'], ActionTypeMap[K]['feedback'], ActionTypeMap[K]['result']>;
  actionClient<Goal, Feedback, Result>(name: string, type: string): ActionClient<Goal, Feedback, Result>;
  readonly graph: BusGraph;
  /** Bus events concerning this node's endpoints (the root message bus reports all of them). */
  readonly events: Observable<BusEvent>;
  /** Closes every endpoint this node opened; idempotent. */
  dispose(): void;
}
