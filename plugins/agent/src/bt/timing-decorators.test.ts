import { describe, expect, it } from 'vitest';
import { createKit, flush } from './testing/bt-test-kit.js';

describe('Timeout', () => {
  it('passes the child result through when it completes in time', async () => {
    const k = createKit();
    const tree = k.tree('<Timeout msec="100"><Work id="w"/></Timeout>');
    expect(tree.tick()).toBe('RUNNING');
    k.clock.advanceBy(99);
    k.work('w').resolve('SUCCESS');
    await flush();
    expect(tree.tick()).toBe('SUCCESS');
    expect(k.clock.pendingTimers).toBe(0);
  });

  it('halts the child when the time is up (aborting its signal) and fails on the next tick', () => {
    const k = createKit();
    const tree = k.tree('<Timeout msec="100"><Work id="w"/></Timeout>');
    const wakeUps: number[] = [];
    tree.wakeUps.subscribe(() => wakeUps.push(k.clock.nowMs()));
    expect(tree.tick()).toBe('RUNNING');
    k.clock.advanceBy(99);
    expect(k.work('w').signal.aborted).toBe(false);
    k.clock.advanceBy(1);
    expect(k.work('w').signal.aborted).toBe(true);
    expect(k.log).toEqual(['start:w', 'halt:w']);
    expect(wakeUps).toEqual([100]);
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: [] });
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['start:w'] });
  });

  it('fails at a tick past the deadline even before its timer ran', () => {
    const k = createKit();
    k.results.set('x', 'RUNNING');
    const tree = k.tree('<Timeout msec="50"><Act id="x"/></Timeout>');
    tree.tick();
    k.clock.jumpTo(60);
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: ['halt:x'] });
  });

  it('cancels its timer when halted by a reactive parent', () => {
    const k = createKit();
    const tree = k.tree(
      '<ReactiveSequence><Check id="ok"/><Timeout msec="100"><Work id="w"/></Timeout></ReactiveSequence>',
    );
    tree.tick();
    expect(k.clock.pendingTimers).toBe(1);
    k.results.set('ok', false);
    expect(tree.tick()).toBe('FAILURE');
    expect(k.clock.pendingTimers).toBe(0);
    expect(k.work('w').signal.aborted).toBe(true);
  });
});

describe('Delay', () => {
  it('runs for delay_msec of the tree clock, then ticks the child', () => {
    const k = createKit();
    const tree = k.tree('<Delay delay_msec="200"><Step id="x"/></Delay>');
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: [] });
    k.clock.advanceBy(199);
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: [] });
    k.clock.advanceBy(1);
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['x'] });
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: [] });
  });

  it('halting cancels the wait', () => {
    const k = createKit();
    const tree = k.tree('<Delay delay_msec="{wait}"><Step id="x"/></Delay>');
    tree.blackboard.set('wait', '30');
    tree.tick();
    expect(k.clock.pendingTimers).toBe(1);
    tree.halt();
    expect(k.clock.pendingTimers).toBe(0);
    k.clock.advanceBy(30);
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: [] });
  });
});
