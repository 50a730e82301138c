import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { MessageEvent } from '../bus/bus-types.js';
import { latestWithin } from './latest-within.js';
import { messages } from './messages.js';
import { rateLimit } from './rate-limit.js';
import { messageStamp, throttleByStamp } from './throttle-by-stamp.js';

function scheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

function envelope<T>(message: T, publishMs = 0): MessageEvent<T> {
  const t = { sec: Math.floor(publishMs / 1000), nanosec: (publishMs % 1000) * 1e6 };
  return { topic: '/t', type: 'x/msg/T', message, publishTime: t, receiveTime: t, seq: 1, publisher: '/n' };
}

describe('messages', () => {
  it('unwraps envelopes, keeping the message reference', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const a = { v: 1 };
      const b = { v: 2 };
      expectObservable(cold('-a-b|', { a: envelope(a), b: envelope(b) }).pipe(messages())).toBe('-a-b|', { a, b });
    });
  });
});

describe('rateLimit', () => {
  it('passes at most one value per period of scheduler time, dropping the rest', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      // 10 Hz = 100 ms period.
      const source = cold('a 49ms b 49ms c 99ms d 9ms e|');
      expectObservable(source.pipe(rateLimit(10, ts))).toBe('a 99ms c 99ms d 10ms |');
    });
  });

  it('propagates errors', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('a-#').pipe(rateLimit(1, ts))).toBe('a-#');
    });
  });

  it('rejects a non-positive rate', () => {
    expect(() => rateLimit(0)).toThrow(RangeError);
    expect(() => rateLimit(Number.NaN)).toThrow(RangeError);
  });
});

describe('throttleByStamp', () => {
  it('throttles on message stamps, not on arrival time', () => {
    scheduler().run(({ cold, expectObservable }) => {
      // All arrive 1 frame apart, but their stamps are 40 ms apart.
      const values = { a: 0, b: 40, c: 80, d: 120, e: 160, f: 240 };
      const source = cold('abcdef|', values);
      expectObservable(source.pipe(throttleByStamp(100, (v: number) => v))).toBe('a--d-f|', values);
    });
  });

  it('uses header.stamp when the message has one, else the publish time', () => {
    const withHeader = envelope({ header: { stamp: { sec: 5, nanosec: 0 } } }, 1000);
    const without = envelope({ data: 1 }, 2500);
    expect(messageStamp(withHeader)).toEqual({ sec: 5, nanosec: 0 });
    expect(messageStamp(without)).toEqual({ sec: 2, nanosec: 500_000_000 });
    scheduler().run(({ cold, expectObservable }) => {
      const v = {
        a: envelope({ header: { stamp: { sec: 1, nanosec: 0 } } }),
        b: envelope({ header: { stamp: { sec: 1, nanosec: 500_000_000 } } }),
        c: envelope({ header: { stamp: { sec: 2, nanosec: 0 } } }),
      };
      expectObservable(cold('abc|', v).pipe(throttleByStamp(1000))).toBe('a-c|', v);
    });
  });

  it('starts over when stamps go backwards (replayed or reset stream)', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const values = { a: 1000, b: 1050, c: 10, d: 50, e: 200 };
      expectObservable(cold('abcde|', values).pipe(throttleByStamp(100, (v: number) => v))).toBe('a-c-e|', values);
    });
  });
});

describe('latestWithin', () => {
  it('re-emits values and signals staleness with undefined', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('a 20ms b 99ms ---|');
      // b at 21 ms goes stale at 121 ms; completion at 124 ms.
      expectObservable(source.pipe(latestWithin(100, ts))).toBe('a 20ms b 99ms u--|', { a: 'a', b: 'b', u: undefined });
    });
  });

  it('never signals staleness while values keep coming', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('a 9ms b 9ms c|');
      expectObservable(source.pipe(latestWithin(15, ts))).toBe('a 9ms b 9ms c|');
    });
  });

  it('cancels its timer on unsubscribe', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const source = cold('a 50ms b');
      expectObservable(source.pipe(latestWithin(100, ts)), '^ 30ms !').toBe('a');
    });
  });

  it('rejects a non-positive age', () => {
    expect(() => latestWithin(0)).toThrow(RangeError);
  });
});
