import { describe, expect, it } from 'vitest';
import { createKit } from './testing/bt-test-kit.js';

describe('Parallel', () => {
  it('by default succeeds when all children succeed, not ticking completed children again', () => {
    const k = createKit();
    k.results.set('b', 'RUNNING');
    const tree = k.tree('<Parallel><Step id="a"/><Act id="b"/></Parallel>');
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['a', 'start:b'] });
    expect(k.tick(tree)).toEqual({ status: 'RUNNING', log: ['b'] });
    k.results.set('b', 'SUCCESS');
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['b'] });
    expect(k.tick(tree).log).toEqual(['a', 'start:b']);
  });

  it('by default fails on the first failure and halts the running children', () => {
    const k = createKit();
    k.results.set('a', 'RUNNING');
    k.results.set('b', 'RUNNING');
    const tree = k.tree('<Parallel><Act id="a"/><Act id="b"/></Parallel>');
    k.tick(tree);
    k.results.set('a', 'FAILURE');
    expect(k.tick(tree)).toEqual({ status: 'FAILURE', log: ['a', 'halt:b'] });
  });

  it('succeeds at success_count and halts the rest', () => {
    const k = createKit();
    k.results.set('b', 'RUNNING');
    k.results.set('c', 'RUNNING');
    const tree = k.tree('<Parallel success_count="2"><Act id="a"/><Act id="b"/><Act id="c"/></Parallel>');
    expect(k.tick(tree).status).toBe('RUNNING');
    k.results.set('c', 'SUCCESS');
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['b', 'c', 'halt:b'] });
  });

  it('fails at failure_count, and as soon as success_count cannot be reached', () => {
    const k = createKit();
    k.results.set('a', 'FAILURE');
    k.results.set('b', 'RUNNING');
    k.results.set('c', 'RUNNING');
    const threshold = k.tree(
      '<Parallel success_count="1" failure_count="2"><Act id="a"/><Act id="b"/><Act id="c"/></Parallel>',
    );
    expect(k.tick(threshold).status).toBe('RUNNING');
    k.results.set('c', 'FAILURE');
    expect(k.tick(threshold)).toEqual({ status: 'FAILURE', log: ['b', 'c', 'halt:b'] });

    const k2 = createKit();
    k2.results.set('a', 'FAILURE');
    k2.results.set('b', 'RUNNING');
    const impossible = k2.tree(
      '<Parallel success_count="3" failure_count="3"><Act id="a"/><Act id="b"/><Act id="c"/></Parallel>',
    );
    expect(k2.tick(impossible)).toEqual({ status: 'FAILURE', log: ['start:a'] });
  });

  it('reads negative thresholds as "all but", and from the blackboard at run time', () => {
    const k = createKit();
    k.results.set('a', 'FAILURE');
    const tree = k.tree(
      '<Parallel success_count="-2" failure_count="{fails}"><Step id="a"/><Step id="b"/><Step id="c"/></Parallel>',
    );
    tree.blackboard.set('fails', 2);
    expect(k.tick(tree)).toEqual({ status: 'SUCCESS', log: ['a', 'b', 'c'] });
    tree.blackboard.set('fails', 7);
    expect(() => tree.tick()).toThrow(expect.objectContaining({ code: 'OMNI_ERR_BT_PORT_VALUE' }));
  });
});
