import type { PrimitiveTypeName } from './message-definition.js';

/** A typed-array constructor the CDR reader produces for a primitive array. */
export type TypedArrayConstructor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor;

/** How a primitive type is represented in JavaScript, alone and in arrays. */
export interface PrimitiveInfo {
  /** JavaScript type of a single value, as `typeof` reports it. */
  readonly js: 'number' | 'bigint' | 'boolean' | 'string';
  /** TypeScript type of a single value. */
  readonly ts: string;
  /** TypeScript type of an array of values, matching what the CDR reader returns. */
  readonly arrayTs: string;
  /** The typed array used for arrays, when the reader returns one. */
  readonly arrayConstructor?: TypedArrayConstructor;
  /** Inclusive range of integer types. */
  readonly range?: readonly [number, number] | readonly [bigint, bigint];
}

const info = (
  js: PrimitiveInfo['js'],
  arrayConstructor?: TypedArrayConstructor,
  range?: PrimitiveInfo['range'],
): PrimitiveInfo => {
  const ts = js;
  const arrayTs = arrayConstructor ? arrayConstructor.name : `${ts}[]`;
  return arrayConstructor ? { js, ts, arrayTs, arrayConstructor, range } : { js, ts, arrayTs, range };
};

/**
 * The JavaScript representation of each primitive type, as `@foxglove/rosmsg2-serialization`
 * decodes it: 64-bit integers are `bigint`, numeric arrays are typed arrays, `bool[]` and
 * `string[]` are plain arrays.
 */
export const PRIMITIVES: Readonly<Record<PrimitiveTypeName, PrimitiveInfo>> = {
  bool: info('boolean'),
  int8: info('number', Int8Array, [-128, 127]),
  uint8: info('number', Uint8Array, [0, 255]),
  int16: info('number', Int16Array, [-32768, 32767]),
  uint16: info('number', Uint16Array, [0, 65535]),
  int32: info('number', Int32Array, [-2147483648, 2147483647]),
  uint32: info('number', Uint32Array, [0, 4294967295]),
  int64: info('bigint', BigInt64Array, [-(2n ** 63n), 2n ** 63n - 1n]),
  uint64: info('bigint', BigUint64Array, [0n, 2n ** 64n - 1n]),
  float32: info('number', Float32Array),
  float64: info('number', Float64Array),
  string: info('string'),
  wstring: info('string'),
};

const FLOAT32_MAX = 3.4028234663852886e38;

/** A short description of what a value of `type` must be, e.g. `uint8 (integer 0..255)`. */
export function describePrimitive(type: PrimitiveTypeName): string {
  const p = PRIMITIVES[type];
  if (p.range) return `${type} (${p.js === 'bigint' ? 'bigint' : 'integer'} ${p.range[0]}..${p.range[1]})`;
  return `${type} (${p.ts})`;
}

/** What a value is, for messages: `string`, `null`, `Array`, `Float32Array`, `object`, ... */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  return typeof value;
}

/**
 * Checks one primitive value; returns what is wrong, or undefined when it fits. Floats accept NaN
 * and infinities (ROS uses them, e.g. for out-of-range readings).
 */
export function checkPrimitive(type: PrimitiveTypeName, value: unknown): string | undefined {
  const p = PRIMITIVES[type];
  if (typeof value !== p.js) return `expected ${describePrimitive(type)}, got ${describeValue(value)}`;
  if (p.range) {
    const v = value as number | bigint;
    if (typeof v === 'number' && !Number.isInteger(v)) return `expected ${describePrimitive(type)}, got ${v}`;
    if (v < p.range[0] || v > p.range[1]) return `expected ${describePrimitive(type)}, got ${v} (out of range)`;
  } else if (type === 'float32') {
    const v = value as number;
    // Values that round to a finite float32 are fine; larger ones would silently become infinite.
    if (Number.isFinite(v) && !Number.isFinite(Math.fround(v))) {
      return `expected float32 (number within ±${FLOAT32_MAX}), got ${v}`;
    }
  }
  return undefined;
}

/** The zero value of a primitive type. */
export function zeroValue(type: PrimitiveTypeName): number | bigint | boolean | string {
  switch (PRIMITIVES[type].js) {
    case 'bigint':
      return 0n;
    case 'boolean':
      return false;
    case 'string':
      return '';
    default:
      return 0;
  }
}

const utf8 = new TextEncoder();

/** Length of a string in UTF-8 bytes, the unit of ROS 2 string bounds (`string<=N`) on the wire. */
export function utf8Length(value: string): number {
  return utf8.encode(value).byteLength;
}
