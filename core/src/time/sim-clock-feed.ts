import type { Bus } from '../bus/bus-types.js';
import type { ClockMessage, SimClock } from './sim-clock.js';

/** The topic simulators publish time on. */
export const CLOCK_TOPIC = '/clock';
/** The type of {@link CLOCK_TOPIC}. */
export const CLOCK_MESSAGE_TYPE = 'rosgraph_msgs/msg/Clock';

/** A connection made by {@link feedSimClock}. */
export interface SimClockFeed {
  /** Stops following the topic; idempotent. */
  stop(): void;
}

/**
 * Drives `clock` from the bus topic `/clock` (`rosgraph_msgs/msg/Clock`), as ROS 2 nodes with
 * `use_sim_time` do. Subscribes best effort, keep last 1, like ROS 2's clock subscription.
 *
 * @example
 * ```ts
 * const clock = new SimClock();
 * const feed = feedSimClock(messageBus.forNode({ name: 'clock_listener' }), clock);
 * ```
 */
export function feedSimClock(bus: Bus, clock: SimClock, topic: string = CLOCK_TOPIC): SimClockFeed {
  const subscription = bus
    .topic<ClockMessage>(topic, CLOCK_MESSAGE_TYPE, { qos: { depth: 1, reliability: 'best_effort' } })
    .observe()
    .subscribe((event) => clock.handleClockMessage(event.message));
  return { stop: () => subscription.unsubscribe() };
}
