import fc from 'fast-check';
import { toArrayValue } from '../default-message.js';
import type { MessageField, PrimitiveTypeName, PrimitiveValue } from '../message-definition.js';
import type { MessageRegistry } from '../message-registry.js';
import { PRIMITIVES, utf8Length } from '../primitive-types.js';

/** Limits of {@link arbitraryMessage}. */
export interface ArbitraryMessageOptions {
  /** Longest unbounded array (default 4). */
  readonly maxArrayLength?: number;
  /** Longest unbounded string, in graphemes (default 12). */
  readonly maxStringLength?: number;
}

/**
 * A fast-check arbitrary producing valid messages of `type` in the exact representation the CDR
 * decoder returns (typed arrays, `bigint` for 64-bit integers), for property tests of anything
 * that carries messages. Test-only: it needs the `fast-check` dev dependency.
 */
export function arbitraryMessage(
  registry: MessageRegistry,
  type: string,
  options: ArbitraryMessageOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const cache = new Map<string, fc.Arbitrary<Record<string, unknown>>>();
  const maxArray = options.maxArrayLength ?? 4;
  const maxString = options.maxStringLength ?? 12;

  const message = (name: string): fc.Arbitrary<Record<string, unknown>> => {
    const cached = cache.get(name);
    if (cached) return cached;
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of registry.get(name).fields) shape[field.name] = fieldArbitrary(field);
    const arbitrary = fc.record(shape) as fc.Arbitrary<Record<string, unknown>>;
    cache.set(name, arbitrary);
    return arbitrary;
  };

  const scalar = (field: MessageField): fc.Arbitrary<PrimitiveValue> => {
    const type = field.type as PrimitiveTypeName;
    const range = PRIMITIVES[type].range;
    switch (type) {
      case 'bool':
        return fc.boolean();
      case 'float32':
        return fc.float();
      case 'float64':
        return fc.double();
      case 'string':
      case 'wstring':
        return fc
          .string({ unit: 'grapheme', maxLength: Math.min(maxString, field.stringUpperBound ?? maxString) })
          .map((text) => fitUtf8(text, field.stringUpperBound));
      case 'int64':
      case 'uint64':
        return fc.bigInt({ min: range?.[0] as bigint, max: range?.[1] as bigint });
      default:
        return fc.integer({ min: range?.[0] as number, max: range?.[1] as number });
    }
  };

  const fieldArbitrary = (field: MessageField): fc.Arbitrary<unknown> => {
    const element = field.isComplex ? message(field.type) : scalar(field);
    if (!field.isArray) return element;
    const length =
      field.arrayLength !== undefined
        ? { minLength: field.arrayLength, maxLength: field.arrayLength }
        : { maxLength: Math.min(maxArray, field.arrayUpperBound ?? maxArray) };
    const array = fc.array(element as fc.Arbitrary<unknown>, length);
    if (field.isComplex || !PRIMITIVES[field.type as PrimitiveTypeName].arrayConstructor) return array;
    return array.map((values) => toArrayValue(field.type as PrimitiveTypeName, values as PrimitiveValue[]));
  };

  return message(registry.resolve(type));
}

// Bounds count UTF-8 bytes, so drop trailing code points until the text fits.
function fitUtf8(text: string, bound: number | undefined): string {
  if (bound === undefined) return text;
  const points = Array.from(text);
  while (utf8Length(points.join('')) > bound) points.pop();
  return points.join('');
}
