import { filter } from 'rxjs';
import type { Observable } from 'rxjs';
import { resolveQos } from '../qos/qos-resolve.js';
import {
  normalizeNamespace,
  nodeFullyQualifiedName,
  resolveTopicName,
  validateNodeName,
} from '../names/topic-names.js';
import type { RemapRule } from '../names/topic-names.js';
import type { Clock } from '../time/clock.js';
import { ActionClientEndpoint } from './action-client.js';
import { ActionServerEndpoint } from './action-server.js';
import { BusClosedError } from './bus-errors.js';
import type { BusRuntime } from './bus-runtime.js';
import type {
  ActionClient,
  ActionServer,
  ActionServerOptions,
  Bus,
  BusEvent,
  BusGraph,
  ServiceClient,
  ServiceRequestInfo,
  ServiceServer,
  Topic,
  TopicOptions,
} from './bus-types.js';
import type { Closable, NodeContext } from './node-context.js';
import { ServiceClientEndpoint } from './service-client.js';
import { ServiceServerEndpoint } from './service-server.js';
import { TopicHandle } from './topic-handle.js';
import type { TopicState } from './topic-state.js';

/** Where a subscriber's error happened, as given to {@link NodeBusOptions.onHandlerError}. */
export interface HandlerErrorContext {
  /** Fully qualified topic name. */
  readonly topic: string;
  /** Fully qualified name of the node whose handler failed. */
  readonly node: string;
}

/** How a node joins the bus. */
export interface NodeBusOptions {
  /** Base name of the node (letters, digits, `_`). */
  readonly name: string;
  /** Namespace the node's relative names resolve in (default `/`). */
  readonly namespace?: string;
  /** Remapping rules applied to every name the node resolves (`from:=to`, first match wins). */
  readonly remaps?: readonly RemapRule[];
  /**
   * The node's clock (default: the message bus clock). It stamps what the node publishes and times
   * its deadlines, lifespans and call timeouts; a node with `use_sim_time` passes its simulation clock.
   * Nodes that talk over one topic should share a time source.
   */
  readonly clock?: Clock;
  /**
   * Receives errors thrown (or rejected) by this node's message handlers. They never reach the
   * publisher; each is also reported as a `handler_error` bus event.
   */
  readonly onHandlerError?: (error: unknown, context: HandlerErrorContext) => void;
}

function concerns(event: BusEvent, node: string): boolean {
  return event.kind === 'qos_incompatible'
    ? event.publisher === node || event.subscriber === node
    : event.node === node;
}

/** A node's view of the bus: resolves names for the node and closes everything it opened on dispose. */
export class NodeBus implements Bus {
  readonly node: string;
  readonly events: Observable<BusEvent>;
  private readonly namespace: string;
  private readonly baseName: string;
  private readonly remaps: readonly RemapRule[];
  private readonly context: NodeScope;

  constructor(
    private readonly runtime: BusRuntime,
    readonly graph: BusGraph,
    options: NodeBusOptions,
    private readonly onDisposed?: (node: NodeBus) => void,
  ) {
    validateNodeName(options.name);
    this.namespace = normalizeNamespace(options.namespace);
    this.baseName = options.name;
    this.remaps = options.remaps ?? [];
    this.node = nodeFullyQualifiedName(this.namespace, this.baseName);
    this.context = new NodeScope(this.node, runtime, options.clock ?? runtime.clock, options.onHandlerError);
    const node = this.node;
    this.events = runtime.eventSubject.pipe(filter((event) => concerns(event, node)));
  }

  /** True once {@link dispose} ran. */
  get disposed(): boolean {
    return this.context.disposed;
  }

  /** Opens a typed handle on a topic (the name is resolved for this node). */
  topic<T>(name: string, type: string, options: TopicOptions = {}): Topic<T> {
    return this.openTopic<T>(name, type, options);
  }

  /** @internal Like {@link topic}, returning the concrete handle (services and actions use it). */
  openTopic<T>(name: string, type: string, options: TopicOptions = {}): TopicHandle<T> {
    this.assertOpen();
    const qos = resolveQos(options.qos);
    const state = this.runtime.acquireTopic(this.resolveName(name, 'topic'), type);
    this.context.holdTopic(state);
    return new TopicHandle<T>(this.context, state, qos);
  }

