import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeedList } from './seed-list.js';

describe('--seeds', () => {
  it('reads ranges, lists and both', () => {
    expect(parseSeedList('1..5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseSeedList('1,2,7')).toEqual([1, 2, 7]);
    expect(parseSeedList('0..2, 10')).toEqual([0, 1, 2, 10]);
    expect(parseSeedList('4')).toEqual([4]);
    expect(parseSeedList('3..3')).toEqual([3]);
  });

  it('rejects bad ranges and values with a usage error', () => {
    const cases: [string, RegExp][] = [
      ['5..1', /range 5\.\.1 goes down; write 1\.\.5/],
      ['1..', /'' is not a seed/],
      ['..3', /'' is not a seed/],
      ['1...3', /'.3' is not a seed|not a range/],
      ['1..2..3', /'1\.\.2\.\.3' is not a range a\.\.b/],
      ['-1', /'-1' is not a seed/],
      ['1.5', /'1\.5' is not a seed/],
      ['a', /'a' is not a seed/],
      ['', /empty entry/],
      ['1,,2', /empty entry/],
      ['1..3,2', /seed 2 is listed twice/],
      ['0..100000', /more than 100000 seeds/],
      ['99999999999999999999', /too large/],
    ];
    for (const [spec, message] of cases)
      expect(() => parseSeedList(spec), spec).toThrow(
        expect.objectContaining({ code: 'OMNI_ERR_SIM_USAGE', message: expect.stringMatching(message) }),
      );
  });

  it('reads back any list of disjoint ranges it is given (property)', () => {
    const ranges = fc
      .uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 })
      .chain((starts) =>
        fc.tuple(
          ...starts.sort((a, b) => a - b).map((start) => fc.tuple(fc.constant(start), fc.integer({ min: 0, max: 3 }))),
        ),
      )
      .map((pairs) => {
        // Keep ranges apart so that none overlaps the next.
        const out: [number, number][] = [];
        for (const [start, length] of pairs) {
          const previous = out[out.length - 1];
          if (previous && start <= previous[1]) continue;
          out.push([start, start + length]);
        }
        return out;
      });
    fc.assert(
      fc.property(ranges, fc.boolean(), (list, spaced) => {
        const spec = list.map(([a, b]) => (a === b ? `${a}` : `${a}..${b}`)).join(spaced ? ', ' : ',');
        const expected = list.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
        expect(parseSeedList(spec)).toEqual(expected);
      }),
    );
  });

  it('never throws anything but a usage error on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (spec) => {
        try {
          parseSeedList(spec);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('OMNI_ERR_SIM_USAGE');
        }
      }),
    );
  });
});
