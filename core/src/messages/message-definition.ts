/** The ROS 2 primitive types as the parser normalises them (`byte` and `char` become `uint8`). */
export type PrimitiveTypeName =
  | 'bool'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'float32'
  | 'float64'
  | 'string'
  | 'wstring';

/** Every {@link PrimitiveTypeName}, in declaration order. */
export const PRIMITIVE_TYPE_NAMES: readonly PrimitiveTypeName[] = [
  'bool',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'float32',
  'float64',
  'string',
  'wstring',
];

/** True when `type` names a primitive type. */
export function isPrimitiveTypeName(type: string): type is PrimitiveTypeName {
  return (PRIMITIVE_TYPE_NAMES as readonly string[]).includes(type);
}

/** A value a constant or default may hold: numbers, `bigint` for 64-bit integers, booleans and strings. */
export type PrimitiveValue = number | bigint | boolean | string;

/** One data field of a message. */
export interface MessageField {
  /** Field name (`snake_case`). */
  readonly name: string;
  /**
   * A {@link PrimitiveTypeName} when `isComplex` is false, otherwise a canonical message type
   * (`pkg/msg/Type`). `builtin_interfaces/msg/Time` and `Duration` are complex types here.
   */
  readonly type: string;
  /** True when `type` is a message type rather than a primitive. */
  readonly isComplex: boolean;
  /** True for arrays of any kind (unbounded, bounded or fixed). */
  readonly isArray: boolean;
  /** Length of a fixed-size array (`float64[9]`). */
  readonly arrayLength?: number;
  /** Maximum length of a bounded array (`int32[<=5]`). */
  readonly arrayUpperBound?: number;
  /** Maximum length of a bounded string (`string<=10`) in UTF-8 bytes, per element for string arrays. */
  readonly stringUpperBound?: number;
  /** Default value declared in the definition (`int32 retries 3`), an array for array fields. */
  readonly defaultValue?: PrimitiveValue | readonly PrimitiveValue[];
}

/** A constant declared in a message (`uint8 ACTIVE=3`); constants are not part of the data. */
export interface MessageConstant {
  /** Constant name (`UPPER_CASE`). */
  readonly name: string;
  /** Its primitive type. */
  readonly type: PrimitiveTypeName;
  /** Its value (`bigint` for 64-bit integer constants). */
  readonly value: PrimitiveValue;
  /** The value as written in the definition. */
  readonly valueText: string;
}

/** A parsed message type: the fields that make up its data and the constants it declares. */
export interface MessageDefinition {
  /** Canonical name, `pkg/msg/Type` (or `pkg/srv/Name_Request`, `pkg/action/Name_Goal`, ...). */
  readonly type: string;
  /** The ROS package. */
  readonly package: string;
  /** The type name without package, e.g. `Twist` or `Fibonacci_Goal`. */
  readonly name: string;
  /** Data fields, in wire order. */
  readonly fields: readonly MessageField[];
  /** Constants, in declaration order. */
  readonly constants: readonly MessageConstant[];
  /** The definition text this type was parsed from (only its own section, comments included). */
  readonly text: string;
  /** Where the definition came from (a file path or a description), for error messages. */
  readonly source: string;
}

/** A registered service: the two message types that carry its request and response. */
export interface ServiceDefinition {
  /** Canonical name, `pkg/srv/Name`. */
  readonly type: string;
  /** Message type of the request, `pkg/srv/Name_Request`. */
  readonly request: string;
  /** Message type of the response, `pkg/srv/Name_Response`. */
  readonly response: string;
  /** The full `.srv` text. */
  readonly text: string;
  /** Where the definition came from. */
  readonly source: string;
}

/**
 * A registered action: its goal, result and feedback message types, plus the wrapper types the
 * ROS 2 action protocol puts on the wire (send-goal and get-result services, feedback topic).
 */
export interface ActionDefinition {
  /** Canonical name, `pkg/action/Name`. */
  readonly type: string;
  /** `pkg/action/Name_Goal`. */
  readonly goal: string;
  /** `pkg/action/Name_Result`. */
  readonly result: string;
  /** `pkg/action/Name_Feedback`. */
  readonly feedback: string;
  /** `pkg/action/Name_SendGoal_Request`: goal id and goal. */
  readonly sendGoalRequest: string;
  /** `pkg/action/Name_SendGoal_Response`: accepted flag and stamp. */
  readonly sendGoalResponse: string;
  /** `pkg/action/Name_GetResult_Request`: goal id. */
  readonly getResultRequest: string;
  /** `pkg/action/Name_GetResult_Response`: final status and result. */
  readonly getResultResponse: string;
  /** `pkg/action/Name_FeedbackMessage`: goal id and feedback. */
  readonly feedbackMessage: string;
  /** The full `.action` text. */
  readonly text: string;
  /** Where the definition came from. */
  readonly source: string;
}
