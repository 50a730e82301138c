import type {
  GeneratedActionTypeMap,
  GeneratedMessageTypeMap,
  GeneratedServiceTypeMap,
} from './generated/type-maps.js';

/**
 * Maps every known ROS 2 message type name (`pkg/msg/Type`) to its TypeScript interface, so
 * `bus.topic('cmd_vel', 'geometry_msgs/msg/Twist')` is typed without a type argument.
 *
 * The built-in entries are generated from the `.msg` definitions (`npm run gen:msgs`). A package
 * that ships its own types adds them by declaration merging:
 *
 * @example
 * declare module '@omnimind/core' {
 *   interface MessageTypeMap {
 *     'my_msgs/msg/Blip': { id: number; label: string };
 *   }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessageTypeMap extends GeneratedMessageTypeMap {}

/** Any message type name known at compile time. */
export type KnownMessageType = keyof MessageTypeMap & string;

/** Maps every known service type (`pkg/srv/Name`) to its `{ request, response }` interfaces; extensible like {@link MessageTypeMap}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServiceTypeMap extends GeneratedServiceTypeMap {}

/** Any service type name known at compile time. */
export type KnownServiceType = keyof ServiceTypeMap & string;

/** Maps every known action type (`pkg/action/Name`) to its `{ goal, feedback, result }` interfaces; extensible like {@link MessageTypeMap}. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ActionTypeMap extends GeneratedActionTypeMap {}

/** Any action type name known at compile time. */
export type KnownActionType = keyof ActionTypeMap & string;
