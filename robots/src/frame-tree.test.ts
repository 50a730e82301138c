import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCycle, orderFrameTree } from './frame-tree.js';

const edge = (name: string, parent: string) => ({ name, parent });

describe('frame tree', () => {
  it('orders breadth-first from the root, siblings in input order', () => {
    const result = orderFrameTree('r', [edge('c', 'b'), edge('b', 'r'), edge('a', 'r'), edge('d', 'a')]);
    expect(result).toEqual({ ok: true, frames: [edge('b', 'r'), edge('a', 'r'), edge('c', 'b'), edge('d', 'a')] });
  });

  it('finds duplicates, a redefined root, unknown parents and cycles, in that order', () => {
    expect(orderFrameTree('r', [edge('a', 'x'), edge('a', 'r')])).toEqual({
      ok: false,
      problem: { kind: 'duplicate', index: 1, firstIndex: 0 },
    });
    expect(orderFrameTree('r', [edge('a', 'x'), edge('r', 'a')])).toEqual({
      ok: false,
      problem: { kind: 'root-redefined', index: 1 },
    });
    expect(orderFrameTree('r', [edge('a', 'r'), edge('b', 'x')])).toEqual({
      ok: false,
      problem: { kind: 'unknown-parent', index: 1 },
    });
    expect(
      orderFrameTree('r', [edge('a', 'r'), edge('z', 'y'), edge('x', 'z'), edge('y', 'x'), edge('w', 'x')]),
    ).toEqual({
      ok: false,
      problem: { kind: 'cycle', index: 1, cycle: ['z', 'y', 'x'] },
    });
    expect(describeCycle(['z', 'y', 'x'])).toBe('z -> y -> x -> z');
  });

  it('orders any tree parents first and keeps every frame (property)', () => {
    const trees = fc.array(fc.nat(), { maxLength: 30 }).chain((parents) =>
      fc.shuffledSubarray(
        parents.map((p, i) => edge(`f${i}`, p % (i + 1) === 0 ? 'r' : `f${p % i}`)),
        { minLength: parents.length, maxLength: parents.length },
      ),
    );
    fc.assert(
      fc.property(trees, (frames) => {
        const result = orderFrameTree('r', frames);
        if (!result.ok) throw new Error(`unexpected ${result.problem.kind}`);
        expect(result.frames).toHaveLength(frames.length);
        const seen = new Set(['r']);
        for (const frame of result.frames) {
          expect(seen.has(frame.parent)).toBe(true);
          seen.add(frame.name);
        }
      }),
    );
  });

  it('finds a cycle in any list where every frame points to another non-root frame (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (parents) => {
        const frames = parents.map((p, i) => edge(`f${i}`, `f${p % parents.length}`));
        const result = orderFrameTree('r', frames);
        expect(result.ok).toBe(false);
        if (result.ok || result.problem.kind !== 'cycle') throw new Error('expected a cycle');
        const { cycle } = result.problem;
        cycle.forEach((name, i) => {
          const next = cycle[(i + 1) % cycle.length];
          expect(frames.find((f) => f.name === name)?.parent).toBe(next);
        });
      }),
    );
  });
});
