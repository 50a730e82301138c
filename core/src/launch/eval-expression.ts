import { EvalProblem, arithmetic, compare, truthy, unaryOp, type EvalValue } from './eval-values.js';

type Token =
  | { readonly kind: 'value'; readonly value: EvalValue; readonly at: number }
  | { readonly kind: 'op'; readonly op: string; readonly at: number }
  | { readonly kind: 'name'; readonly name: string; readonly at: number }
  | { readonly kind: 'end'; readonly at: number };

type Expr =
  | { readonly kind: 'literal'; readonly value: EvalValue }
  | { readonly kind: 'unary'; readonly op: string; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'logic'; readonly op: 'and' | 'or'; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'compare'; readonly first: Expr; readonly rest: readonly (readonly [string, Expr])[] };

const MAX_LENGTH = 10_000;
const MAX_DEPTH = 100;
const OPERATORS = ['**', '//', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '(', ')'];
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const CONSTANTS: ReadonlyMap<string, EvalValue> = new Map<string, EvalValue>([
  ['True', true],
  ['False', false],
  ['true', true],
  ['false', false],
  ['None', null],
]);
const NUMBER = /(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
};

/**
 * Evaluates the small Python-like language of `$(eval ...)`: int, float, string and bool literals
 * (`True`/`False`, also lower case), `None`, `+ - * / // % **`, comparisons (chainable),
 * `and`/`or`/`not` and parentheses. Nothing else: no names, calls or attributes, so an
 * expression cannot reach the host. Throws {@link EvalProblem} with a human-readable reason.
 *
 * @example evaluateExpression("2 * 3 > 5 and 'sim' == 'sim'") // true
 */
export function evaluateExpression(source: string): EvalValue {
  if (source.length > MAX_LENGTH) throw new EvalProblem(`expression is longer than ${MAX_LENGTH} characters`);
  const parser = new Parser(tokenize(source), source);
  const expr = parser.parseAll();
  return evaluate(expr);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = /[0-9.]/.test(c) ? NUMBER.exec(source) : null;
    if (number) {
      const text = number[0];
      const isInt = /^\d+$/.test(text);
      tokens.push({ kind: 'value', value: isInt ? BigInt(text) : Number(text), at: i });
      i += text.length;
      continue;
    }
    if (c === "'" || c === '"') {
      const [value, next] = readString(source, i, c);
      tokens.push({ kind: 'value', value, at: i });
      i = next;
      continue;
    }
    IDENT.lastIndex = i;
    const ident = IDENT.exec(source);
    if (ident) {
      const name = ident[0];
      if (name === 'and' || name === 'or' || name === 'not') tokens.push({ kind: 'op', op: name, at: i });
      else if (CONSTANTS.has(name)) tokens.push({ kind: 'value', value: CONSTANTS.get(name) ?? null, at: i });
      else tokens.push({ kind: 'name', name, at: i });
      i += name.length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) throw new EvalProblem(`unexpected character '${c}' at position ${i + 1}`);
    tokens.push({ kind: 'op', op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}

function readString(source: string, open: number, quote: string): [string, number] {
  let out = '';
  let i = open + 1;
  for (;;) {
    const c = source[i];
    if (c === undefined) throw new EvalProblem(`unterminated string starting at position ${open + 1}`);
    if (c === quote) return [out, i + 1];
    if (c === '\\' && i + 1 < source.length) {
      const next = source[i + 1] ?? '';
      out += ESCAPES[next] ?? `\\${next}`;
      i += 2;
    } else {
      out += c;
      i += 1;
    }
  }
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
  ) {}

  parseAll(): Expr {
    if (this.peek().kind === 'end') throw new EvalProblem('empty expression');
    const expr = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'end') throw new EvalProblem(`unexpected ${describe(rest)} at position ${rest.at + 1}`);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: 'end', at: this.source.length };
  }

  private isOp(...ops: string[]): string | undefined {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.op) ? t.op : undefined;
  }

  private nested<T>(parse: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw new EvalProblem(`expression nests deeper than ${MAX_DEPTH} levels`);
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isOp('or')) {
      this.index += 1;
      left = { kind: 'logic', op: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isOp('and')) {
      this.index += 1;
      left = { kind: 'logic', op: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isOp('not')) {
      this.index += 1;
      return this.nested(() => ({ kind: 'unary', op: 'not', operand: this.parseNot() }));
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const first = this.parseSum();
    const rest: [string, Expr][] = [];
    for (let op = this.isOp(...COMPARISONS); op; op = this.isOp(...COMPARISONS)) {
      this.index += 1;
      rest.push([op, this.parseSum()]);
    }
    return rest.length === 0 ? first : { kind: 'compare', first, rest };
  }

  private parseSum(): Expr {
    let left = this.parseTerm();
    for (let op = this.isOp('+', '-'); op; op = this.isOp('+', '-')) {
      this.index += 1;
      left = { kind: 'binary', op, left, right: this.parseTerm() };
    }
    return left;
  }

  private parseTerm(): Expr {
    let left = this.parseFactor();
    for (let op = this.isOp('*', '/', '//', '%'); op; op = this.isOp('*', '/', '//', '%')) {
      this.index += 1;
      left = { kind: 'binary', op, left, right: this.parseFactor() };
    }
    return left;
  }

  private parseFactor(): Expr {
    const op = this.isOp('+', '-');
    if (op) {
      this.index += 1;
      return this.nested(() => ({ kind: 'unary', op, operand: this.parseFactor() }));
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parseAtom();
    if (!this.isOp('**')) return base;
    this.index += 1;
    // Right-associative and binds tighter than a unary minus on its left: -2 ** 2 == -4.
    return this.nested(() => ({ kind: 'binary', op: '**', left: base, right: this.parseFactor() }));
  }

  private parseAtom(): Expr {
    const t = this.peek();
    if (t.kind === 'value') {
      this.index += 1;
      return { kind: 'literal', value: t.value };
    }
    if (t.kind === 'op' && t.op === '(') {
      this.index += 1;
      const inner = this.nested(() => this.parseOr());
      if (!this.isOp(')')) throw new EvalProblem(`expected ')' at position ${this.peek().at + 1}`);
      this.index += 1;
      return inner;
    }
    if (t.kind === 'name') {
      throw new EvalProblem(
        `unknown name '${t.name}' at position ${t.at + 1} (write text as a quoted string, e.g. '${t.name}')`,
      );
    }
    throw new EvalProblem(`unexpected ${describe(t)} at position ${t.at + 1}`);
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'end of expression';
    case 'op':
      return `'${token.op}'`;
    case 'name':
      return `name '${token.name}'`;
    default:
      return 'value';
  }
}

function evaluate(expr: Expr): EvalValue {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'unary':
      return unaryOp(expr.op, evaluate(expr.operand));
    case 'binary':
      return arithmetic(expr.op, evaluate(expr.left), evaluate(expr.right));
    case 'logic': {
      const left = evaluate(expr.left);
      // Python returns the deciding operand itself, and skips the right side when the left decides.
      if (expr.op === 'and') return truthy(left) ? evaluate(expr.right) : left;
      return truthy(left) ? left : evaluate(expr.right);
    }
    case 'compare': {
      let left = evaluate(expr.first);
      for (const [op, rightExpr] of expr.rest) {
        const right = evaluate(rightExpr);
        if (!compare(op, left, right)) return false;
        left = right;
      }
      return true;
    }
  }
}
