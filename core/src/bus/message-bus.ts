import type { Observable } from 'rxjs';
import type { Clock } from '../time/clock.js';
import { SystemClock } from '../time/system-clock.js';
import type { Bus, BusEvent, BusGraph } from './bus-types.js';
import { RuntimeGraph } from './bus-graph.js';
import { BusRuntime } from './bus-runtime.js';
import { NodeBus } from './node-bus.js';
import type { NodeBusOptions } from './node-bus.js';

/** Options of a {@link MessageBus}. */
export interface MessageBusOptions {
  /**
   * The clock that stamps messages and drives deadlines, lifespans and call timeouts
   * (default: a {@link SystemClock}). Use a simulation clock for `use_sim_time`, a manual one in tests.
   */
  readonly clock?: Clock;
  /** Hard bound on `keep_all` queues and histories, in messages (default 10 000). */
  readonly keepAllLimit?: number;
  /** Window of the topic rate estimate in clock milliseconds (default 10 000). */
  readonly rateWindowMs?: number;
}

/**
 * The in-process message bus: one per process (or per simulated domain). Nodes join it with
 * {@link forNode} and get a {@link Bus} that resolves names for them; the root exposes the whole
 * graph and every bus event.
 *
 * @example
 * ```ts
 * const messageBus = new MessageBus();
 * const talker = messageBus.forNode({ name: 'talker' });
 * const listener = messageBus.forNode({ name: 'listener' });
 * listener.topic<{ data: string }>('chatter', 'std_msgs/msg/String').subscribe((e) => console.log(e.message.data));
 * talker.topic<{ data: string }>('chatter', 'std_msgs/msg/String').publish({ data: 'hello' });
 * ```
 */
export class MessageBus {
  /** The bus clock. */
  readonly clock: Clock;
  /** The whole topic/service/action graph. */
  readonly graph: BusGraph;
  /** Every bus event (QoS incompatibilities, deadline misses, queue overflows, handler errors). */
  readonly events: Observable<BusEvent>;
  private readonly runtime: BusRuntime;
  private readonly nodes = new Set<NodeBus>();

  constructor(options: MessageBusOptions = {}) {
    this.clock = options.clock ?? new SystemClock();
    const keepAllLimit = options.keepAllLimit ?? 10_000;
    if (!Number.isInteger(keepAllLimit) || keepAllLimit < 1) {
      throw new RangeError(`keepAllLimit must be an integer >= 1, got ${keepAllLimit}`);
    }
    this.runtime = new BusRuntime(this.clock, { keepAllLimit, rateWindowMs: options.rateWindowMs ?? 10_000 });
    this.graph = new RuntimeGraph(this.runtime);
    this.events = this.runtime.eventSubject.asObservable();
  }

  /** The bus as the node `namespace/name` sees it. */
  forNode(options: NodeBusOptions): Bus {
    const node = new NodeBus(this.runtime, this.graph, options, (disposed) => this.nodes.delete(disposed));
    this.nodes.add(node);
    return node;
  }

  /** Disposes every node's bus and completes {@link events}. */
  dispose(): void {
    for (const node of [...this.nodes]) node.dispose();
    this.nodes.clear();
    this.runtime.eventSubject.complete();
  }
}
