import { MessageInvalidError } from './message-errors.js';
import type { MessageProblem } from './message-errors.js';
import type { MessageField, PrimitiveTypeName } from './message-definition.js';
import type { KnownMessageType, MessageTypeMap } from './message-type-map.js';
import type { MessageRegistry } from './message-registry.js';
import { checkPrimitive, describeValue, PRIMITIVES, utf8Length } from './primitive-types.js';
import { suggestFieldName } from './field-suggestions.js';

/** Options of {@link validateMessage}. */
export interface ValidateOptions {
  /** Stop after this many problems (default 100); a last problem then says how many were left out. */
  readonly maxProblems?: number;
}

/** Appends `.name` to a path. */
export function fieldPath(base: string, name: string): string {
  return base === '' ? name : `${base}.${name}`;
}

/** Appends `[index]` to a path. */
export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

class ProblemList {
  readonly problems: MessageProblem[] = [];
  omitted = 0;
  readonly #max: number;
  constructor(max: number) {
    this.#max = max;
  }
  add(path: string, message: string): void {
    if (this.problems.length < this.#max) this.problems.push({ path, message });
    else this.omitted++;
  }
}

/**
 * Checks a value against a message type and lists every problem with its path: missing and
 * unknown fields, wrong primitive types, integers out of range, typed arrays of the wrong kind,
 * fixed array lengths and bounds, nested messages. Values must have the exact representation the
 * generated types declare (`bigint` for 64-bit integers, typed arrays for numeric arrays); use
 * `fillMessage` to convert loosely typed input first.
 *
 * @returns the problems, empty when the value is a valid message
 * @throws UnknownMessageTypeError when the type (or one it uses) is not registered
 *
 * @example
 * validateMessage(registry, 'geometry_msgs/msg/Twist', { linear: { x: 'fast', y: 0, z: 0 }, angular })
 * // [{ path: 'linear.x', message: 'expected float64 (number), got string' }]
 */
export function validateMessage(
  registry: MessageRegistry,
  type: string,
  value: unknown,
  options: ValidateOptions = {},
): MessageProblem[] {
  const list = new ProblemList(options.maxProblems ?? 100);
  checkMessage(registry, registry.resolve(type), value, '', list);
  if (list.omitted > 0) list.problems.push({ path: '', message: `${list.omitted} more problems not listed` });
  return list.problems;
}

/**
 * Throws unless `value` is a valid message of `type`; narrows its TypeScript type on return.
 *
 * @throws MessageInvalidError (`OMNI_ERR_MESSAGE_INVALID`) listing every problem
 */
export function assertValidMessage<K extends KnownMessageType>(
  registry: MessageRegistry,
  type: K,
  value: unknown,
): asserts value is MessageTypeMap[K];
export function assertValidMessage(registry: MessageRegistry, type: string, value: unknown): void;
export function assertValidMessage(registry: MessageRegistry, type: string, value: unknown): void {
  const problems = validateMessage(registry, type, value);
  if (problems.length > 0) throw new MessageInvalidError(registry.resolve(type), problems);
}

function checkMessage(registry: MessageRegistry, type: string, value: unknown, path: string, list: ProblemList): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    list.add(path, `expected ${type} (object), got ${describeValue(value)}`);
    return;
  }
  const definition = registry.get(type);
  const record = value as Record<string, unknown>;
  for (const field of definition.fields) {
    const childPath = fieldPath(path, field.name);
    if (!(field.name in record) || record[field.name] === undefined) {
      list.add(childPath, `missing field (expected ${describeField(field)})`);
      continue;
    }
    checkField(registry, field, record[field.name], childPath, list);
  }
  for (const key of Object.keys(record)) {
    if (definition.fields.some((f) => f.name === key)) continue;
    const suggestion = suggestFieldName(key, definition.fields);
    list.add(fieldPath(path, key), `unknown field of ${type}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`);
  }
}

/** `float64`, `float64[]`, `float64[9]`, `int32[<=5]`, `geometry_msgs/msg/Point[]`, `string<=10`, ... */
export function describeField(field: MessageField): string {
  const bound = field.stringUpperBound !== undefined ? `<=${field.stringUpperBound}` : '';
  if (!field.isArray) return `${field.type}${bound}`;
  const size =
    field.arrayLength !== undefined
      ? `${field.arrayLength}`
      : field.arrayUpperBound !== undefined
        ? `<=${field.arrayUpperBound}`
        : '';
  return `${field.type}${bound}[${size}]`;
}

function checkField(
  registry: MessageRegistry,
  field: MessageField,
  value: unknown,
  path: string,
  list: ProblemList,
): void {
  if (!field.isArray) {
    if (field.isComplex) checkMessage(registry, field.type, value, path, list);
    else checkScalar(field, value, path, list);
    return;
  }
  const primitive = field.isComplex ? undefined : PRIMITIVES[field.type as PrimitiveTypeName];
  const ctor = primitive?.arrayConstructor;
  let length: number;
  if (ctor) {
    if (!(value instanceof ctor)) {
      list.add(path, `expected ${describeField(field)} (${ctor.name}), got ${describeValue(value)}`);
      return;
    }
    length = value.length;
  } else {
    if (!Array.isArray(value)) {
      list.add(path, `expected ${describeField(field)} (Array), got ${describeValue(value)}`);
      return;
    }
    length = value.length;
  }
  if (field.arrayLength !== undefined && length !== field.arrayLength) {
    list.add(path, `expected exactly ${field.arrayLength} elements, got ${length}`);
  } else if (field.arrayUpperBound !== undefined && length > field.arrayUpperBound) {
    list.add(path, `expected at most ${field.arrayUpperBound} elements, got ${length}`);
  }
  if (ctor) return;
  const items = value as unknown[];
  for (let i = 0; i < items.length; i++) {
    if (field.isComplex) checkMessage(registry, field.type, items[i], indexPath(path, i), list);
    else checkScalar(field, items[i], indexPath(path, i), list);
  }
}

function checkScalar(field: MessageField, value: unknown, path: string, list: ProblemList): void {
  const problem = checkPrimitive(field.type as PrimitiveTypeName, value);
  if (problem) {
    list.add(path, problem);
  } else if (field.stringUpperBound !== undefined) {
    const length = utf8Length(value as string);
    if (length > field.stringUpperBound) {
      list.add(path, `expected at most ${field.stringUpperBound} bytes of UTF-8, got ${length}`);
    }
  }
}
