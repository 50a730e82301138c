/** A value that `JSON.stringify` writes and `JSON.parse` reads back unchanged. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Converts message data to a JSON-safe value, so it can cross the control endpoint.
 *
 * - `bigint` becomes its decimal string (`123n` → `"123"`);
 * - typed arrays and `DataView`/`ArrayBuffer` become arrays of numbers (64-bit ones of strings);
 * - `NaN`, `Infinity` and `-Infinity` become the strings `"NaN"`, `"Infinity"`, `"-Infinity"`
 *   (JSON would silently turn them into `null`, losing e.g. "no return" in a laser scan);
 * - `-0` becomes `0`, as it would in JSON;
 * - `Map` becomes an object, `Set` an array, `Date` an ISO string, `Error` `{name, message, code?}`;
 * - `undefined`, functions and symbols are dropped from objects and become `null` in arrays;
 * - a reference back to an enclosing object becomes the string `"[Circular]"`.
 *
 * The result is a fresh tree; the input is never modified. Applying it twice changes nothing more.
 *
 * @example
 * toJsonSafe({ stamp: 10n, data: new Uint8Array([1, 2]) }); // { stamp: '10', data: [1, 2] }
 */
export function toJsonSafe(value: unknown): JsonValue {
  return convert(value, new Set<object>());
}

function convert(value: unknown, ancestors: Set<object>): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) return String(value);
      // JSON has no negative zero; normalising here keeps the result equal to its round trip.
      return value === 0 ? 0 : value;
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return null;
    default:
      break;
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.has(object)) return '[Circular]';
  ancestors.add(object);
  try {
    return convertObject(object, ancestors);
  } finally {
    ancestors.delete(object);
  }
}

function convertObject(object: object, ancestors: Set<object>): JsonValue {
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
  if (object instanceof ArrayBuffer) return Array.from(new Uint8Array(object));
  if (ArrayBuffer.isView(object)) {
    if (object instanceof DataView) {
      return Array.from(new Uint8Array(object.buffer, object.byteOffset, object.byteLength));
    }
    return Array.from(object as unknown as ArrayLike<number | bigint>, (item) => convert(item, ancestors));
  }
  if (Array.isArray(object)) return object.map((item) => convert(item, ancestors));
  if (object instanceof Set) return Array.from(object, (item) => convert(item, ancestors));
  if (object instanceof Map) {
    const result: Record<string, JsonValue> = {};
    for (const [key, item] of object) {
      if (isDropped(item)) continue;
      setKey(result, String(key), convert(item, ancestors));
    }
    return result;
  }
  if (object instanceof Error) {
    const result: Record<string, JsonValue> = { name: object.name, message: object.message };
    const code = (object as { code?: unknown }).code;
    if (typeof code === 'string') result['code'] = code;
    return result;
  }
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return convert(toJSON.call(object), ancestors);
  const result: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(object)) {
    if (isDropped(item)) continue;
    setKey(result, key, convert(item, ancestors));
  }
  return result;
}

function isDropped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function setKey(target: Record<string, JsonValue>, key: string, item: JsonValue): void {
  // A plain assignment to `__proto__` would replace the prototype instead of adding a field.
  if (key === '__proto__')
    Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true });
  else target[key] = item;
}
