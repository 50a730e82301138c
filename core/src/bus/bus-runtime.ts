import { Subject } from 'rxjs';
import type { Clock } from '../time/clock.js';
import type { BusEvent } from './bus-types.js';
import { TopicTypeMismatchError } from './bus-errors.js';
import { ServiceRegistry } from './service-registry.js';
import { TopicState } from './topic-state.js';

/** Tunables of a message bus. */
export interface BusLimits {
  /**
   * Hard bound on queues and transient-local histories under `keep_all` history (memory stays
   * bounded even when a user asks to keep everything). Default 10 000 messages.
   */
  readonly keepAllLimit: number;
  /** Window of the topic rate estimate in clock milliseconds. Default 10 000. */
  readonly rateWindowMs: number;
}

/**
 * The shared state behind one message bus: topics, the service/action registry, the clock and
 * the event stream. Node views ({@link Bus}) all point at one runtime.
 */
export class BusRuntime {
  readonly topics = new Map<string, TopicState>();
  readonly services = new ServiceRegistry('service');
  readonly actions = new ServiceRegistry('action');
  readonly eventSubject = new Subject<BusEvent>();
  private nextId = 1;

  constructor(
    readonly clock: Clock,
    readonly limits: BusLimits,
  ) {}

  /** A process-unique positive integer (client ids, request ids). */
  newId(): number {
    return this.nextId++;
  }

  /** Reports a bus event to every listener. */
  emit(event: BusEvent): void {
    this.eventSubject.next(event);
  }

  /** The topic `name`, created with `type` when new; throws when it exists with another type. */
  acquireTopic(name: string, type: string): TopicState {
    let topic = this.topics.get(name);
    if (topic === undefined) {
      topic = new TopicState(this, name, type);
      this.topics.set(name, topic);
    } else if (topic.type !== type) {
      throw new TopicTypeMismatchError('topic', name, topic.type, type);
    }
    topic.handles++;
    return topic;
  }

  /** Drops one handle on `topic`; forgets the topic (and its type) when nothing refers to it. */
  releaseTopic(topic: TopicState): void {
    topic.handles--;
    if (topic.handles <= 0 && topic.publishers.length === 0 && topic.subscriptions.length === 0) {
      this.forgetTopic(topic);
    }
  }

  /** Removes a topic nothing refers to any more, so its name may later carry another type. */
  forgetTopic(topic: TopicState): void {
    if (this.topics.get(topic.name) === topic) this.topics.delete(topic.name);
  }
}
