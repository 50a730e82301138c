import { describe, expect, it } from 'vitest';
import { createKit } from './testing/bt-test-kit.js';

describe('Sequence', () => {
  it('ticks children in order and succeeds when all succeed, leaving them IDLE', () => {
    const k = createKit();
    const tree = k.tree('<Sequence><Step id="a"/><Step id="b"/><Step id="c"/></Sequence>');
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['a', 'b', 'c'] });
    expect(tree.nodes.map((n) => n.status)).toEqual(['SUCCESS', 'IDLE', 'IDLE', 'IDLE']);
    expect(tree.nodes.map((n) => n.lastStatus)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS']);
  });

  it('stops at the first failure and restarts from the first child next time', () => {
    const k = createKit();
    k.results.set('b', 'FAILURE');
    const tree = k.tree('<Sequence><Step id="a"/><Step id="b"/><Step id="c"/></Sequence>');
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: ['a', 'b'] });
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: ['a', 'b'] });
  });

  it('remembers the running child: earlier children are not ticked again', () => {
    const k = createKit();
    k.results.set('b', 'RUNNING');
    const tree = k.tree('<Sequence><Step id="a"/><Act id="b"/><Step id="c"/></Sequence>');
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['a', 'start:b'] });
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['b'] });
    k.results.set('b', 'SUCCESS');
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['b', 'c'] });
  });

  it('halt halts the running child and restarts from the first', () => {
    const k = createKit();
    k.results.set('b', 'RUNNING');
    const tree = k.tree('<Sequence><Step id="a"/><Act id="b"/></Sequence>');
    tree.tick();
    k.log.length = 0;
    tree.halt();
    expect(k.log).toEqual(['halt:b']);
    expect(tree.nodes.every((n) => n.status === 'IDLE')).toBe(true);
    expect(k.tick(tree).log).toEqual(['a', 'start:b']);
  });
});

describe('SequenceWithMemory', () => {
  it('after a failure resumes at the failed child', () => {
    const k = createKit();
    k.results.set('b', 'FAILURE');
    const tree = k.tree('<SequenceWithMemory><Step id="a"/><Step id="b"/><Step id="c"/></SequenceWithMemory>');
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: ['a', 'b'] });
    expect(tree.nodes.map((n) => n.status)).toEqual(['FAILURE', 'SUCCESS', 'IDLE', 'IDLE']);
    k.results.set('b', 'SUCCESS');
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['b', 'c'] });
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['a', 'b', 'c'] });
  });
});

describe('ReactiveSequence', () => {
  it('re-checks earlier children every tick', () => {
    const k = createKit();
    k.results.set('run', 'RUNNING');
    const tree = k.tree('<ReactiveSequence><Check id="ok"/><Act id="run"/></ReactiveSequence>');
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['ok', 'start:run'] });
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['ok', 'run'] });
  });

  it('halts the running action when an earlier condition fails', () => {
    const k = createKit();
    const tree = k.tree('<ReactiveSequence><Check id="ok"/><Work id="w"/></ReactiveSequence>');
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['ok', 'start:w'] });
    const signal = k.work('w').signal;
    k.results.set('ok', false);
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: ['ok', 'halt:w'] });
    expect(signal.aborted).toBe(true);
    expect(tree.nodes.slice(1).every((n) => n.status === 'IDLE')).toBe(true);
  });

  it('halts a running later child when an earlier child starts running', () => {
    const k = createKit();
    k.results.set('first', 'SUCCESS');
    k.results.set('second', 'RUNNING');
    const tree = k.tree('<ReactiveSequence><Act id="first"/><Act id="second"/></ReactiveSequence>');
    expect(k.tick(tree).log).toEqual(['start:first', 'start:second']);
    k.results.set('first', 'RUNNING');
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['start:first', 'halt:second'] });
  });
});

describe('Fallback', () => {
  it('tries children until one succeeds', () => {
    const k = createKit();
    k.results.set('a', 'FAILURE');
    const tree = k.tree('<Fallback><Step id="a"/><Step id="b"/><Step id="c"/></Fallback>');
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['a', 'b'] });
  });

  it('fails when every child fails', () => {
    const k = createKit();
    for (const id of ['a', 'b']) k.results.set(id, 'FAILURE');
    const tree = k.tree('<Fallback><Step id="a"/><Step id="b"/></Fallback>');
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: ['a', 'b'] });
  });

  it('remembers the running child', () => {
    const k = createKit();
    k.results.set('a', 'FAILURE');
    k.results.set('b', 'RUNNING');
    const tree = k.tree('<Fallback><Check id="a"/><Act id="b"/></Fallback>');
    expect(k.tick(tree).log).toEqual(['a', 'start:b']);
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['b'] });
  });
});

describe('ReactiveFallback', () => {
  it('halts the running fallback action when a higher-priority condition succeeds', () => {
    const k = createKit();
    k.results.set('done', false);
    const tree = k.tree('<ReactiveFallback><Check id="done"/><Work id="w"/></ReactiveFallback>');
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['done', 'start:w'] });
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['done'] });
    k.results.set('done', true);
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['done', 'halt:w'] });
    expect(k.work('w').signal.aborted).toBe(true);
  });

  it('fails when every child fails', () => {
    const k = createKit();
    k.results.set('a', false);
    k.results.set('b', 'FAILURE');
    const tree = k.tree('<ReactiveFallback><Check id="a"/><Step id="b"/></ReactiveFallback>');
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: ['a', 'b'] });
  });
});
