import { MessageInvalidError } from './message-errors.js';
import type { MessageProblem } from './message-errors.js';
import type { MessageField, PrimitiveTypeName } from './message-definition.js';
import type { KnownMessageType, MessageTypeMap } from './message-type-map.js';
import type { MessageRegistry } from './message-registry.js';
import { createDefaultMessage, toArrayValue } from './default-message.js';
import { checkPrimitive, describePrimitive, describeValue, PRIMITIVES, zeroValue } from './primitive-types.js';
import { suggestFieldName } from './field-suggestions.js';
import { fieldPath, indexPath, validateMessage } from './validate-message.js';

/** Options of {@link fillMessage}. */
export interface FillOptions {
  /**
   * Current time, used for `'now'` in a `builtin_interfaces/Time` field and `'auto'` in a
   * `std_msgs/Header` field (stamp now, empty frame). Without it, those strings are problems.
   */
  readonly now?: () => { sec: number; nanosec: number };
}

const TIME_TYPES = new Set(['builtin_interfaces/msg/Time', 'builtin_interfaces/msg/Duration']);
const HEADER_TYPE = 'std_msgs/msg/Header';
const INTEGER_TEXT = /^[-+]?\d+$/;

/**
 * Builds a complete message from a partial plain object (for example YAML typed on the command
 * line): every field not given keeps its default, and loosely typed values are converted where
 * the type needs it — numbers to `bigint` for 64-bit integers, numeric strings to numbers, arrays
 * of numbers to typed arrays, a base64 string to `uint8[]`, scalars to strings, a number of
 * seconds to a `Time`/`Duration`. The result is then validated.
 *
 * @throws MessageInvalidError (`OMNI_ERR_MESSAGE_INVALID`) listing every problem with its path,
 *   including unknown fields with a did-you-mean
 *
 * @example
 * fillMessage(registry, 'geometry_msgs/msg/Twist', { linear: { x: 0.5 } });
 * fillMessage(registry, 'std_msgs/msg/UInt64', { data: 42 }); // { data: 42n }
 */
export function fillMessage<K extends KnownMessageType>(
  registry: MessageRegistry,
  type: K,
  partial: unknown,
  options?: FillOptions,
): MessageTypeMap[K];
export function fillMessage(
  registry: MessageRegistry,
  type: string,
  partial: unknown,
  options?: FillOptions,
): Record<string, unknown>;
export function fillMessage(
  registry: MessageRegistry,
  type: string,
  partial: unknown,
  options: FillOptions = {},
): Record<string, unknown> {
  const canonical = registry.resolve(type);
  const problems: MessageProblem[] = [];
  const filler = new Filler(registry, options, problems);
  // Whatever cannot be converted keeps its default, so validation adds only the remaining problems.
  const message = filler.message(canonical, partial ?? {}, '') ?? createDefaultMessage(registry, canonical);
  problems.push(...validateMessage(registry, canonical, message));
  if (problems.length > 0) throw new MessageInvalidError(canonical, problems);
  return message as Record<string, unknown>;
}

class Filler {
  readonly #registry: MessageRegistry;
  readonly #options: FillOptions;
  readonly #problems: MessageProblem[];

  constructor(registry: MessageRegistry, options: FillOptions, problems: MessageProblem[]) {
    this.#registry = registry;
    this.#options = options;
    this.#problems = problems;
  }

  message(type: string, input: unknown, path: string): unknown {
    const special = this.#special(type, input, path);
    if (special) return special.value;
    if (typeof input !== 'object' || input === null || Array.isArray(input) || ArrayBuffer.isView(input)) {
      return this.#problem(path, `expected ${type} (object), got ${describeValue(input)}`);
    }
    const definition = this.#registry.get(type);
    const result = createDefaultMessage(this.#registry, type);
    for (const [key, value] of Object.entries(input)) {
      const field = definition.fields.find((f) => f.name === key);
      if (!field) {
        const suggestion = suggestFieldName(key, definition.fields);
        this.#problem(
          fieldPath(path, key),
          `unknown field of ${type}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`,
        );
        continue;
      }
      if (value === undefined) continue;
      const converted = this.#field(field, value, fieldPath(path, key));
      if (converted !== undefined) result[key] = converted;
    }
    return result;
  }

