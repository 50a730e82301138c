import type { Subscriber } from 'rxjs';
import type { QosProfile } from '../qos/qos.js';
import type { Clock, Timer } from '../time/clock.js';
import { timeFromMs } from '../time/time.js';
import { BoundedQueue } from './bounded-queue.js';
import { MessageEnvelope } from './message-envelope.js';
import type { MessageEvent, MessageHandler, SubscriptionStats, TopicSubscription } from './bus-types.js';
import type { Closable, NodeContext } from './node-context.js';
import type { HistoryItem } from './publisher-endpoint.js';
import type { TopicState } from './topic-state.js';

/** Live counters behind {@link SubscriptionStats}. */
class Counters implements SubscriptionStats {
  received = 0;
  dropped = 0;
  overflows = 0;
  deadlineMisses = 0;
  queued = 0;
}

/** Where a subscription's messages go: an RxJS subscriber (`observe`) or a handler (`subscribe`). */
export type SubscriptionSink<T> =
  { readonly subscriber: Subscriber<MessageEvent<T>> } | { readonly handler: MessageHandler<T> };

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value !== undefined && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

/**
 * One subscription. Observers get every message synchronously. Handlers get it synchronously
 * when idle; while a handler's promise is pending, messages wait in a queue bounded by the QoS
 * depth (or the bus's keep-all limit), dropping the oldest when full.
 */
export class SubscriptionEndpoint<T = unknown> implements TopicSubscription, Closable {
  readonly stats = new Counters();
  closed = false;
  /** Fully qualified name of the owning node. */
  readonly node: string;
  /** How many messages may wait (and how many a late joiner replays). */
  readonly capacity: number;
  private readonly clock: Clock;
  private readonly deadlineMs: number;
  private readonly subscriber: Subscriber<MessageEvent<T>> | undefined;
  private readonly handler: MessageHandler<T> | undefined;
  private queue: BoundedQueue<HistoryItem> | undefined;
  private busy = false;
  private lastArrivalMs: number;
  private deadlineTimer: Timer | undefined;

  constructor(
    readonly topic: TopicState,
    private readonly owner: NodeContext,
    readonly qos: QosProfile,
    sink: SubscriptionSink<T>,
  ) {
    this.node = owner.name;
    this.clock = owner.clock;
    this.deadlineMs = qos.deadlineMs;
    this.capacity = qos.history === 'keep_all' ? owner.runtime.limits.keepAllLimit : qos.depth;
    this.subscriber = 'subscriber' in sink ? sink.subscriber : undefined;
    this.handler = 'handler' in sink ? sink.handler : undefined;
    this.lastArrivalMs = this.clock.nowMs();
    owner.track(this);
    if (qos.deadlineMs > 0) this.armDeadline(this.lastArrivalMs + qos.deadlineMs);
    const replay = topic.addSubscription(this as SubscriptionEndpoint);
    for (const item of replay) this.replay(item.event as MessageEvent<T>, item.publishMs, item.expiresAtMs);
  }

  /** Hot path: called by a publisher for each message, with the envelope it shares with every subscriber. */
  deliver(event: MessageEvent<T>, nowMs: number, expiresAtMs: number): void {
    if (this.closed) return;
    // Timed on this node's clock, which need not be the publisher's (`nowMs` is the publisher's).
    if (this.deadlineMs > 0) this.lastArrivalMs = this.clock.nowMs();
    const subscriber = this.subscriber;
    if (subscriber !== undefined) {
      this.stats.received++;
      try {
        subscriber.next(event);
      } catch (error) {
        this.owner.reportHandlerError(this.topic.name, error);
      }
      return;
    }
    if (this.busy) this.enqueue(event, nowMs, expiresAtMs);
    else this.invoke(event);
  }

  /** Stops receiving; idempotent. */
  unsubscribe(): void {
    this.close();
  }

  /** Closes and completes an observer: the node's bus was disposed. */
  dispose(): void {
    this.close(true);
  }

