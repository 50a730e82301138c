import { Observable } from 'rxjs';
import type { QosProfile, QosSettings } from '../qos/qos.js';
import { resolveQos } from '../qos/qos-resolve.js';
import { BusClosedError } from './bus-errors.js';
import type { MessageEvent, MessageHandler, Topic, TopicSubscription } from './bus-types.js';
import type { NodeContext } from './node-context.js';
import { PublisherEndpoint } from './publisher-endpoint.js';
import { SubscriptionEndpoint } from './subscription-endpoint.js';
import type { TopicState } from './topic-state.js';

/**
 * A node's handle on one topic. The publisher endpoint is created on the first `publish`, so a
 * handle used only to listen never shows up as a publisher.
 */
export class TopicHandle<T> implements Topic<T> {
  readonly name: string;
  readonly type: string;
  private publisher: PublisherEndpoint<T> | undefined;

  constructor(
    private readonly owner: NodeContext,
    private readonly state: TopicState,
    readonly qos: QosProfile,
  ) {
    this.name = state.name;
    this.type = state.type;
  }

  /** Publishes by reference; subscribers that are idle receive it before this returns. */
  publish(message: T): void {
    (this.publisher ?? this.createPublisher()).publish(message);
  }

  /** Creates the publisher endpoint now (see {@link Topic.advertise}). */
  advertise(): void {
    if (this.publisher === undefined) this.createPublisher();
  }

  /**
   * A hot observable of the topic. Each subscription to it is one bus subscription, delivered
   * synchronously on the publisher's call stack (a slow observer slows the publisher down).
   * Completes when the node's bus is disposed.
   */
  observe(qos?: QosSettings | string): Observable<MessageEvent<T>> {
    const profile = qos === undefined ? this.qos : resolveQos(qos, this.qos);
    return new Observable<MessageEvent<T>>((subscriber) => {
      if (this.owner.disposed) {
        subscriber.error(new BusClosedError(`bus of node '${this.owner.name}'`));
        return undefined;
      }
      const endpoint = new SubscriptionEndpoint<T>(this.state, this.owner, profile, { subscriber });
      return () => endpoint.close();
    });
  }

  /** Subscribes a handler with a bounded queue (see {@link Topic.subscribe}). */
  subscribe(handler: MessageHandler<T>, qos?: QosSettings | string): TopicSubscription {
    this.assertOpen();
    const profile = qos === undefined ? this.qos : resolveQos(qos, this.qos);
    return new SubscriptionEndpoint<T>(this.state, this.owner, profile, { handler });
  }

  /** Closes the publisher endpoint, if any; the handle can publish again (as a new publisher). */
  closePublisher(): void {
    this.publisher?.close();
    this.publisher = undefined;
  }

  /** Closes the publisher and gives the topic reference back (the handle must not be used after). */
  release(): void {
    this.closePublisher();
    this.owner.releaseTopic(this.state);
  }

  private createPublisher(): PublisherEndpoint<T> {
    this.assertOpen();
    this.publisher = new PublisherEndpoint<T>(this.state, this.owner, this.qos);
    return this.publisher;
  }

  private assertOpen(): void {
    if (this.owner.disposed) throw new BusClosedError(`bus of node '${this.owner.name}'`);
  }
}
