import { describe, expect, it } from 'vitest';
import { createKit } from './testing/bt-test-kit.js';

describe('Inverter, ForceSuccess, ForceFailure', () => {
  it.each([
    ['Inverter', 'SUCCESS', 'FAILURE'],
    ['Inverter', 'FAILURE', 'SUCCESS'],
    ['ForceSuccess', 'FAILURE', 'SUCCESS'],
    ['ForceSuccess', 'SUCCESS', 'SUCCESS'],
    ['ForceFailure', 'SUCCESS', 'FAILURE'],
    ['ForceFailure', 'FAILURE', 'FAILURE'],
  ] as const)('%s turns %s into %s', (decorator, child, expected) => {
    const k = createKit();
    k.results.set('x', child);
    const tree = k.tree(`<${decorator}><Step id="x"/></${decorator}>`);
    expect(tree.tick()).toBe(expected);
    expect(tree.nodes[1]?.status).toBe('IDLE');
  });

  it.each(['Inverter', 'ForceSuccess', 'ForceFailure'])('%s passes RUNNING through and halts its child', (d) => {
    const k = createKit();
    k.results.set('x', 'RUNNING');
    const tree = k.tree(`<${d}><Act id="x"/></${d}>`);
    expect(tree.tick()).toBe('RUNNING');
    k.log.length = 0;
    tree.halt();
    expect(k.log).toEqual(['halt:x']);
  });
});

describe('RetryUntilSuccessful', () => {
  it('retries a failing child within the tick up to num_attempts', () => {
    const k = createKit();
    k.results.set('x', 'FAILURE');
    const tree = k.tree('<RetryUntilSuccessful num_attempts="3"><Step id="x"/></RetryUntilSuccessful>');
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: ['x', 'x', 'x'] });
  });

  it('succeeds as soon as the child succeeds and starts counting afresh', () => {
    const k = createKit();
    let calls = 0;
    k.factory.registerAction('FailTwice', { tick: () => ++calls % 3 === 0 });
    const tree = k.tree('<RetryUntilSuccessful num_attempts="3"><FailTwice/></RetryUntilSuccessful>');
    expect(tree.tick()).toBe('SUCCESS');
    expect(calls).toBe(3);
    expect(tree.tick()).toBe('SUCCESS');
    expect(calls).toBe(6);
  });

  it('keeps its attempt count across ticks while the child runs', () => {
    const k = createKit();
    const outcomes = ['FAILURE', 'FAILURE'] as const;
    let polls = 0;
    k.factory.registerStatefulAction('Slow', {
      onStart: () => 'RUNNING',
      onRunning: () => outcomes[polls++] ?? 'RUNNING',
    });
    const tree = k.tree('<RetryUntilSuccessful num_attempts="2"><Slow/></RetryUntilSuccessful>');
    expect(tree.tick()).toBe('RUNNING');
    expect(tree.tick()).toBe('RUNNING');
    expect(tree.tick()).toBe('FAILURE');
    expect(polls).toBe(2);
  });

  it('with -1 retries forever, one attempt per tick, so a tick always returns', () => {
    const k = createKit();
    k.results.set('x', 'FAILURE');
    const tree = k.tree('<RetryUntilSuccessful num_attempts="-1"><Step id="x"/></RetryUntilSuccessful>');
    for (let i = 0; i < 5; i++) expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['x'] });
    k.results.set('x', 'SUCCESS');
    expect(tree.tick()).toBe('SUCCESS');
  });
});

describe('Repeat', () => {
  it('repeats a succeeding child num_cycles times', () => {
    const k = createKit();
    const tree = k.tree('<Repeat num_cycles="3"><Step id="x"/></Repeat>');
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['x', 'x', 'x'] });
  });

  it('fails as soon as the child fails', () => {
    const k = createKit();
    let calls = 0;
    k.factory.registerAction('FailSecond', { tick: () => ++calls !== 2 });
    const tree = k.tree('<Repeat num_cycles="5"><FailSecond/></Repeat>');
    expect(tree.tick()).toBe('FAILURE');
    expect(calls).toBe(2);
  });

  it('num_cycles 0 succeeds without ticking; -1 repeats once per tick forever', () => {
    const k = createKit();
    expect(k.tick(k.tree('<Repeat num_cycles="0"><Step id="x"/></Repeat>'))).toEqual({ status: 'SUCCESS', log: [] });
    const forever = k.tree('<Repeat num_cycles="-1"><Step id="y"/></Repeat>');
    for (let i = 0; i < 3; i++) expect(k.tick(forever)).toEqual({ status: 'RUNNING', log: ['y'] });
  });

  it('halting resets the cycle count', () => {
    const k = createKit();
    k.factory.registerStatefulAction('TwoTicks', { onStart: () => 'RUNNING', onRunning: () => 'SUCCESS' });
    const tree = k.tree('<Repeat num_cycles="2"><TwoTicks/></Repeat>');
    expect([tree.tick(), tree.tick()]).toEqual(['RUNNING', 'RUNNING']);
    tree.halt();
    expect([tree.tick(), tree.tick(), tree.tick()]).toEqual(['RUNNING', 'RUNNING', 'SUCCESS']);
  });
});
