import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/omni-error.js';
import { parseMessageDefinition } from './definition-parser.js';
import { PRIMITIVE_TYPE_NAMES } from './message-definition.js';

const origin = { file: 'pkg/msg/T.msg', firstLine: 1 };

interface FieldSpec {
  name: string;
  base: string;
  array: '' | '[]' | `[${number}]` | `[<=${number}]`;
  comment: string | undefined;
  indent: string;
}

const fieldName = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(_[a-z0-9]{1,4})?$/);
const baseType = fc.oneof(
  fc.constantFrom(...PRIMITIVE_TYPE_NAMES, 'byte', 'char'),
  fc.constantFrom('geometry_msgs/Point', 'Local', 'builtin_interfaces/Time', 'other_pkg/msg/Thing'),
);
const arraySuffix = fc.oneof(
  fc.constant('' as const),
  fc.constant('[]' as const),
  fc.integer({ min: 1, max: 40 }).map((n) => `[${n}]` as const),
  fc.integer({ min: 1, max: 40 }).map((n) => `[<=${n}]` as const),
);
const fieldSpecs = fc.uniqueArray(
  fc.record({
    name: fieldName,
    base: baseType,
    array: arraySuffix,
    comment: fc.option(fc.stringMatching(/^[ -~]{0,20}$/), { nil: undefined }),
    indent: fc.constantFrom('', ' ', '\t'),
  }),
  { selector: (f: FieldSpec) => f.name, maxLength: 12 },
);

function expectedType(base: string): { type: string; isComplex: boolean } {
  if (base === 'byte' || base === 'char') return { type: 'uint8', isComplex: false };
  if ((PRIMITIVE_TYPE_NAMES as readonly string[]).includes(base)) return { type: base, isComplex: false };
  if (base === 'builtin_interfaces/Time') return { type: 'builtin_interfaces/msg/Time', isComplex: true };
  if (base === 'Local') return { type: 'pkg/msg/Local', isComplex: true };
  if (base === 'geometry_msgs/Point') return { type: 'geometry_msgs/msg/Point', isComplex: true };
  return { type: base, isComplex: true };
}

describe('parseMessageDefinition', () => {
  it('parses any well-formed field list, whatever the comments and spacing', () => {
    fc.assert(
      fc.property(fieldSpecs, fc.boolean(), (specs, crlfFree) => {
        const lines = ['# generated', ''];
        for (const spec of specs) {
          if (spec.comment !== undefined) lines.push(`# ${spec.comment}`);
          lines.push(`${spec.indent}${spec.base}${spec.array}  ${spec.name}${crlfFree ? '' : '   # trailing'}`);
        }
        const parsed = parseMessageDefinition('pkg/msg/T', lines.join('\n'), origin);
        expect(parsed.definition.fields).toHaveLength(specs.length);
        parsed.definition.fields.forEach((field, i) => {
          const spec = specs[i] as FieldSpec;
          expect(field.name).toBe(spec.name);
          expect({ type: field.type, isComplex: field.isComplex }).toEqual(expectedType(spec.base));
          expect(field.isArray).toBe(spec.array !== '');
          const fixed = /^\[(\d+)\]$/.exec(spec.array)?.[1];
          const bounded = /^\[<=(\d+)\]$/.exec(spec.array)?.[1];
          expect(field.arrayLength).toBe(fixed === undefined ? undefined : Number(fixed));
          expect(field.arrayUpperBound).toBe(bounded === undefined ? undefined : Number(bounded));
        });
        // The schema text keeps every line and qualifies every reference.
        expect(parsed.schemaText.split('\n')).toHaveLength(lines.length);
        expect(parsed.schemaText).not.toMatch(/^\s*Local/m);
      }),
      { numRuns: 300 },
    );
  });

  it('only ever fails with OMNI_ERR_MESSAGE_DEFINITION on arbitrary text', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('int32 x', 'string s "q', 'uint8 A=300', 'float64[] v [1,2', '---', '===', 'MSG: a/B', '# c'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        try {
          parseMessageDefinition('pkg/msg/T', lines.join('\n'), origin);
        } catch (error) {
          expect(hasErrorCode(error, 'OMNI_ERR_MESSAGE_DEFINITION'), String(error)).toBe(true);
          expect((error as Error).message).toMatch(/^pkg\/msg\/T\.msg:\d+:\d+: /);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('counts lines from where the section starts in its file', () => {
    expect(() =>
      parseMessageDefinition('pkg/srv/S_Response', '\n# c\nint32 9bad', { file: 'S.srv', firstLine: 5 }),
    ).toThrow(/^S\.srv:7:1: /);
  });

  it('reads defaults and constants, including 64-bit values as bigint', () => {
    const parsed = parseMessageDefinition(
      'pkg/msg/T',
      'int64 BIG=-9223372036854775808\nstring GREETING="hi # not a comment"\nuint64 count 18446744073709551615\nbool[2] flags [true, false]',
      origin,
    );
    expect(parsed.definition.constants).toEqual([
      { name: 'BIG', type: 'int64', value: -(2n ** 63n), valueText: '-9223372036854775808' },
      { name: 'GREETING', type: 'string', value: 'hi # not a comment', valueText: '"hi # not a comment"' },
    ]);
    expect(parsed.definition.fields[0]?.defaultValue).toBe(2n ** 64n - 1n);
    expect(parsed.definition.fields[1]?.defaultValue).toEqual([true, false]);
  });

  it('refuses constants of non-primitive type and defaults that do not fit', () => {
    expect(() => parseMessageDefinition('pkg/msg/T', 'int32 a\nstring<=2 s "long"', origin)).toThrow(
      /:2:1: .*bound of 2 bytes/,
    );
    expect(() => parseMessageDefinition('pkg/msg/T', 'int8[<=1] a [1, 2]', origin)).toThrow(/at most 1/);
    expect(() => parseMessageDefinition('pkg/msg/T', 'int32[] A=1', origin)).toThrow(
      /:1:1: constant 'A' must have a primitive, non-array type/,
    );
    expect(() => parseMessageDefinition('pkg/msg/T', 'geometry_msgs/Point P=1', origin)).toThrow(/:1:1: /);
  });
});
