import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { inputPort, outputPort } from './ports.js';
import { createKit, flush } from './testing/bt-test-kit.js';

describe('synchronous leaves', () => {
  it('accept booleans and SUCCESS/FAILURE, and reject RUNNING', () => {
    const k = createKit();
    k.results.set('t', true);
    k.results.set('f', false);
    expect(k.tree('<Check id="t"/>').tick()).toBe('SUCCESS');
    expect(k.tree('<Check id="f"/>').tick()).toBe('FAILURE');
    k.results.set('r', 'RUNNING');
    expect(() => k.tree('<Step id="r"/>').tick()).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_BT_INVALID_STATUS' }),
    );
  });

  it('wrap what a callback throws with the node path, keeping the cause', () => {
    const k = createKit();
    const boom = new Error('boom');
    k.factory.registerAction('Explode', {
      tick: () => {
        throw boom;
      },
    });
    const tree = k.tree('<Sequence><Explode name="kaboom"/></Sequence>');
    expect(() => tree.tick()).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_BT_NODE_FAILED', path: 'T1/Sequence/kaboom[0]', cause: boom }),
    );
  });

  it('read inputs and write outputs through ports', () => {
    const k = createKit();
    k.factory.registerAction('Add', {
      ports: { a: inputPort('number'), b: inputPort('number', { default: 1 }), sum: outputPort('number') },
      tick: (ctx) => ctx.setOutput('sum', ctx.getInput<number>('a') + ctx.getInput<number>('b')),
    });
    const tree = k.tree('<Sequence><Add a="2" b="{b}" sum="{s}"/><Add a="{s}" sum="{s2}"/></Sequence>');
    tree.blackboard.set('b', '40');
    expect(tree.tick()).toBe('SUCCESS');
    expect(tree.blackboard.get('s')).toBe(42);
    expect(tree.blackboard.get('s2')).toBe(43);
  });

  it('report unset entries and wrongly typed values', () => {
    const k = createKit();
    k.factory.registerAction('Need', {
      ports: { n: inputPort('number'), out: outputPort('number') },
      tick: (ctx) => ctx.setOutput('out', ctx.getInput('n')),
    });
    const tree = k.tree('<Need n="{n}" out="{out}"/>');
    expect(() => tree.tick()).toThrow(expect.objectContaining({ code: 'OMNI_ERR_BT_MISSING_ENTRY' }));
    tree.blackboard.set('n', { x: 1 });
    expect(() => tree.tick()).toThrow(expect.objectContaining({ code: 'OMNI_ERR_BT_PORT_TYPE' }));
    tree.blackboard.set('n', 'abc');
    expect(() => tree.tick()).toThrow(/not a number/);
  });
});

describe('stateful actions', () => {
  it('run until their promise settles, then return its result on the next tick', async () => {
    const k = createKit();
    const tree = k.tree('<Work id="w"/>');
    const wakeUps: number[] = [];
    tree.wakeUps.subscribe(() => wakeUps.push(1));
    expect(tree.tick()).toBe('RUNNING');
    expect(tree.tick()).toBe('RUNNING');
    k.work('w').resolve(undefined);
    await flush();
    expect(wakeUps).toHaveLength(1);
    expect(tree.tick()).toBe('SUCCESS');
    expect(tree.tick()).toBe('RUNNING');
    k.work('w').resolve(false);
    await flush();
    expect(tree.tick()).toBe('FAILURE');
  });

  it('halting aborts the signal, calls onHalted and ignores the late result', async () => {
    const k = createKit();
    const tree = k.tree('<Work id="w"/>');
    tree.tick();
    const first = k.work('w');
    tree.halt();
    expect(first.signal.aborted).toBe(true);
    expect(hasErrorCode(first.signal.reason, 'OMNI_ERR_ABORTED')).toBe(true);
    expect(k.log).toEqual(['start:w', 'halt:w']);
    first.resolve('SUCCESS');
    await flush();
    expect(tree.status).toBe('IDLE');
    expect(tree.tick()).toBe('RUNNING');
    expect(k.work('w')).not.toBe(first);
    expect(k.work('w').signal.aborted).toBe(false);
  });

  it('halting a polled action (no promise) aborts its signal before onHalted runs', () => {
    const k = createKit();
    let seen: boolean | undefined;
    let started: AbortSignal | undefined;
    k.factory.registerStatefulAction('Poll', {
      onStart: (ctx) => {
        started = ctx.signal;
        return 'RUNNING';
      },
      onRunning: () => 'RUNNING',
      onHalted: (ctx) => {
        seen = ctx.signal.aborted;
      },
    });
    const tree = k.tree('<Poll/>');
    tree.tick();
    tree.halt();
    expect(started?.aborted).toBe(true);
    expect(seen).toBe(true);
  });

  it('raise OMNI_ERR_BT_NODE_FAILED on the tick after the promise rejects', async () => {
    const k = createKit();
    const tree = k.tree('<Work id="w"/>');
    tree.tick();
    k.work('w').reject(new Error('motor stalled'));
    await flush();
    expect(() => tree.tick()).toThrow(/motor stalled/);
    expect(tree.tick()).toBe('RUNNING');
  });

  it('poll onRunning while the promise is pending; completing early aborts the pending work', async () => {
    const k = createKit();
    let signal: AbortSignal | undefined;
    let answer: 'RUNNING' | 'SUCCESS' | undefined;
    k.factory.registerStatefulAction('Hybrid', {
      onStart: (ctx) => {
        signal = ctx.signal;
        return new Promise(() => undefined);
      },
      onRunning: () => answer,
    });
    const tree = k.tree('<Hybrid/>');
    expect(tree.tick()).toBe('RUNNING');
    expect(tree.tick()).toBe('RUNNING');
    answer = 'RUNNING';
    expect(tree.tick()).toBe('RUNNING');
    answer = 'SUCCESS';
    expect(tree.tick()).toBe('SUCCESS');
    expect(signal?.aborted).toBe(true);
  });

  it('work on the tree clock: the built-in Sleep runs in virtual time', async () => {
    const k = createKit();
    const tree = k.tree('<Sleep msec="500"/>');
    expect(tree.tick()).toBe('RUNNING');
    await k.clock.advanceByAsync(499);
    expect(tree.tick()).toBe('RUNNING');
    await k.clock.advanceByAsync(1);
    expect(tree.tick()).toBe('SUCCESS');
  });

  it('reject an onStart that returns an invalid status', () => {
    const k = createKit();
    k.factory.registerStatefulAction('Odd', { onStart: () => 'IDLE' as never });
    expect(() => k.tree('<Odd/>').tick()).toThrow(expect.objectContaining({ code: 'OMNI_ERR_BT_INVALID_STATUS' }));
  });
});

describe('built-in leaves', () => {
  it('AlwaysSuccess, AlwaysFailure and SetBlackboard', () => {
    const k = createKit();
    const tree = k.tree(
      '<Sequence><AlwaysSuccess/><SetBlackboard value="kitchen" output_key="{room}"/><Inverter><AlwaysFailure/></Inverter></Sequence>',
    );
    expect(tree.tick()).toBe('SUCCESS');
    expect(tree.blackboard.get('room')).toBe('kitchen');
  });
});
