import type { MessageWriter } from '@foxglove/rosmsg2-serialization';

type Definitions = ConstructorParameters<typeof MessageWriter>[0];
type Field = Definitions[number]['definitions'][number];

/**
 * Why this exists: `@foxglove/cdr` 3.5 writes strings with their UTF-16 length instead of their
 * UTF-8 byte length, so any non-ASCII text is truncated on the wire. A CDR string is laid out
 * exactly like a `uint8[]` sequence holding its UTF-8 bytes and a terminating NUL (4-byte aligned
 * length, then the bytes), so the writer is given definitions where every `string` is such a
 * sequence, and messages whose strings are pre-encoded. The bytes are identical to a correct
 * string writer's; the reader, which is correct, is left alone.
 */
const STRING_BOX = 'omnimind_cdr/StringBytes';

const encoder = new TextEncoder();

/** A CDR string payload: UTF-8 bytes plus the NUL terminator. */
export function stringPayload(value: string): Uint8Array {
  return encoder.encode(`${value}\0`);
}

/** Writer definitions with every `string` field turned into its byte-sequence equivalent. */
export function writerDefinitions(definitions: Definitions): Definitions {
  let boxed = false;
  const converted = definitions.map((definition) => ({
    ...definition,
    definitions: definition.definitions.map((field): Field => {
      if (field.isComplex === true || field.type !== 'string') return field;
      if (field.isArray !== true) return { name: field.name, type: 'uint8', isComplex: false, isArray: true };
      boxed = true;
      return { name: field.name, type: STRING_BOX, isComplex: true, isArray: true, arrayLength: field.arrayLength };
    }),
  }));
  if (boxed) {
    converted.push({
      name: STRING_BOX,
      definitions: [{ name: 'bytes', type: 'uint8', isComplex: false, isArray: true }],
    });
  }
  return converted;
}

/**
 * Prepares messages for a writer built from {@link writerDefinitions}: copies the path down to
 * every string and replaces it with its payload; parts without strings are shared, not copied.
 */
export class StringPreEncoder {
  readonly #definitions: ReadonlyMap<string, readonly Field[]>;
  readonly #hasStrings = new Map<string, boolean>();

  constructor(definitions: Definitions) {
    this.#definitions = new Map(definitions.map((d) => [d.name ?? '', d.definitions]));
  }

  /** The message with its strings pre-encoded, for the root type `type`. */
  encode(type: string, message: unknown): unknown {
    return this.#containsStrings(type) ? this.#message(type, message) : message;
  }

  #containsStrings(type: string): boolean {
    const known = this.#hasStrings.get(type);
    if (known !== undefined) return known;
    this.#hasStrings.set(type, false); // Guards against (invalid) recursive definitions.
    const fields = this.#definitions.get(type) ?? [];
    const result = fields.some((f) =>
      f.isComplex === true ? this.#containsStrings(f.type) : f.type === 'string' && f.isConstant !== true,
    );
    this.#hasStrings.set(type, result);
    return result;
  }

  #message(type: string, message: unknown): unknown {
    if (typeof message !== 'object' || message === null) return message;
    const source = message as Record<string, unknown>;
    const out: Record<string, unknown> = { ...source };
    for (const field of this.#definitions.get(type) ?? []) {
      if (field.isConstant === true) continue;
      const value = source[field.name];
      if (field.isComplex === true) {
        if (!this.#containsStrings(field.type)) continue;
        out[field.name] =
          field.isArray === true
            ? Array.isArray(value)
              ? value.map((item: unknown) => this.#message(field.type, item))
              : value
            : this.#message(field.type, value);
      } else if (field.type === 'string') {
        const fallback = typeof field.defaultValue === 'string' ? field.defaultValue : '';
        const text = (item: unknown): string => (typeof item === 'string' ? item : fallback);
        if (field.isArray !== true) {
          out[field.name] = stringPayload(text(value));
        } else {
          const defaults = Array.isArray(field.defaultValue) ? (field.defaultValue as unknown[]) : [];
          const items = Array.isArray(value)
            ? value
            : defaults.length > 0
              ? defaults
              : new Array(field.arrayLength ?? 0).fill('');
          out[field.name] = items.map((item: unknown) => ({ bytes: stringPayload(text(item)) }));
        }
      }
    }
    return out;
  }
}
