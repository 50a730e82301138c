import type { Clock } from '../time/clock.js';
import type { BusRuntime } from './bus-runtime.js';
import type { TopicState } from './topic-state.js';

/** Something a node owns and closes when it is disposed. */
export interface Closable {
  close(): void;
  /** Used instead of `close` when the node is disposed (observers complete). */
  dispose?(): void;
  /** Closed before the node's other endpoints (servers and clients that still need their topics). */
  readonly disposeFirst?: boolean;
}

/** What endpoints need to know about the node that owns them. */
export interface NodeContext {
  /** Fully qualified node name. */
  readonly name: string;
  readonly runtime: BusRuntime;
  /** The node's clock: stamps, deadlines, lifespans and timeouts of its endpoints. */
  readonly clock: Clock;
  /** True once the node's bus was disposed. */
  readonly disposed: boolean;
  /** Hands a subscriber's error to the node's error callback and the `handler_error` event. */
  reportHandlerError(topic: string, error: unknown): void;
  /** Records an endpoint to close on dispose. */
  track(endpoint: Closable): void;
  /** Forgets an endpoint that closed itself. */
  untrack(endpoint: Closable): void;
  /** Gives back a topic reference taken when a handle was opened. */
  releaseTopic(topic: TopicState): void;
}
