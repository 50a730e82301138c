import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './bounded-queue.js';

describe('BoundedQueue', () => {
  it('behaves like an array that drops its oldest item beyond the capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.oneof(fc.integer(), fc.constant('shift' as const)), { maxLength: 200 }),
        (capacity, ops) => {
          const queue = new BoundedQueue<number>(capacity);
          const model: number[] = [];
          for (const op of ops) {
            if (op === 'shift') {
              expect(queue.shift()).toBe(model.shift());
            } else {
              const evicted = queue.push(op);
              model.push(op);
              expect(evicted).toBe(model.length > capacity ? model.shift() : undefined);
            }
            expect(queue.length).toBe(model.length);
          }
          expect(queue.toArray()).toEqual(model);
        },
      ),
    );
  });

  it('rejects a capacity below 1', () => {
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
  });
});
