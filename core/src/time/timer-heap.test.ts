import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerHeap } from './timer-heap.js';
import type { HeapTimer } from './timer-heap.js';

function timer(due: number, seq: number): HeapTimer {
  return {
    due,
    seq,
    period: 0,
    callback: () => undefined,
    cancelled: false,
    queued: false,
    advanceId: -1,
    firesInAdvance: 0,
  };
}

describe('TimerHeap', () => {
  it('pops live timers in (due, seq) order whatever the insertion order and cancellations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ due: fc.integer({ min: 0, max: 50 }), cancel: fc.boolean() }), { maxLength: 300 }),
        (specs) => {
          const heap = new TimerHeap();
          const all = specs.map((s, i) => timer(s.due, i));
          for (const t of all) heap.push(t);
          all.forEach((t, i) => {
            if (specs[i]!.cancel) {
              t.cancelled = true;
              heap.noteCancelled(t);
            }
          });
          const expected = all
            .filter((t) => !t.cancelled)
            .sort((a, b) => a.due - b.due || a.seq - b.seq)
            .map((t) => t.seq);
          expect(heap.liveCount).toBe(expected.length);
          const popped: number[] = [];
          for (let t = heap.pop(); t; t = heap.pop()) popped.push(t.seq);
          expect(popped).toEqual(expected);
        },
      ),
    );
  });

  it('compacts when cancelled timers dominate', () => {
    const heap = new TimerHeap();
    const all = Array.from({ length: 1000 }, (_, i) => timer(i, i));
    for (const t of all) heap.push(t);
    for (const t of all.slice(0, 900)) {
      t.cancelled = true;
      heap.noteCancelled(t);
    }
    expect(heap.size).toBeLessThan(1000);
    expect(heap.liveCount).toBe(100);
    expect(heap.pop()?.seq).toBe(900);
  });
});
