/**
 * Maps every known ROS 2 message type name (`pkg/msg/Type`) to its TypeScript interface.
 * Filled in by the generated message types, so `bus.topic('cmd_vel', 'geometry_msgs/msg/Twist')`
 * is typed without a type argument.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessageTypeMap {}

/** Any message type name the registry knows at compile time. */
export type KnownMessageType = keyof MessageTypeMap & string;
