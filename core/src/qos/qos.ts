/** History policy: keep the last `depth` messages, or everything (bounded by the topic's hard limit). */
export type HistoryPolicy = 'keep_last' | 'keep_all';
/** Reliability as ROS 2 names it. */
export type ReliabilityPolicy = 'reliable' | 'best_effort';
/** Durability as ROS 2 names it: `transient_local` keeps the last `depth` messages for late joiners. */
export type DurabilityPolicy = 'volatile' | 'transient_local';

/**
 * Quality-of-service settings of one publisher or subscription, with ROS 2 semantics.
 * Durations are in milliseconds of the node's clock; `0` means "not set" (infinite).
 */
export interface QosProfile {
  readonly history: HistoryPolicy;
  /** Queue depth for `keep_last` (and replay depth for `transient_local`). */
  readonly depth: number;
  readonly reliability: ReliabilityPolicy;
  readonly durability: DurabilityPolicy;
  /** Maximum expected period between messages; a longer silence raises a deadline-missed event. */
  readonly deadlineMs: number;
  /** Age after which a message is no longer delivered (queued or replayed). */
  readonly lifespanMs: number;
}

/** Partial profile as users write it; missing fields come from {@link QOS_DEFAULT}. */
export type QosSettings = Partial<QosProfile>;

/** rclcpp's default: keep last 10, reliable, volatile. */
export const QOS_DEFAULT: QosProfile = Object.freeze({
  history: 'keep_last',
  depth: 10,
  reliability: 'reliable',
  durability: 'volatile',
  deadlineMs: 0,
  lifespanMs: 0,
});

/** ROS 2's `SensorDataQoS`: keep last 5, best effort, volatile. */
export const QOS_SENSOR_DATA: QosProfile = Object.freeze({ ...QOS_DEFAULT, depth: 5, reliability: 'best_effort' });

/** A latched topic (maps, robot descriptions, `tf_static`): keep last 1, reliable, transient local. */
export const QOS_LATCHED: QosProfile = Object.freeze({ ...QOS_DEFAULT, depth: 1, durability: 'transient_local' });

/** ROS 2's `ParameterEventsQoS` is keep last 1000, reliable, volatile. */
export const QOS_PARAMETER_EVENTS: QosProfile = Object.freeze({ ...QOS_DEFAULT, depth: 1000 });

/** ROS 2's services default: keep last 10, reliable, volatile. */
export const QOS_SERVICES: QosProfile = QOS_DEFAULT;

/** Named profiles users may refer to by string in launch and parameter files. */
export const QOS_PRESETS: Readonly<Record<string, QosProfile>> = Object.freeze({
  default: QOS_DEFAULT,
  sensor_data: QOS_SENSOR_DATA,
  latched: QOS_LATCHED,
  parameter_events: QOS_PARAMETER_EVENTS,
  services_default: QOS_SERVICES,
});
