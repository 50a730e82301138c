import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonSafe } from './json-safe.js';

const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.bigInt(),
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.float32Array(),
    fc.uint8Array(),
    fc.bigInt64Array(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('toJsonSafe', () => {
  it('normalises negative zero', () => {
    expect(Object.is(toJsonSafe(-0), 0)).toBe(true);
  });

  it('converts bigint, typed arrays and non-finite numbers', () => {
    expect(
      toJsonSafe({
        stamp: 12345678901234567890n,
        ranges: new Float32Array([1.5, Infinity, -Infinity, NaN]),
        ids: new BigUint64Array([1n, 2n]),
        raw: new Uint8Array([1, 2, 255]).buffer,
        view: new DataView(new Uint8Array([9, 8, 7]).buffer, 1, 2),
        when: new Date('2024-01-02T03:04:05.000Z'),
        tags: new Set(['a']),
        map: new Map<unknown, unknown>([[1, 'one']]),
        error: Object.assign(new Error('bad'), { code: 'OMNI_ERR_X' }),
        skip: undefined,
        fn: () => 1,
      }),
    ).toEqual({
      stamp: '12345678901234567890',
      ranges: [1.5, 'Infinity', '-Infinity', 'NaN'],
      ids: ['1', '2'],
      raw: [1, 2, 255],
      view: [8, 7],
      when: '2024-01-02T03:04:05.000Z',
      tags: ['a'],
      map: { '1': 'one' },
      error: { name: 'Error', message: 'bad', code: 'OMNI_ERR_X' },
    });
  });

  it('marks cycles instead of recursing forever, but keeps shared non-cyclic references', () => {
    const shared = { x: 1 };
    const loop: Record<string, unknown> = { shared, again: shared };
    loop['self'] = loop;
    expect(toJsonSafe(loop)).toEqual({ shared: { x: 1 }, again: { x: 1 }, self: '[Circular]' });
  });

  it('keeps a __proto__ key as data and never changes a prototype', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown;
    const output = toJsonSafe(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(output)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });

  it('always yields a value that survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const safe = toJsonSafe(value);
        expect(Object.is(JSON.parse(JSON.stringify(safe)), safe) || typeof safe === 'object').toBe(true);
        expect(JSON.parse(JSON.stringify(safe))).toStrictEqual(safe);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const once = toJsonSafe(value);
        expect(toJsonSafe(once)).toEqual(once);
      }),
    );
  });

  it('leaves plain JSON data as it is', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // JSON.parse(JSON.stringify()) normalises -0 to 0, as the endpoint's wire format does.
        const normal = JSON.parse(JSON.stringify(value)) as unknown;
        expect(toJsonSafe(normal)).toEqual(normal);
      }),
    );
  });
});