  /** Resolves `name` as this node's endpoints would (namespace, `~`, remaps). */
  resolveName(name: string, kind: 'topic' | 'service' | 'action' = 'topic'): string {
    return resolveTopicName(name, this.namespace, this.baseName, this.remaps, kind);
  }

  /** Serves a service; a second server for the same name fails with `OMNI_ERR_SERVICE_DUPLICATE`. */
  serviceServer<Req, Res>(
    name: string,
    type: string,
    handler: (request: Req, info: ServiceRequestInfo) => Res | Promise<Res>,
  ): ServiceServer {
    this.assertOpen();
    return new ServiceServerEndpoint<Req, Res>(this, this.context, this.resolveName(name, 'service'), type, handler);
  }

  /** A client of a service. */
  serviceClient<Req, Res>(name: string, type: string): ServiceClient<Req, Res> {
    this.assertOpen();
    return new ServiceClientEndpoint<Req, Res>(this, this.context, this.resolveName(name, 'service'), type);
  }

  /** Serves an action (ROS 2 action model over hidden services and topics). */
  actionServer<Goal, Feedback, Result>(
    name: string,
    type: string,
    options: ActionServerOptions<Goal, Feedback, Result>,
  ): ActionServer {
    this.assertOpen();
    return new ActionServerEndpoint<Goal, Feedback, Result>(
      this,
      this.context,
      this.resolveName(name, 'action'),
      type,
      options,
    );
  }

  /** A client of an action. */
  actionClient<Goal, Feedback, Result>(name: string, type: string): ActionClient<Goal, Feedback, Result> {
    this.assertOpen();
    return new ActionClientEndpoint<Goal, Feedback, Result>(this, this.context, this.resolveName(name, 'action'), type);
  }

  /** Closes every endpoint of this node (observers complete); idempotent. */
  dispose(): void {
    if (this.context.disposed) return;
    this.context.dispose();
    this.onDisposed?.(this);
  }

  private assertOpen(): void {
    if (this.context.disposed) throw new BusClosedError(`bus of node '${this.node}'`);
  }
}

/** The node-side bookkeeping endpoints talk to. */
class NodeScope implements NodeContext {
  disposed = false;
  private disposing = false;
  private readonly endpoints = new Set<Closable>();
  private readonly heldTopics: TopicState[] = [];

  constructor(
    readonly name: string,
    readonly runtime: BusRuntime,
    readonly clock: Clock,
    private readonly onHandlerError: NodeBusOptions['onHandlerError'],
  ) {}

  holdTopic(topic: TopicState): void {
    this.heldTopics.push(topic);
  }

  releaseTopic(topic: TopicState): void {
    const i = this.heldTopics.indexOf(topic);
    if (i < 0) return;
    this.heldTopics.splice(i, 1);
    this.runtime.releaseTopic(topic);
  }

  reportHandlerError(topic: string, error: unknown): void {
    try {
      this.onHandlerError?.(error, { topic, node: this.name });
    } catch {
      // An error callback that fails must not break delivery; the event below still reports it.
    }
    this.runtime.emit({ kind: 'handler_error', topic, node: this.name, error });
  }

  track(endpoint: Closable): void {
    this.endpoints.add(endpoint);
  }

  untrack(endpoint: Closable): void {
    this.endpoints.delete(endpoint);
  }

  dispose(): void {
    if (this.disposed || this.disposing) return;
    // Servers and clients go first, while the node can still publish: an action server announces
    // its aborted goals on its status topic.
    this.disposing = true;
    for (const endpoint of [...this.endpoints]) if (endpoint.disposeFirst) endpoint.close();
    this.disposed = true;
    for (const endpoint of [...this.endpoints]) {
      if (endpoint.dispose) endpoint.dispose();
      else endpoint.close();
    }
    this.endpoints.clear();
    for (const topic of this.heldTopics) this.runtime.releaseTopic(topic);
    this.heldTopics.length = 0;
  }
}
