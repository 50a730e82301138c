import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { ResourceScope } from './resource-scope.js';
import { guardObserver } from './guard-observer.js';
import { DEFAULT_RESTART_POLICY, restartDelayMs } from './restart-policy.js';

describe('ResourceScope', () => {
  it('releases in reverse order, once, collecting errors, and runs late additions at once', () => {
    const scope = new ResourceScope();
    const order: string[] = [];
    scope.add(() => order.push('first'));
    scope.add(() => {
      throw new Error('second failed');
    });
    scope.add(() => order.push('third'));
    const errors = scope.release();
    expect(order).toEqual(['third', 'first']);
    expect(errors).toHaveLength(1);
    expect(scope.signal.aborted).toBe(true);
    expect(scope.release()).toEqual([]);
    scope.add(() => order.push('late'));
    expect(order).toEqual(['third', 'first', 'late']);
  });
});

describe('guardObserver', () => {
  it('routes what plugin callbacks throw, and unhandled stream errors, to crash', () => {
    const crashes: string[] = [];
    const crash = (where: string) => (error: unknown) => crashes.push(`${where}: ${(error as Error).message}`);
    const source = new Subject<number>();
    const seen: number[] = [];
    source.subscribe(
      guardObserver((n: number) => {
        if (n === 2) throw new Error('two');
        seen.push(n);
      }, crash),
    );
    source.next(1);
    source.next(2);
    source.next(3);
    source.error(new Error('stream broke'));
    expect(seen).toEqual([1, 3]);
    expect(crashes).toEqual(['subscription: two', 'subscription: stream broke']);
  });
});

describe('restartDelayMs', () => {
  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => restartDelayMs(DEFAULT_RESTART_POLICY, n))).toEqual([500, 1000, 2000, 4000]);
    expect(restartDelayMs(DEFAULT_RESTART_POLICY, 20)).toBe(30_000);
  });
});
