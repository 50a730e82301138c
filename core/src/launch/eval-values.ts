/**
 * A value inside a `$(eval ...)` expression, with Python's types: `bigint` is an int (exact, any
 * size), `number` a float, `null` is None.
 */
export type EvalValue = bigint | number | string | boolean | null;

/** Raised for an expression that cannot be computed; the caller adds the location. */
export class EvalProblem extends Error {}

// Keeps `2 ** 10**9` from allocating gigabytes: no int result may exceed this many bits.
const MAX_INT_BITS = 65_536n;

/** The text Python's `str()` gives for a value: `True`, `3`, `2.0`, `1e+16`, `None`. */
export function pythonStr(value: EvalValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value === null) return 'None';
  return pythonFloatRepr(value);
}

/** Formats a float as Python's `repr` does (shortest round-trip digits, `.0` on whole numbers). */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = x < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${m}e${exponent < 0 ? '-' : '+'}${e}`;
  }
  if (exponent >= digits.length - 1) return `${sign}${digits}${'0'.repeat(exponent - digits.length + 1)}.0`;
  if (exponent >= 0) return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

/** Python truthiness. */
export function truthy(value: EvalValue): boolean {
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value === true;
}

function typeName(value: EvalValue): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float';
  if (typeof value === 'boolean') return 'bool';
  return 'NoneType';
}

/** A number operand (bools count as ints, as in Python), or `undefined` for a non-number. */
function numeric(value: EvalValue): bigint | number | undefined {
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'bigint' || typeof value === 'number') return value;
  return undefined;
}

function bitLength(n: bigint): bigint {
  return BigInt((n < 0n ? -n : n).toString(2).length);
}

function checkFloat(result: number, a: number, b: number): number {
  if (!Number.isFinite(result) && Number.isFinite(a) && Number.isFinite(b)) {
    throw new EvalProblem('numerical result out of range');
  }
  return result;
}

/** Applies a unary operator (`-`, `+`, `not`). */
export function unaryOp(op: string, value: EvalValue): EvalValue {
  if (op === 'not') return !truthy(value);
  const n = numeric(value);
  if (n === undefined) throw new EvalProblem(`bad operand type for unary ${op}: '${typeName(value)}'`);
  return op === '-' ? -n : n;
}

/** Applies an arithmetic operator (`+ - * / // % **`) with Python's int/float rules. */
export function arithmetic(op: string, left: EvalValue, right: EvalValue): EvalValue {
  if (op === '+' && typeof left === 'string' && typeof right === 'string') return left + right;
  const a = numeric(left);
  const b = numeric(right);
  if (a === undefined || b === undefined) {
    throw new EvalProblem(`unsupported operand types for ${op}: '${typeName(left)}' and '${typeName(right)}'`);
  }
  if (typeof a === 'bigint' && typeof b === 'bigint') return intArithmetic(op, a, b);
  return floatArithmetic(op, Number(a), Number(b));
}

function intArithmetic(op: string, a: bigint, b: bigint): bigint | number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      if (bitLength(a) + bitLength(b) > MAX_INT_BITS) throw new EvalProblem('integer result too large');
      return a * b;
    case '/':
      if (b === 0n) throw new EvalProblem('division by zero');
      return checkFloat(Number(a) / Number(b), Number(a), Number(b));
    case '//': {
      if (b === 0n) throw new EvalProblem('integer division by zero');
      const q = a / b;
      return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
    }
    case '%': {
      if (b === 0n) throw new EvalProblem('integer modulo by zero');
      return ((a % b) + b) % b;
    }
    case '**':
      if (b < 0n) return floatArithmetic('**', Number(a), Number(b));
      if (a !== 0n && a !== 1n && a !== -1n && bitLength(a) * b > MAX_INT_BITS) {
        throw new EvalProblem('integer result too large');
      }
      return a ** b;
    default:
      throw new EvalProblem(`unknown operator '${op}'`);
  }
}

function floatArithmetic(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return checkFloat(a + b, a, b);
    case '-':
      return checkFloat(a - b, a, b);
    case '*':
      return checkFloat(a * b, a, b);
    case '/':
      if (b === 0) throw new EvalProblem('float division by zero');
      return checkFloat(a / b, a, b);
    case '//':
      if (b === 0) throw new EvalProblem('float floor division by zero');
      return Math.floor(a / b);
    case '%':
      if (b === 0) throw new EvalProblem('float modulo by zero');
      return a - b * Math.floor(a / b);
    case '**':
      if (a < 0 && !Number.isInteger(b)) throw new EvalProblem('negative number raised to a fractional power');
      if (a === 0 && b < 0) throw new EvalProblem('0.0 cannot be raised to a negative power');
      return checkFloat(a ** b, a, b);
    default:
      throw new EvalProblem(`unknown operator '${op}'`);
  }
}

/** Applies a comparison (`== != < <= > >=`); ordering between unlike types is an error, as in Python. */
export function compare(op: string, left: EvalValue, right: EvalValue): boolean {
  const a = numeric(left);
  const b = numeric(right);
  if (op === '==' || op === '!=') {
    let equal: boolean;
    if (a !== undefined && b !== undefined) equal = numericCompare(a, b) === 0;
    else equal = left === right;
    return op === '==' ? equal : !equal;
  }
  let order: number;
  if (a !== undefined && b !== undefined) order = numericCompare(a, b);
  else if (typeof left === 'string' && typeof right === 'string') order = left < right ? -1 : left > right ? 1 : 0;
  else throw new EvalProblem(`'${op}' not supported between '${typeName(left)}' and '${typeName(right)}'`);
  if (Number.isNaN(order)) return false;
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    default:
      throw new EvalProblem(`unknown comparison '${op}'`);
  }
}

function numericCompare(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  return x < y ? -1 : x > y ? 1 : 0;
}
