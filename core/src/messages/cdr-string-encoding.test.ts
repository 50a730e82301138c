import { MessageWriter } from '@foxglove/rosmsg2-serialization';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCdr, encodeCdr, serializationDefinitions } from './cdr-codec.js';
import { MessageRegistry } from './message-registry.js';
import { arbitraryMessage } from './testing/arbitrary-message.js';

const registry = MessageRegistry.default();
registry.register(
  'text_msgs/msg/Texts',
  ['string single', 'string<=8 bounded', 'string[] many', 'string[2] pair', 'uint8 after', 'string tail "dflt"'].join(
    '\n',
  ),
);

describe('UTF-8 string encoding', () => {
  it('writes the UTF-8 byte length, not the UTF-16 length', () => {
    const bytes = encodeCdr(registry, 'std_msgs/msg/String', { data: 'é' });
    expect([...bytes]).toEqual([0, 1, 0, 0, 3, 0, 0, 0, 0xc3, 0xa9, 0]);
  });

  it('round-trips any Unicode text in scalar, bounded, unbounded and fixed string fields', () => {
    fc.assert(
      fc.property(
        arbitraryMessage(registry, 'text_msgs/msg/Texts', { maxStringLength: 8 }),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        (message, extra) => {
          const value = { ...message, single: extra, many: [extra, ...(message.many as string[])] };
          expect(decodeCdr(registry, 'text_msgs/msg/Texts', encodeCdr(registry, 'text_msgs/msg/Texts', value))).toEqual(
            value,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes as the plain writer for ASCII text', () => {
    for (const type of ['text_msgs/msg/Texts', 'diagnostic_msgs/msg/DiagnosticArray', 'sensor_msgs/msg/JointState']) {
      const plain = new MessageWriter(serializationDefinitions(registry, type));
      fc.assert(
        fc.property(arbitraryMessage(registry, type, { maxStringLength: 8 }), (message) => {
          const ascii = JSON.parse(
            JSON.stringify(message, (_k, v: unknown) =>
              typeof v === 'string' ? v.replace(/[^\x20-\x7e]/g, 'a') : typeof v === 'bigint' ? `${v}` : v,
            ),
          ) as unknown;
          // Only the strings are compared through JSON; the rest comes from the original message.
          const fixed = replaceStrings(message, ascii);
          expect([...encodeCdr(registry, type, fixed)]).toEqual([...plain.writeMessage(fixed)]);
        }),
        { numRuns: 100 },
      );
    }
  });

  it('does not modify the message it encodes', () => {
    const message = { single: 'ü', bounded: '', many: ['x'], pair: ['a', 'b'], after: 1, tail: 't' };
    const copy = structuredClone(message);
    encodeCdr(registry, 'text_msgs/msg/Texts', message);
    expect(message).toEqual(copy);
  });

  it('writes declared string defaults for missing fields when validation is off', () => {
    const bytes = encodeCdr(registry, 'text_msgs/msg/Texts', {}, { validate: false });
    expect(decodeCdr(registry, 'text_msgs/msg/Texts', bytes)).toEqual({
      single: '',
      bounded: '',
      many: [],
      pair: ['', ''],
      after: 0,
      tail: 'dflt',
    });
  });
});

// Copies the string leaves of `strings` into `original`, keeping typed arrays and bigints intact.
function replaceStrings(original: unknown, strings: unknown): unknown {
  if (typeof original === 'string') return strings;
  if (Array.isArray(original)) return original.map((item, i) => replaceStrings(item, (strings as unknown[])[i]));
  if (original && typeof original === 'object' && !ArrayBuffer.isView(original)) {
    return Object.fromEntries(
      Object.entries(original).map(([k, v]) => [k, replaceStrings(v, (strings as Record<string, unknown>)[k])]),
    );
  }
  return original;
}
