import type { Subscription } from 'rxjs';
import { QOS_SERVICES } from '../qos/qos.js';
import type { ServiceRequestInfo, ServiceServer } from './bus-types.js';
import { BusClosedError } from './bus-errors.js';
import { serviceTopicNames } from './hidden-names.js';
import type { Closable, NodeContext } from './node-context.js';
import type { NodeBus } from './node-bus.js';
import { isPromiseLike, serviceReplyType, serviceRequestType } from './service-wire.js';
import type { ServiceReplyMessage, ServiceRequestMessage } from './service-wire.js';
import type { TopicHandle } from './topic-handle.js';

/**
 * A service server: listens on the service's hidden request topic and answers on its reply topic.
 * Requests are handled concurrently (an async handler does not hold up the next request); each
 * gets an `AbortSignal` that aborts when the client gives up or the server closes.
 */
export class ServiceServerEndpoint<Req, Res> implements ServiceServer, Closable {
  readonly disposeFirst = true;
  readonly node: string;
  private closed = false;
  private readonly requests: TopicHandle<ServiceRequestMessage<Req>>;
  private readonly replies: TopicHandle<ServiceReplyMessage<Res>>;
  private readonly listening: Subscription;
  private readonly inFlight = new Map<string, AbortController>();

  constructor(
    bus: NodeBus,
    private readonly owner: NodeContext,
    readonly name: string,
    readonly type: string,
    private readonly handler: (request: Req, info: ServiceRequestInfo) => Res | Promise<Res>,
  ) {
    this.node = owner.name;
    const topics = serviceTopicNames(name);
    owner.runtime.services.addServer(name, type, this);
    try {
      this.requests = bus.openTopic(topics.request, serviceRequestType(type), { qos: QOS_SERVICES });
      this.replies = bus.openTopic(topics.reply, serviceReplyType(type), { qos: QOS_SERVICES });
    } catch (error) {
      owner.runtime.services.removeServer(name, this);
      throw error;
    }
    this.listening = this.requests.observe().subscribe((event) => this.onRequest(event.message));
    owner.track(this);
  }

  /** Stops serving: in-flight handlers see their signal abort, waiting clients get `OMNI_ERR_SERVICE_UNAVAILABLE`. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const controller of this.inFlight.values()) {
      controller.abort(new BusClosedError(`service server '${this.name}'`));
    }
    this.inFlight.clear();
    this.listening.unsubscribe();
    this.owner.runtime.services.removeServer(this.name, this);
    this.requests.release();
    this.replies.release();
    this.owner.untrack(this);
  }

  private onRequest(message: ServiceRequestMessage<Req>): void {
    const key = `${message.clientId}:${message.requestId}`;
    if (message.cancel) {
      this.inFlight.get(key)?.abort(new Error('the client gave up on the request'));
      this.inFlight.delete(key);
      return;
    }
    const controller = new AbortController();
    this.inFlight.set(key, controller);
    const info: ServiceRequestInfo = {
      client: message.client,
      requestId: message.requestId,
      signal: controller.signal,
    };
    let result: Res | Promise<Res>;
    try {
      result = this.handler(message.request as Req, info);
    } catch (error) {
      this.reply(key, message, { ok: false, error });
      return;
    }
    if (isPromiseLike(result)) {
      Promise.resolve(result).then(
        (response) => this.reply(key, message, { ok: true, response }),
        (error: unknown) => this.reply(key, message, { ok: false, error }),
      );
    } else {
      this.reply(key, message, { ok: true, response: result });
    }
  }

  private reply(
    key: string,
    request: ServiceRequestMessage<Req>,
    outcome: { ok: boolean; response?: Res; error?: unknown },
  ): void {
    const controller = this.inFlight.get(key);
    // A request the client gave up on (or that outlived the server) gets no reply.
    if (this.closed || controller === undefined || controller.signal.aborted) return;
    this.inFlight.delete(key);
    this.replies.publish({ clientId: request.clientId, requestId: request.requestId, ...outcome });
  }
}
