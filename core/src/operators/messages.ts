import { map } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { MessageEvent } from '../bus/bus-types.js';

/**
 * Unwraps bus envelopes to their messages.
 *
 * @example
 * ```ts
 * bus.topic<Twist>('cmd_vel', 'geometry_msgs/msg/Twist').observe().pipe(messages());
 * ```
 */
export function messages<T>(): OperatorFunction<MessageEvent<T>, T> {
  return map((event) => event.message);
}
