import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NdjsonLineSplitter } from './ndjson-decoder.js';

describe('NdjsonLineSplitter', () => {
  it('returns lines only once their newline has arrived', () => {
    const splitter = new NdjsonLineSplitter();
    expect(splitter.push('{"a":')).toEqual([]);
    expect(splitter.push('1}\n{"b"')).toEqual(['{"a":1}']);
    expect(splitter.rest).toBe('{"b"');
    expect(splitter.push(':2}\r\n\n')).toEqual(['{"b":2}']);
    expect(splitter.rest).toBe('');
  });

  it('yields the same lines however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (values, cuts) => {
          const lines = values.map((value) => JSON.stringify(value));
          const text = lines.map((line) => `${line}\n`).join('');
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const splitter = new NdjsonLineSplitter();
          const out: string[] = [];
          let previous = 0;
          for (const point of [...points, text.length]) {
            out.push(...splitter.push(text.slice(previous, point)));
            previous = point;
          }
          expect(out).toEqual(lines);
          expect(splitter.rest).toBe('');
        },
      ),
    );
  });
});
