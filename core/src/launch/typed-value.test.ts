import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerceSubstitutedText, parseBooleanText } from './typed-value.js';

describe('coerceSubstitutedText', () => {
  it.each([
    ['30', 30],
    ['-2.5', -2.5],
    ['1e3', 1000],
    ['true', true],
    ['False', false],
    ['hello', 'hello'],
    ["'30'", '30'],
    ['[1, 2, 3]', [1, 2, 3]],
    ['[a, true]', ['a', true]],
    ['a: b', 'a: b'],
    ['', ''],
    ['[[1]]', '[[1]]'],
    ['{x: 1}', '{x: 1}'],
    ['@bad', '@bad'],
    ['*alias', '*alias'],
  ])('%j → %j', (text, value) => {
    expect(coerceSubstitutedText(text)).toEqual(value);
  });

  it('returns a scalar or a list of scalars for any text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const value = coerceSubstitutedText(text);
        const scalar = (v: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof v);
        expect(scalar(value) || (Array.isArray(value) && value.every(scalar))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseBooleanText', () => {
  it('accepts true/false/1/0 in any case', () => {
    expect(['true', 'TRUE', ' True ', '1'].map(parseBooleanText)).toEqual([true, true, true, true]);
    expect(['false', 'FaLsE', '0'].map(parseBooleanText)).toEqual([false, false, false]);
    expect(['yes', 'maybe', '', '2'].map(parseBooleanText)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