  // Shorthands: 'now' and seconds for times, 'auto' for headers.
  #special(type: string, input: unknown, path: string): { value: unknown } | undefined {
    const now = this.#options.now;
    if (TIME_TYPES.has(type)) {
      if (input === 'now' && type.endsWith('/Time')) {
        return { value: now ? now() : this.#problem(path, `'now' needs a clock; give {sec, nanosec} instead`) };
      }
      if (typeof input === 'number' && Number.isFinite(input)) {
        const sec = Math.floor(input);
        return { value: { sec, nanosec: Math.min(999_999_999, Math.round((input - sec) * 1e9)) } };
      }
    }
    if (type === HEADER_TYPE && input === 'auto') {
      const stamped = now ? { stamp: now(), frame_id: '' } : undefined;
      return { value: stamped ?? this.#problem(path, `'auto' needs a clock; give {stamp, frame_id}`) };
    }
    return undefined;
  }

  #field(field: MessageField, value: unknown, path: string): unknown {
    if (!field.isArray) {
      return field.isComplex
        ? this.message(field.type, value, path)
        : this.#scalar(field.type as PrimitiveTypeName, value, path);
    }
    if (!field.isComplex) {
      const typed = this.#primitiveArray(field.type as PrimitiveTypeName, value, path);
      if (typed) return typed.value;
    }
    // Another kind of typed array (Float64Array for a float32[] field) is converted element-wise.
    const list: unknown[] | undefined = Array.isArray(value)
      ? value
      : ArrayBuffer.isView(value) && !(value instanceof DataView) && !field.isComplex
        ? Array.from(value as unknown as ArrayLike<unknown>)
        : undefined;
    if (list === undefined) {
      return this.#problem(path, `expected an array for ${field.type}[], got ${describeValue(value)}`);
    }
    if (field.arrayLength !== undefined && list.length !== field.arrayLength) {
      return this.#problem(path, `expected exactly ${field.arrayLength} elements, got ${list.length}`);
    }
    if (field.isComplex) {
      return list.map(
        (item, i) =>
          this.message(field.type, item ?? {}, indexPath(path, i)) ?? createDefaultMessage(this.#registry, field.type),
      );
    }
    const type = field.type as PrimitiveTypeName;
    const items = list.map((item, i) => this.#scalar(type, item, indexPath(path, i)) ?? zeroValue(type));
    if (PRIMITIVES[type].arrayConstructor) {
      // A typed array would wrap out-of-range numbers silently, so range-check before building it.
      let valid = true;
      items.forEach((item, i) => {
        const problem = checkPrimitive(type, item);
        if (problem === undefined) return;
        valid = false;
        this.#problem(indexPath(path, i), problem);
      });
      if (!valid) return undefined;
    }
    return toArrayValue(type, items as (number | bigint | boolean | string)[]);
  }

  // Values already in the right representation pass through untouched (no copy).
  #primitiveArray(type: PrimitiveTypeName, value: unknown, path: string): { value: unknown } | undefined {
    const ctor = PRIMITIVES[type].arrayConstructor;
    if (ctor && value instanceof ctor) return { value };
    if (type === 'uint8' && typeof value === 'string') {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
        return {
          value: this.#problem(path, `expected uint8[] as numbers or a base64 string, got a non-base64 string`),
        };
      }
      return { value: new Uint8Array(Buffer.from(value, 'base64')) };
    }
    return undefined;
  }

  #scalar(type: PrimitiveTypeName, value: unknown, path: string): unknown {
    const js = PRIMITIVES[type].js;
    if (typeof value === js) return value;
    const fail = (): undefined =>
      this.#problem(path, `expected ${describePrimitive(type)}, got ${describeValue(value)}`);
    switch (js) {
      case 'string':
        return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean'
          ? String(value)
          : fail();
      case 'boolean':
        return value === 'true' ? true : value === 'false' ? false : fail();
      case 'bigint':
        if (typeof value === 'number') {
          if (Number.isSafeInteger(value)) return BigInt(value);
          return this.#problem(path, `${value} cannot be an exact ${type}; write it as a string or bigint`);
        }
        return typeof value === 'string' && INTEGER_TEXT.test(value.trim()) ? BigInt(value.trim()) : fail();
      default:
        if (typeof value === 'bigint') return Number(value);
        if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
        return fail();
    }
  }

  #problem(path: string, message: string): undefined {
    this.#problems.push({ path, message });
    return undefined;
  }
}
