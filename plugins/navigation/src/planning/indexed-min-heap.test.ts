import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedMinHeap } from './indexed-min-heap.js';

describe('IndexedMinHeap', () => {
  it('pops in key order, honours decrease-key and grows past its initial capacity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 50 }),
        (keys, decreases) => {
          const heap = new IndexedMinHeap(new Int32Array(keys.length), 16);
          const current = [...keys];
          keys.forEach((key, cell) => heap.push(key, cell));
          for (const [pick, fraction] of decreases) {
            const cell = pick % keys.length;
            current[cell] = current[cell]! * fraction;
            heap.decrease(current[cell]!, cell);
          }
          expect(heap.size).toBe(keys.length);
          const popped: number[] = [];
          for (let cell = heap.pop(); cell >= 0; cell = heap.pop()) popped.push(current[cell]!);
          expect(popped).toEqual([...current].sort((a, b) => a - b));
          expect(heap.peekKey()).toBe(Number.POSITIVE_INFINITY);
        },
      ),
    );
  });

  it('empties on clear', () => {
    const heap = new IndexedMinHeap(new Int32Array(4));
    heap.push(1, 0);
    heap.clear();
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBe(-1);
  });
});
