/** Literal text between substitutions. */
export interface TextPart {
  readonly kind: 'text';
  readonly text: string;
}

/** One `$(name arg ...)` substitution; each argument is itself text and nested substitutions. */
export interface SubstitutionCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly (readonly SubstitutionPart[])[];
  /** Offset of the `$(` in the parsed string. */
  readonly start: number;
}

/** A piece of a string that may hold substitutions. */
export type SubstitutionPart = TextPart | SubstitutionCall;

/** Outcome of {@link parseSubstitutions}: the parts, or what is wrong and where. */
export type SubstitutionParse =
  | { readonly ok: true; readonly parts: readonly SubstitutionPart[] }
  | { readonly ok: false; readonly message: string; readonly offset: number };

class SyntaxProblem {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const NAME = /[A-Za-z][A-Za-z0-9_-]*/y;
const MAX_NESTING = 32;

/** True when `text` contains something that looks like a substitution. */
export function hasSubstitution(text: string): boolean {
  return text.includes('$(');
}

/**
 * Splits a launch-file string into literal text and `$(name args...)` substitutions, the way the
 * ROS 2 launch front ends do: arguments are separated by spaces, may be quoted with `'` or `"`
 * (a backslash escapes a quote or a backslash inside quotes), and may hold nested substitutions.
 * Unquoted parentheses inside an argument must balance, so `$(eval (1 + 2) * 3)` works.
 */
export function parseSubstitutions(text: string): SubstitutionParse {
  try {
    const parts: SubstitutionPart[] = [];
    let literal = '';
    let i = 0;
    while (i < text.length) {
      if (text.startsWith('$(', i)) {
        if (literal) parts.push({ kind: 'text', text: literal });
        literal = '';
        const [call, next] = parseCall(text, i, 0);
        parts.push(call);
        i = next;
      } else {
        literal += text[i];
        i += 1;
      }
    }
    if (literal) parts.push({ kind: 'text', text: literal });
    return { ok: true, parts };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

function parseCall(text: string, start: number, depth: number): [SubstitutionCall, number] {
  if (depth >= MAX_NESTING) throw new SyntaxProblem(`substitutions nest deeper than ${MAX_NESTING} levels`, start);
  NAME.lastIndex = start + 2;
  const match = NAME.exec(text);
  if (!match) throw new SyntaxProblem("expected a substitution name after '$('", start + 2);
  const name = match[0];
  let i = start + 2 + name.length;
  const after = text[i];
  if (after !== undefined && after !== ')' && !isSpace(after)) {
    throw new SyntaxProblem(`expected a space or ')' after '$(${name}'`, i);
  }
  const args: SubstitutionPart[][] = [];
  for (;;) {
    while (i < text.length && isSpace(text[i] ?? '')) i += 1;
    if (i >= text.length) throw new SyntaxProblem(`'$(${name}' is never closed with ')'`, start);
    if (text[i] === ')') return [{ kind: 'call', name, args, start }, i + 1];
    const [arg, next] = parseArgument(text, i, start, name, depth);
    args.push(arg);
    i = next;
  }
}

function parseArgument(
  text: string,
  begin: number,
  callStart: number,
  callName: string,
  depth: number,
): [SubstitutionPart[], number] {
  const parts: SubstitutionPart[] = [];
  let literal = '';
  let parens = 0;
  let i = begin;
  const flush = (): void => {
    if (literal) parts.push({ kind: 'text', text: literal });
    literal = '';
  };
  for (;;) {
    const c = text[i];
    if (c === undefined) throw new SyntaxProblem(`'$(${callName}' is never closed with ')'`, callStart);
    if (text.startsWith('$(', i)) {
      flush();
      const [call, next] = parseCall(text, i, depth + 1);
      parts.push(call);
      i = next;
    } else if (c === "'" || c === '"') {
      const close = scanQuoted(
        text,
        i,
        c,
        depth,
        parts,
        (s) => {
          literal += s;
        },
        flush,
      );
      i = close;
    } else if (isSpace(c) && parens === 0) {
      break;
    } else if (c === ')' && parens === 0) {
      break;
    } else {
      if (c === '(') parens += 1;
      if (c === ')') parens -= 1;
      literal += c;
      i += 1;
    }
  }
  flush();
  // An argument written as '' is an empty string, not a missing argument.
  if (parts.length === 0) parts.push({ kind: 'text', text: '' });
  return [parts, i];
}

function scanQuoted(
  text: string,
  open: number,
  quote: string,
  depth: number,
  parts: SubstitutionPart[],
  append: (s: string) => void,
  flush: () => void,
): number {
  let i = open + 1;
  for (;;) {
    const c = text[i];
    if (c === undefined) throw new SyntaxProblem(`unterminated ${quote} quote`, open);
    if (c === quote) return i + 1;
    if (c === '\\' && (text[i + 1] === quote || text[i + 1] === '\\')) {
      append(text[i + 1] ?? '');
      i += 2;
    } else if (text.startsWith('$(', i)) {
      flush();
      const [call, next] = parseCall(text, i, depth + 1);
      parts.push(call);
      i = next;
    } else {
      append(c);
      i += 1;
    }
  }
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}
