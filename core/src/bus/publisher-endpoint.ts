import type { QosProfile } from '../qos/qos.js';
import type { Clock, Timer } from '../time/clock.js';
import { BoundedQueue } from './bounded-queue.js';
import { BusClosedError } from './bus-errors.js';
import { MessageEnvelope } from './message-envelope.js';
import type { MessageEvent } from './bus-types.js';
import type { Closable, NodeContext } from './node-context.js';
import type { SubscriptionEndpoint } from './subscription-endpoint.js';
import type { TopicState } from './topic-state.js';

/** A message kept for late joiners or waiting in a queue, with the clock time it expires at. */
export interface HistoryItem {
  readonly event: MessageEvent<unknown>;
  readonly publishMs: number;
  /** `Infinity` when no lifespan applies. */
  readonly expiresAtMs: number;
}

/**
 * One publisher: stamps each message once, then hands the same envelope to every matched
 * subscription in turn. Keeps the last messages for late joiners when transient-local.
 */
export class PublisherEndpoint<T = unknown> implements Closable {
  /** Subscriptions this publisher feeds (maintained by the topic). */
  targets: SubscriptionEndpoint[] = [];
  closed = false;
  /** Fully qualified name of the owning node. */
  readonly node: string;
  private readonly clock: Clock;
  private readonly lifespanMs: number;
  private readonly history: BoundedQueue<HistoryItem> | undefined;
  private lastPublishMs: number;
  private deadlineTimer: Timer | undefined;
  private deadlineMisses = 0;

  constructor(
    readonly topic: TopicState,
    private readonly owner: NodeContext,
    readonly qos: QosProfile,
  ) {
    this.node = owner.name;
    this.clock = owner.clock;
    this.lifespanMs = qos.lifespanMs;
    const capacity = qos.history === 'keep_all' ? owner.runtime.limits.keepAllLimit : qos.depth;
    this.history = qos.durability === 'transient_local' ? new BoundedQueue(capacity) : undefined;
    this.lastPublishMs = this.clock.nowMs();
    topic.addPublisher(this);
    owner.track(this);
    if (qos.deadlineMs > 0) this.armDeadline(this.lastPublishMs + qos.deadlineMs);
  }

  /** Number of deadline periods this publisher let pass without publishing. */
  get deadlineMissCount(): number {
    return this.deadlineMisses;
  }

  /** Stamps `message` and delivers it, by reference, to every matched subscription. */
  publish(message: T): void {
    if (this.closed) throw new BusClosedError(`publisher of '${this.topic.name}' (node '${this.node}')`);
    const topic = this.topic;
    const nowMs = this.clock.nowMs();
    const event = new MessageEnvelope(topic.name, topic.type, message, ++topic.seq, this.node, nowMs, nowMs);
    topic.rate.record(nowMs);
    topic.rateClock = this.clock;
    this.lastPublishMs = nowMs;
    const expiresAtMs = this.lifespanMs > 0 ? nowMs + this.lifespanMs : Infinity;
    if (this.history !== undefined) this.history.push({ event, publishMs: nowMs, expiresAtMs });
    const targets = this.targets;
    for (let i = 0; i < targets.length; i++) targets[i]!.deliver(event, nowMs, expiresAtMs);
  }

  /** The kept messages that have not expired, oldest first. */
  historyItems(): HistoryItem[] {
    if (this.history === undefined) return [];
    const now = this.clock.nowMs();
    return this.history.toArray().filter((item) => item.expiresAtMs > now);
  }

  /** Disconnects from the topic; idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.deadlineTimer?.cancel();
    this.history?.clear();
    this.topic.removePublisher(this);
    this.owner.untrack(this);
  }

  private armDeadline(atMs: number): void {
    this.deadlineTimer = this.clock.setTimeout(Math.max(0, atMs - this.clock.nowMs()), () => this.checkDeadline());
  }

  private checkDeadline(): void {
    if (this.closed) return;
    const now = this.clock.nowMs();
    const deadline = this.qos.deadlineMs;
    if (now - this.lastPublishMs >= deadline) {
      this.deadlineMisses++;
      this.owner.runtime.emit({
        kind: 'deadline_missed',
        topic: this.topic.name,
        node: this.node,
        totalCount: this.deadlineMisses,
        endpoint: 'publisher',
      });
      this.armDeadline(now + deadline);
    } else {
      this.armDeadline(this.lastPublishMs + deadline);
    }
  }
}
