import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './eval-expression.js';
import { EvalProblem, pythonFloatRepr, pythonStr } from './eval-values.js';

const run = (source: string): string => pythonStr(evaluateExpression(source));

describe('evaluateExpression', () => {
  it.each([
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['7 / 2', '3.5'],
    ['4 / 2', '2.0'],
    ['7 // 2', '3'],
    ['-7 // 2', '-4'],
    ['-7 % 3', '2'],
    ['7 % -3', '-2'],
    ['7.5 // 2', '3.0'],
    ['2 ** 3 ** 2', '512'],
    ['-2 ** 2', '-4'],
    ['2 ** -1', '0.5'],
    ['2 ** 100', '1267650600228229401496703205376'],
    ['0.1 + 0.2', '0.30000000000000004'],
    ['1e16', '1e+16'],
    ['1.5e-5', '1.5e-05'],
    ['10 / 4 * 2', '5.0'],
    ['True + 1', '2'],
    ["'sim' + '_' + 'mode'", 'sim_mode'],
    ['"a\\tb"', 'a\tb'],
    ['1 < 2 < 3', 'True'],
    ['3 > 2 > 2', 'False'],
    ['1 == 1.0', 'True'],
    ["'a' < 'b'", 'True'],
    ["'1' == 1", 'False'],
    ['not 0', 'True'],
    ['not (1 and 0)', 'True'],
    ['0 or 5', '5'],
    ['2 and 3', '3'],
    ["'' or 'fallback'", 'fallback'],
    ['None', 'None'],
    ['true and false', 'False'],
    ['1 == 1 and 2 > 1 or 1 / 0', 'True'],
    ['False and 1 / 0', 'False'],
  ])('%s → %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each([
    ['1 / 0', 'division by zero'],
    ['1 % 0', 'modulo by zero'],
    ["'a' + 1", 'unsupported operand types'],
    ["'a' < 1", 'not supported between'],
    ["-'a'", 'bad operand type'],
    ['foo', "unknown name 'foo'"],
    ['__import__("os")', "unknown name '__import__'"],
    ['1 +', 'unexpected end of expression'],
    ['(1', "expected ')'"],
    ['1 2', 'unexpected value'],
    ["'abc", 'unterminated string'],
    ['1 @ 2', "unexpected character '@'"],
    ['', 'empty expression'],
    ['2 ** 100000000', 'too large'],
    ['(-8) ** 0.5', 'fractional power'],
    ['1e308 * 10', 'out of range'],
  ])('%s fails: %s', (source, message) => {
    expect(() => evaluateExpression(source)).toThrow(EvalProblem);
    expect(() => evaluateExpression(source)).toThrow(message);
  });

  it('rejects deep nesting and very long input instead of overflowing', () => {
    expect(() => evaluateExpression('('.repeat(500) + '1' + ')'.repeat(500))).toThrow(EvalProblem);
    expect(() => evaluateExpression('-'.repeat(500) + '1')).toThrow(EvalProblem);
    expect(() => evaluateExpression('1+'.repeat(6000) + '1')).toThrow(EvalProblem);
  });

  it('computes int arithmetic exactly, as Python does (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        (a, b) => {
          const lit = (n: bigint): string => (n < 0n ? `(${n})` : `${n}`);
          expect(evaluateExpression(`${lit(a)} + ${lit(b)} * 2`)).toBe(a + b * 2n);
          if (b !== 0n) {
            const q = evaluateExpression(`${lit(a)} // ${lit(b)}`) as bigint;
            const r = evaluateExpression(`${lit(a)} % ${lit(b)}`) as bigint;
            expect(q * b + r).toBe(a);
            if (r !== 0n) expect(r < 0n).toBe(b < 0n);
          }
        },
      ),
    );
  });

  it('only ever fails with EvalProblem (property)', () => {
    const unit = fc.constantFrom(
      '1',
      '2',
      '.',
      'e',
      '+',
      '-',
      '*',
      '/',
      '%',
      '(',
      ')',
      ' ',
      "'",
      'a',
      'n',
      'd',
      'o',
      'r',
      'T',
      '=',
      '<',
      '!',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (source) => {
        try {
          evaluateExpression(source);
        } catch (error) {
          expect(error).toBeInstanceOf(EvalProblem);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('pythonFloatRepr', () => {
  it.each([
    [2, '2.0'],
    [0.1, '0.1'],
    [-0.0001, '-0.0001'],
    [0.00001, '1e-05'],
    [123456789012345680, '1.2345678901234568e+17'],
    [1e22, '1e+22'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NaN, 'nan'],
    [-0, '-0.0'],
  ])('%d → %s', (value, text) => {
    expect(pythonFloatRepr(value)).toBe(text);
  });

  it('round-trips every finite double and always looks like a float (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = pythonFloatRepr(x);
        expect(Number(text)).toBe(x === 0 ? Number(text) : x);
        expect(text).toMatch(/[.e]/);
      }),
      { numRuns: 5000 },
    );
  });
});
