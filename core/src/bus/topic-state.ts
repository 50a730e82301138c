import { checkQosCompatibility } from '../qos/qos-compatibility.js';
import type { Clock } from '../time/clock.js';
import type { BusRuntime } from './bus-runtime.js';
import type { PublisherEndpoint, HistoryItem } from './publisher-endpoint.js';
import { RateMeter } from './rate-meter.js';
import type { SubscriptionEndpoint } from './subscription-endpoint.js';

/**
 * One topic of the bus: its type, endpoints, sequence counter and rate. Keeps, for each publisher,
 * the array of subscriptions it feeds, rebuilt whenever an endpoint comes or goes so that
 * publishing never filters.
 */
export class TopicState {
  readonly publishers: PublisherEndpoint[] = [];
  readonly subscriptions: SubscriptionEndpoint[] = [];
  /** Last sequence number handed out (messages published so far). */
  seq = 0;
  /** Topic handles referring to this topic. */
  handles = 0;
  readonly rate: RateMeter;
  /** The clock of the last publisher: the rate is read on the time base it was recorded in. */
  rateClock: Clock;

  constructor(
    readonly runtime: BusRuntime,
    readonly name: string,
    readonly type: string,
  ) {
    this.rate = new RateMeter(runtime.limits.rateWindowMs);
    this.rateClock = runtime.clock;
  }

  /** Connects a new publisher to every compatible subscription; reports the incompatible ones. */
  addPublisher(publisher: PublisherEndpoint): void {
    this.publishers.push(publisher);
    for (const subscription of this.subscriptions) this.reportIncompatibility(publisher, subscription);
    this.rematch();
  }

  /**
   * Connects a new subscription, reports incompatible publishers, and returns what a
   * transient-local subscription should replay (oldest first, at most its queue capacity).
   */
  addSubscription(subscription: SubscriptionEndpoint): HistoryItem[] {
    this.subscriptions.push(subscription);
    const replay: HistoryItem[] = [];
    for (const publisher of this.publishers) {
      const compatible = this.reportIncompatibility(publisher, subscription);
      if (compatible && subscription.qos.durability === 'transient_local') replay.push(...publisher.historyItems());
    }
    this.rematch();
    if (replay.length === 0) return replay;
    replay.sort((a, b) => a.event.seq - b.event.seq);
    return replay.slice(Math.max(0, replay.length - subscription.capacity));
  }

  /** Disconnects a publisher. */
  removePublisher(publisher: PublisherEndpoint): void {
    const i = this.publishers.indexOf(publisher);
    if (i >= 0) this.publishers.splice(i, 1);
    publisher.targets = [];
    this.rematch();
    this.forgetIfUnused();
  }

  /** Disconnects a subscription. */
  removeSubscription(subscription: SubscriptionEndpoint): void {
    const i = this.subscriptions.indexOf(subscription);
    if (i >= 0) this.subscriptions.splice(i, 1);
    this.rematch();
    this.forgetIfUnused();
  }

  private forgetIfUnused(): void {
    if (this.handles <= 0 && this.publishers.length === 0 && this.subscriptions.length === 0) {
      this.runtime.forgetTopic(this);
    }
  }

  /** Rebuilds every publisher's target array (copy-on-write: a delivery loop in progress keeps its array). */
  private rematch(): void {
    for (const publisher of this.publishers) {
      publisher.targets = this.subscriptions.filter((s) => checkQosCompatibility(publisher.qos, s.qos).length === 0);
    }
  }

  private reportIncompatibility(publisher: PublisherEndpoint, subscription: SubscriptionEndpoint): boolean {
    const problems = checkQosCompatibility(publisher.qos, subscription.qos);
    for (const problem of problems) {
      this.runtime.emit({
        kind: 'qos_incompatible',
        topic: this.name,
        publisher: publisher.node,
        subscriber: subscription.node,
        policy: problem.policy,
        reason: problem.reason,
      });
    }
    return problems.length === 0;
  }
}
