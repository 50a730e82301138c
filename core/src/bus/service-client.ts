import type { Subscription } from 'rxjs';
import { QOS_SERVICES } from '../qos/qos.js';
import { AbortedError } from '../time/clock-errors.js';
import type { Timer } from '../time/clock.js';
import type { ServiceClient } from './bus-types.js';
import { BusClosedError, ServiceFailedError, ServiceTimeoutError, ServiceUnavailableError } from './bus-errors.js';
import { serviceTopicNames } from './hidden-names.js';
import type { Closable, NodeContext } from './node-context.js';
import type { NodeBus } from './node-bus.js';
import { serviceReplyType, serviceRequestType } from './service-wire.js';
import type { ServiceReplyMessage, ServiceRequestMessage } from './service-wire.js';
import type { TopicHandle } from './topic-handle.js';

interface PendingCall<Res> {
  resolve(response: Res): void;
  reject(error: unknown): void;
  cleanup(): void;
}

/**
 * A service client: publishes requests on the hidden request topic and matches replies by its
 * client id and the request id. Timeouts run on the bus clock.
 */
export class ServiceClientEndpoint<Req, Res> implements ServiceClient<Req, Res>, Closable {
  readonly disposeFirst = true;
  readonly node: string;
  private closed = false;
  private readonly clientId: number;
  private nextRequestId = 1;
  private readonly requests: TopicHandle<ServiceRequestMessage<Req>>;
  private readonly replies: TopicHandle<ServiceReplyMessage<Res>>;
  private readonly listening: Subscription;
  private readonly pending = new Map<number, PendingCall<Res>>();
  private readonly waiters = new Set<{ resolve(): void; reject(error: unknown): void }>();

  constructor(
    bus: NodeBus,
    private readonly owner: NodeContext,
    readonly name: string,
    readonly type: string,
  ) {
    this.node = owner.name;
    this.clientId = owner.runtime.newId();
    owner.runtime.services.addClient(name, type, this);
    const topics = serviceTopicNames(name);
    try {
      this.requests = bus.openTopic(topics.request, serviceRequestType(type), { qos: QOS_SERVICES });
      this.replies = bus.openTopic(topics.reply, serviceReplyType(type), { qos: QOS_SERVICES });
    } catch (error) {
      owner.runtime.services.removeClient(name, this);
      throw error;
    }
    this.listening = this.replies.observe().subscribe((event) => this.onReply(event.message));
    owner.track(this);
  }

  /** True when a server provides the service now. */
  isReady(): boolean {
    return !this.closed && this.owner.runtime.services.hasServer(this.name);
  }

  /** Resolves when a server is there; rejects with `OMNI_ERR_SERVICE_TIMEOUT` after `timeoutMs` of clock time. */
  waitForService(timeoutMs?: number): Promise<void> {
    if (this.closed) return Promise.reject(new BusClosedError(`service client '${this.name}'`));
    if (this.isReady()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      let timer: Timer | undefined;
      const waiter = {
        resolve: () => {
          timer?.cancel();
          this.waiters.delete(waiter);
          resolve();
        },
        reject: (error: unknown) => {
          timer?.cancel();
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      this.waiters.add(waiter);
      if (timeoutMs !== undefined) {
        timer = this.owner.clock.setTimeout(timeoutMs, () =>
          waiter.reject(new ServiceTimeoutError(this.name, timeoutMs, 'wait for service')),
        );
      }
    });
  }

  /**
   * Calls the service. Rejects with `OMNI_ERR_SERVICE_UNAVAILABLE` when no server is there (or it
   * goes away), `OMNI_ERR_SERVICE_TIMEOUT` after `timeoutMs` of clock time, `OMNI_ERR_SERVICE_FAILED`
   * when the handler failed, `OMNI_ERR_ABORTED` when `signal` aborts.
   */
  call(request: Req, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Res> {
    if (this.closed) return Promise.reject(new BusClosedError(`service client '${this.name}'`));
    if (!this.isReady()) return Promise.reject(new ServiceUnavailableError(this.name));
    const { timeoutMs, signal } = options;
    if (signal?.aborted) return Promise.reject(new AbortedError(`call to '${this.name}'`, signal.reason));
    const requestId = this.nextRequestId++;
    const promise = new Promise<Res>((resolve, reject) => {
      let timer: Timer | undefined;
      const onAbort = (): void => this.giveUp(requestId, new AbortedError(`call to '${this.name}'`, signal?.reason));
      this.pending.set(requestId, {
        resolve,
        reject,
        cleanup: () => {
          timer?.cancel();
          signal?.removeEventListener('abort', onAbort);
        },
      });
      if (timeoutMs !== undefined) {
        timer = this.owner.clock.setTimeout(timeoutMs, () =>
          this.giveUp(requestId, new ServiceTimeoutError(this.name, timeoutMs)),
        );
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    // Registered before publishing: a synchronous server replies before `publish` returns.
    this.requests.publish({ client: this.node, clientId: this.clientId, requestId, request });
    return promise;
  }

  /** Stops the client; pending calls reject with `OMNI_ERR_BUS_CLOSED`. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const error = new BusClosedError(`service client '${this.name}'`);
    for (const id of [...this.pending.keys()]) this.giveUp(id, error);
    for (const waiter of [...this.waiters]) waiter.reject(error);
    this.listening.unsubscribe();
    this.owner.runtime.services.removeClient(this.name, this);
    this.requests.release();
    this.replies.release();
    this.owner.untrack(this);
  }

  /** @internal Registry callback: the server appeared or went away. */
  serverChanged(available: boolean): void {
    if (available) {
      for (const waiter of [...this.waiters]) waiter.resolve();
      return;
    }
    for (const id of [...this.pending.keys()]) {
      this.settle(id, (call) => call.reject(new ServiceUnavailableError(this.name, 'the server went away')));
    }
  }

  private onReply(reply: ServiceReplyMessage<Res>): void {
    if (reply.clientId !== this.clientId) return;
    this.settle(reply.requestId, (call) => {
      if (reply.ok) call.resolve(reply.response as Res);
      else call.reject(new ServiceFailedError(this.name, reply.error));
    });
  }

  /** Rejects a pending call and tells the server to stop working on it. */
  private giveUp(requestId: number, error: unknown): void {
    if (!this.settle(requestId, (call) => call.reject(error))) return;
    if (!this.closed || this.owner.runtime.services.hasServer(this.name)) {
      this.requests.publish({ client: this.node, clientId: this.clientId, requestId, cancel: true });
    }
  }

  private settle(requestId: number, action: (call: PendingCall<Res>) => void): boolean {
    const call = this.pending.get(requestId);
    if (call === undefined) return false;
    this.pending.delete(requestId);
    call.cleanup();
    action(call);
    return true;
  }
}
