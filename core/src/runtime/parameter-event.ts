import type { Time } from '../time/time.js';

/** `rcl_interfaces/msg/ParameterType` constants. */
const TYPE = { NOT_SET: 0, BOOL: 1, INTEGER: 2, DOUBLE: 3, STRING: 4, BOOL_ARRAY: 6, INTEGER_ARRAY: 7, DOUBLE_ARRAY: 8, STRING_ARRAY: 9 };

/** A plain `rcl_interfaces/msg/ParameterValue`. */
export interface ParameterValueMessage {
  type: number;
  bool_value: boolean;
  integer_value: bigint;
  double_value: number;
  string_value: string;
  byte_array_value: Uint8Array;
  bool_array_value: boolean[];
  integer_array_value: bigint[];
  double_array_value: number[];
  string_array_value: string[];
}

/**
 * Encodes a JS parameter value as ROS 2's tagged `ParameterValue`. Values ROS 2 cannot type
 * (objects, mixed arrays) travel as their JSON text in `string_value`.
 */
export function toParameterValue(value: unknown): ParameterValueMessage {
  const message: ParameterValueMessage = {
    type: TYPE.NOT_SET,
    bool_value: false,
    integer_value: 0n,
    double_value: 0,
    string_value: '',
    byte_array_value: new Uint8Array(),
    bool_array_value: [],
    integer_array_value: [],
    double_array_value: [],
    string_array_value: [],
  };
  if (typeof value === 'boolean') return { ...message, type: TYPE.BOOL, bool_value: value };
  if (typeof value === 'number' && Number.isInteger(value)) return { ...message, type: TYPE.INTEGER, integer_value: BigInt(value) };
  if (typeof value === 'number') return { ...message, type: TYPE.DOUBLE, double_value: value };
  if (typeof value === 'string') return { ...message, type: TYPE.STRING, string_value: value };
  if (Array.isArray(value) && value.length > 0) {
    if (value.every((v) => typeof v === 'boolean')) return { ...message, type: TYPE.BOOL_ARRAY, bool_array_value: value };
    if (value.every((v) => typeof v === 'number' && Number.isInteger(v))) {
      return { ...message, type: TYPE.INTEGER_ARRAY, integer_array_value: value.map((v: number) => BigInt(v)) };
    }
    if (value.every((v) => typeof v === 'number')) return { ...message, type: TYPE.DOUBLE_ARRAY, double_array_value: value };
    if (value.every((v) => typeof v === 'string')) return { ...message, type: TYPE.STRING_ARRAY, string_array_value: value };
  }
  if (value === undefined || value === null) return message;
  return { ...message, type: TYPE.STRING, string_value: JSON.stringify(value) };
}

/** A plain `rcl_interfaces/msg/ParameterEvent` for one changed parameter. */
export function parameterChangedEvent(stamp: Time, node: string, name: string, value: unknown) {
  return {
    stamp,
    node,
    new_parameters: [],
    changed_parameters: [{ name, value: toParameterValue(value) }],
    deleted_parameters: [],
  };
}
