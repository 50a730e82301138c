import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerceValue, convertLiteral, parseRemap } from './ports.js';

describe('ports', () => {
  it('parses {key}, {=} and {@key}, and treats everything else as a literal', () => {
    expect(parseRemap('{goal}', 'target')).toBe('goal');
    expect(parseRemap(' {=} ', 'target')).toBe('target');
    expect(parseRemap('{@mission}', 'm')).toBe('@mission');
    expect(parseRemap('{"a":1}', 'p')).toBeUndefined();
    expect(parseRemap('x{goal}', 'p')).toBeUndefined();
    expect(parseRemap('{}', 'p')).toBeUndefined();
  });

  it('converts literals by type', () => {
    expect(convertLiteral('2.5', 'number')).toEqual({ ok: true, value: 2.5 });
    expect(convertLiteral('-1', 'number')).toEqual({ ok: true, value: -1 });
    expect(convertLiteral('0x10', 'number')).toEqual({ ok: true, value: 16 });
    expect(convertLiteral('1e3', 'number')).toEqual({ ok: true, value: 1000 });
    expect(convertLiteral('', 'number').ok).toBe(false);
    expect(convertLiteral('12abc', 'number').ok).toBe(false);
    expect(convertLiteral('TRUE', 'boolean')).toEqual({ ok: true, value: true });
    expect(convertLiteral('0', 'boolean')).toEqual({ ok: true, value: false });
    expect(convertLiteral('yes', 'boolean').ok).toBe(false);
    expect(convertLiteral('{"x":1,"y":[2]}', 'json')).toEqual({ ok: true, value: { x: 1, y: [2] } });
    expect(convertLiteral('{x:1}', 'json').ok).toBe(false);
    expect(convertLiteral(' 42 ', 'string')).toEqual({ ok: true, value: ' 42 ' });
  });

  it('round-trips every finite number through its text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const converted = convertLiteral(String(n), 'number');
        expect(converted).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
    );
  });

  it('checks blackboard values: strings convert, other types must match', () => {
    expect(coerceValue('3', 'number')).toEqual({ ok: true, value: 3 });
    expect(coerceValue(3, 'number')).toEqual({ ok: true, value: 3 });
    expect(coerceValue(true, 'number').ok).toBe(false);
    expect(coerceValue(null, 'string').ok).toBe(false);
    expect(coerceValue({ a: 1 }, 'json')).toEqual({ ok: true, value: { a: 1 } });
  });
});
