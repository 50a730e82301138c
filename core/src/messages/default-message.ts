import type { MessageField, PrimitiveTypeName, PrimitiveValue } from './message-definition.js';
import type { KnownMessageType, MessageTypeMap } from './message-type-map.js';
import type { MessageRegistry } from './message-registry.js';
import { PRIMITIVES, zeroValue } from './primitive-types.js';

/**
 * A new message of `type` with every field at its declared default, or zero, `0n`, `false`, `''`,
 * an empty array (a zero-filled one for fixed-size arrays) or a default nested message. Each call
 * returns fresh objects and arrays, so the result may be mutated.
 *
 * @throws UnknownMessageTypeError when the type (or one it uses) is not registered
 *
 * @example
 * const twist = createDefaultMessage(registry, 'geometry_msgs/msg/Twist');
 * twist.linear.x = 0.5;
 */
export function createDefaultMessage<K extends KnownMessageType>(registry: MessageRegistry, type: K): MessageTypeMap[K];
export function createDefaultMessage(registry: MessageRegistry, type: string): Record<string, unknown>;
export function createDefaultMessage(registry: MessageRegistry, type: string): Record<string, unknown> {
  const message: Record<string, unknown> = {};
  for (const field of registry.get(type).fields) {
    message[field.name] = defaultFieldValue(registry, field);
  }
  return message;
}

/** The default value of one field, as {@link createDefaultMessage} fills it. */
export function defaultFieldValue(registry: MessageRegistry, field: MessageField): unknown {
  if (field.isComplex) {
    if (!field.isArray) return createDefaultMessage(registry, field.type);
    return Array.from({ length: field.arrayLength ?? 0 }, () => createDefaultMessage(registry, field.type));
  }
  const type = field.type as PrimitiveTypeName;
  if (!field.isArray) return field.defaultValue ?? zeroValue(type);
  const values: readonly PrimitiveValue[] = Array.isArray(field.defaultValue)
    ? field.defaultValue
    : Array.from({ length: field.arrayLength ?? 0 }, () => zeroValue(type));
  return toArrayValue(type, values);
}

/** Builds the array representation of a primitive array field (a typed array or a plain array). */
export function toArrayValue(type: PrimitiveTypeName, values: readonly PrimitiveValue[]): unknown {
  const ctor = PRIMITIVES[type].arrayConstructor;
  if (!ctor) return [...values];
  if (ctor === BigInt64Array || ctor === BigUint64Array) return new ctor(values as bigint[]);
  return new (ctor as Float64ArrayConstructor)(values as number[]);
}