  /** Disconnects; `complete` also completes an observer. */
  close(complete = false): void {
    if (this.closed) return;
    this.closed = true;
    this.deadlineTimer?.cancel();
    this.queue?.clear();
    this.stats.queued = 0;
    this.topic.removeSubscription(this as SubscriptionEndpoint);
    this.owner.untrack(this);
    if (complete) this.subscriber?.complete();
  }

  /** Delivers a message kept for late joiners: a new envelope carries this delivery's receive time. */
  private replay(event: MessageEvent<T>, publishMs: number, expiresAtMs: number): void {
    const now = this.clock.nowMs();
    if (this.qos.lifespanMs > 0) expiresAtMs = Math.min(expiresAtMs, publishMs + this.qos.lifespanMs);
    if (expiresAtMs <= now) {
      this.stats.dropped++;
      return;
    }
    if (this.subscriber === undefined && this.busy) {
      this.enqueue(event, publishMs, expiresAtMs);
      return;
    }
    const retimed = redeliver(event, now);
    if (this.subscriber === undefined) {
      this.invoke(retimed);
      return;
    }
    this.stats.received++;
    try {
      this.subscriber.next(retimed);
    } catch (error) {
      this.owner.reportHandlerError(this.topic.name, error);
    }
  }

  private invoke(event: MessageEvent<T>): void {
    this.stats.received++;
    let result: unknown;
    try {
      result = this.handler!(event);
    } catch (error) {
      this.owner.reportHandlerError(this.topic.name, error);
      return;
    }
    if (isPromiseLike(result)) {
      this.busy = true;
      result.then(this.settled, this.failed);
    }
  }

  private readonly settled = (): void => {
    this.busy = false;
    this.drain();
  };

  private readonly failed = (error: unknown): void => {
    this.owner.reportHandlerError(this.topic.name, error);
    this.busy = false;
    this.drain();
  };

  private enqueue(event: MessageEvent<T>, publishMs: number, expiresAtMs: number): void {
    if (this.qos.lifespanMs > 0) expiresAtMs = Math.min(expiresAtMs, publishMs + this.qos.lifespanMs);
    this.queue ??= new BoundedQueue<HistoryItem>(this.capacity);
    const evicted = this.queue.push({ event, publishMs, expiresAtMs });
    this.stats.queued = this.queue.length;
    if (evicted === undefined) return;
    if (this.qos.reliability === 'best_effort') {
      this.stats.dropped++;
    } else {
      this.stats.overflows++;
      this.owner.runtime.emit({
        kind: 'queue_overflow',
        topic: this.topic.name,
        node: this.node,
        totalCount: this.stats.overflows,
      });
    }
  }

  private drain(): void {
    const queue = this.queue;
    while (queue !== undefined && !this.busy && !this.closed && queue.length > 0) {
      const item = queue.shift()!;
      this.stats.queued = queue.length;
      const now = this.clock.nowMs();
      if (item.expiresAtMs <= now) {
        this.stats.dropped++;
        continue;
      }
      this.invoke(redeliver(item.event as MessageEvent<T>, now));
    }
  }

  private armDeadline(atMs: number): void {
    this.deadlineTimer = this.clock.setTimeout(Math.max(0, atMs - this.clock.nowMs()), () => this.checkDeadline());
  }

  private checkDeadline(): void {
    if (this.closed) return;
    const now = this.clock.nowMs();
    const deadline = this.qos.deadlineMs;
    if (now - this.lastArrivalMs >= deadline) {
      this.stats.deadlineMisses++;
      this.owner.runtime.emit({
        kind: 'deadline_missed',
        topic: this.topic.name,
        node: this.node,
        totalCount: this.stats.deadlineMisses,
        endpoint: 'subscription',
      });
      this.armDeadline(now + deadline);
    } else {
      this.armDeadline(this.lastArrivalMs + deadline);
    }
  }
}

/** The envelope of a message delivered later than it was published, carrying the new receive time. */
function redeliver<T>(event: MessageEvent<T>, receiveMs: number): MessageEvent<T> {
  return event instanceof MessageEnvelope
    ? event.redelivered(receiveMs)
    : { ...event, receiveTime: timeFromMs(receiveMs) };
}
