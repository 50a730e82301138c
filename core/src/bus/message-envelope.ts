import { timeFromMs, type Time } from '../time/time.js';
import type { MessageEvent } from './bus-types.js';

/**
 * The envelope the bus hands to subscribers. The clock is read once per publish as a number of
 * milliseconds; the `builtin_interfaces/Time` objects are built only when a subscriber reads
 * them, because building them costs as much as delivering the message.
 */
export class MessageEnvelope<T> implements MessageEvent<T> {
  #publishTime: Time | undefined;
  #receiveTime: Time | undefined;

  constructor(
    readonly topic: string,
    readonly type: string,
    readonly message: T,
    readonly seq: number,
    readonly publisher: string,
    /** Clock milliseconds at publish. */
    readonly publishMs: number,
    /** Clock milliseconds at delivery (equal to `publishMs` for synchronous delivery). */
    readonly receiveMs: number,
  ) {}

  get publishTime(): Time {
    return (this.#publishTime ??= timeFromMs(this.publishMs));
  }

  get receiveTime(): Time {
    if (this.receiveMs === this.publishMs) return this.publishTime;
    return (this.#receiveTime ??= timeFromMs(this.receiveMs));
  }

  /** The same message re-delivered later (from a queue or a late-joiner replay). */
  redelivered(receiveMs: number): MessageEnvelope<T> {
    return new MessageEnvelope(
      this.topic,
      this.type,
      this.message,
      this.seq,
      this.publisher,
      this.publishMs,
      receiveMs,
    );
  }

  /** Plain-object form, so logging and JSON see the times. */
  toJSON(): MessageEvent<T> {
    return {
      topic: this.topic,
      type: this.type,
      message: this.message,
      publishTime: this.publishTime,
      receiveTime: this.receiveTime,
      seq: this.seq,
      publisher: this.publisher,
    };
  }
}
