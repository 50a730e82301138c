import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSubstitutions, type SubstitutionPart } from './substitution-parser.js';

function parts(text: string): readonly SubstitutionPart[] {
  const result = parseSubstitutions(text);
  if (!result.ok) throw new Error(`unexpected failure: ${result.message}`);
  return result.parts;
}

/** Writes parts back as text, quoting every argument so the result parses to the same parts. */
function print(ps: readonly SubstitutionPart[], quoted = false): string {
  return ps
    .map((p) => {
      if (p.kind === 'text') return quoted ? p.text.replace(/\\/g, '\\\\').replace(/'/g, "\\'") : p.text;
      const args = p.args.map((a) => ` '${print(a, true)}'`).join('');
      return `$(${p.name}${args})`;
    })
    .join('');
}

describe('parseSubstitutions', () => {
  it('keeps plain text as one part', () => {
    expect(parts('hello world')).toEqual([{ kind: 'text', text: 'hello world' }]);
  });

  it('splits text and substitutions, with offsets', () => {
    expect(parts('a$(var x)b')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'call', name: 'var', args: [[{ kind: 'text', text: 'x' }]], start: 1 },
      { kind: 'text', text: 'b' },
    ]);
  });

  it('separates arguments by spaces and honours quotes', () => {
    const [call] = parts(`$(env HOME '/a b' "c d")`);
    expect(call).toMatchObject({
      name: 'env',
      args: [[{ text: 'HOME' }], [{ text: '/a b' }], [{ text: 'c d' }]],
    });
  });

  it('keeps an empty quoted argument', () => {
    expect(parts(`$(env X '')`)[0]).toMatchObject({ args: [[{ text: 'X' }], [{ text: '' }]] });
  });

  it('nests substitutions in arguments and in quotes', () => {
    const [call] = parts(`$(var $(var name))`);
    expect(call).toMatchObject({ name: 'var', args: [[{ kind: 'call', name: 'var', start: 6 }]] });
    const [quoted] = parts(`$(eval '$(var a) + 1')`);
    expect(quoted).toMatchObject({
      args: [
        [
          { kind: 'call', name: 'var' },
          { kind: 'text', text: ' + 1' },
        ],
      ],
    });
  });

  it('lets balanced parentheses sit inside an unquoted argument', () => {
    expect(parts('$(eval (1+2)*3)')[0]).toMatchObject({ args: [[{ text: '(1+2)*3' }]] });
  });

  it('accepts names with dashes and takes no arguments', () => {
    expect(parts('$(find-pkg-share pkg)/x')[0]).toMatchObject({ name: 'find-pkg-share' });
    expect(parts('$(dirname)')[0]).toMatchObject({ name: 'dirname', args: [] });
  });

  it.each([
    ['$(var x', 0, 'never closed'],
    ['ab$(', 4, 'expected a substitution name'],
    ['$(1x)', 2, 'expected a substitution name'],
    ['$(var.x)', 5, "expected a space or ')'"],
    ["$(env 'abc)", 6, 'unterminated'],
  ])('reports %s at offset %i', (text, offset, message) => {
    const result = parseSubstitutions(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.offset).toBe(offset);
      expect(result.message).toContain(message);
    }
  });

  it('rejects absurd nesting instead of overflowing the stack', () => {
    const deep = '$(var '.repeat(200) + 'x' + ')'.repeat(200);
    const result = parseSubstitutions(deep);
    expect(result.ok).toBe(false);
  });

  it('never throws on any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '(', ')', "'", '"', '\\', ' ', 'a', 'v', '-') }), (text) => {
        const result = parseSubstitutions(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('returns text without "$(" unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('$(')),
        (text) => {
          const ps = parts(text);
          expect(ps.map((p) => (p.kind === 'text' ? p.text : '')).join('')).toBe(text);
        },
      ),
    );
  });

  it('parses printed structures back to the same structure (property)', () => {
    const text = fc
      .string({ unit: fc.constantFrom('a', 'b', ' ', "'", '\\', '/', '.') })
      .filter((s) => !s.includes('$('));
    const tree = fc.letrec<{ part: SubstitutionPart; list: SubstitutionPart[] }>((tie) => ({
      part: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text.map((t) => ({ kind: 'text' as const, text: t })),
        fc.record({
          kind: fc.constant('call' as const),
          name: fc.constantFrom('var', 'env', 'find-pkg-share'),
          args: fc.array(tie('list'), { maxLength: 3 }),
          start: fc.constant(0),
        }),
      ),
      list: fc.array(tie('part'), { maxLength: 3 }),
    })).list;
    const normalize = (ps: readonly SubstitutionPart[], inArg: boolean): unknown[] => {
      const out: unknown[] = [];
      for (const p of ps) {
        if (p.kind === 'text') {
          if (p.text === '') continue;
          const last = out[out.length - 1] as { text?: string } | undefined;
          if (last && typeof last.text === 'string') last.text += p.text;
          else out.push({ text: p.text });
        } else {
          out.push({ name: p.name, args: p.args.map((a) => normalize(a, true)) });
        }
      }
      return inArg && out.length === 0 ? [] : out;
    };
    fc.assert(
      fc.property(tree, (ps) => {
        const printed = print(ps);
        expect(normalize(parts(printed), false)).toEqual(normalize(ps, false));
      }),
    );
  });
});
