import type { ParameterEvent, ParameterValue } from '../messages/generated/rcl_interfaces.js';
import type { Time } from '../time/time.js';

/** `rcl_interfaces/msg/ParameterType` constants. */
const TYPE = {
  NOT_SET: 0,
  BOOL: 1,
  INTEGER: 2,
  DOUBLE: 3,
  STRING: 4,
  BOOL_ARRAY: 6,
  INTEGER_ARRAY: 7,
  DOUBLE_ARRAY: 8,
  STRING_ARRAY: 9,
};

/**
 * Encodes a JS parameter value as ROS 2's tagged `ParameterValue`. Values ROS 2 cannot type
 * (objects, mixed arrays) travel as their JSON text in `string_value`.
 */
export function toParameterValue(value: unknown): ParameterValue {
  const message: ParameterValue = {
    type: TYPE.NOT_SET,
    bool_value: false,
    integer_value: 0n,
    double_value: 0,
    string_value: '',
    byte_array_value: new Uint8Array(),
    bool_array_value: [],
    integer_array_value: new BigInt64Array(),
    double_array_value: new Float64Array(),
    string_array_value: [],
  };
  if (typeof value === 'boolean') return { ...message, type: TYPE.BOOL, bool_value: value };
  if (typeof value === 'number' && Number.isInteger(value))
    return { ...message, type: TYPE.INTEGER, integer_value: BigInt(value) };
  if (typeof value === 'number') return { ...message, type: TYPE.DOUBLE, double_value: value };
  if (typeof value === 'string') return { ...message, type: TYPE.STRING, string_value: value };
  if (Array.isArray(value) && value.length > 0) {
    if (value.every((v) => typeof v === 'boolean'))
      return { ...message, type: TYPE.BOOL_ARRAY, bool_array_value: value };
    if (value.every((v) => typeof v === 'number' && Number.isInteger(v))) {
      return {
        ...message,
        type: TYPE.INTEGER_ARRAY,
        integer_array_value: BigInt64Array.from(value, (v: number) => BigInt(v)),
      };
    }
    if (value.every((v) => typeof v === 'number'))
      return { ...message, type: TYPE.DOUBLE_ARRAY, double_array_value: Float64Array.from(value) };
    if (value.every((v) => typeof v === 'string'))
      return { ...message, type: TYPE.STRING_ARRAY, string_array_value: value };
  }
  if (value === undefined || value === null) return message;
  return { ...message, type: TYPE.STRING, string_value: JSON.stringify(value) };
}

/** A plain `rcl_interfaces/msg/ParameterEvent` for one changed parameter. */
export function parameterChangedEvent(stamp: Time, node: string, name: string, value: unknown): ParameterEvent {
  return {
    stamp,
    node,
    new_parameters: [],
    changed_parameters: [{ name, value: toParameterValue(value) }],
    deleted_parameters: [],
  };
}
