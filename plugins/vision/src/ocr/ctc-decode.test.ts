import { describe, expect, it } from 'vitest';
import { characterTable } from './character-dictionary.js';
import { ctcGreedyDecode } from './ctc-decode.js';
import { OcrModelMismatchError } from './ocr-errors.js';

const table = characterTable('a\nb\n');

/** One-hot-ish rows: the class with probability `p`, the rest sharing 1 − p. */
function steps(classes: number[], p = 0.9): Float32Array {
  const rest = (1 - p) / (table.length - 1);
  return Float32Array.from(classes.flatMap((c) => table.map((_, k) => (k === c ? p : rest))));
}

describe('characterTable', () => {
  it('puts the blank first and a space last, with or without a final newline or CRLF', () => {
    expect(characterTable('a\nb\n')).toEqual(['', 'a', 'b', ' ']);
    expect(characterTable('a\r\nb')).toEqual(['', 'a', 'b', ' ']);
  });
  it('rejects an empty dictionary', () => {
    expect(() => characterTable('')).toThrow(OcrModelMismatchError);
  });
});

describe('ctcGreedyDecode', () => {
  it('collapses repeats and drops blanks', () => {
    // a a _ a b b _ _ space b
    const decoded = ctcGreedyDecode(steps([1, 1, 0, 1, 2, 2, 0, 0, 3, 2]), 10, 4, table);
    expect(decoded.text).toBe('aab b');
    expect(decoded.score).toBeCloseTo(0.9);
  });
  it('gives empty text and score 0 for all blanks', () => {
    expect(ctcGreedyDecode(steps([0, 0, 0]), 3, 4, table)).toEqual({ text: '', score: 0 });
  });
  it('decodes the sequence at an offset (one item of a batch)', () => {
    const batch = new Float32Array([...steps([1, 0]), ...steps([2, 2], 0.6)]);
    expect(ctcGreedyDecode(batch, 2, 4, table, 8)).toEqual({ text: 'b', score: expect.closeTo(0.6, 5) as number });
  });
});
