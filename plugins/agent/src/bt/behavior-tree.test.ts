import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import type { StatusChange, TreeSnapshot } from './tree-snapshot.js';
import { createKit, flush } from './testing/bt-test-kit.js';

describe('BehaviorTree', () => {
  it('publishes a plain-JSON snapshot of every node after each tick', () => {
    const k = createKit();
    const tree = k.tree('<ReactiveSequence name="mission"><Check id="ok"/><Work id="w"/></ReactiveSequence>');
    const snapshots: TreeSnapshot[] = [];
    tree.snapshots.subscribe((s) => snapshots.push(s));
    k.clock.advanceBy(5);
    tree.tick();
    expect(snapshots).toHaveLength(1);
    const snap = snapshots[0]!;
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap).toEqual({
      tree: 'T1',
      tick: 1,
      timeMs: 5,
      status: 'RUNNING',
      nodes: [
        {
          uid: 0,
          parent: null,
          path: 'T1/mission',
          type: 'ReactiveSequence',
          name: 'mission',
          category: 'control',
          status: 'RUNNING',
          lastStatus: 'RUNNING',
        },
        {
          uid: 1,
          parent: 0,
          path: 'T1/mission/Check[0]',
          type: 'Check',
          name: 'Check',
          category: 'condition',
          status: 'IDLE',
          lastStatus: 'SUCCESS',
        },
        {
          uid: 2,
          parent: 0,
          path: 'T1/mission/Work[1]',
          type: 'Work',
          name: 'Work',
          category: 'action',
          status: 'RUNNING',
          lastStatus: 'RUNNING',
        },
      ],
    });
    expect(tree.snapshot()).toEqual(snap);
  });

  it('streams status changes, halts included', () => {
    const k = createKit();
    const tree = k.tree('<Sequence><Step id="a"/><Work id="w"/></Sequence>');
    const changes: StatusChange[] = [];
    tree.statusChanges.subscribe((c) => changes.push(c));
    tree.tick();
    tree.halt();
    expect(changes.map((c) => `${c.name}:${c.previous}->${c.status}`)).toEqual([
      'Step:IDLE->SUCCESS',
      'Work:IDLE->RUNNING',
      'Sequence:IDLE->RUNNING',
      'Step:SUCCESS->IDLE',
      'Work:RUNNING->IDLE',
      'Sequence:RUNNING->IDLE',
    ]);
    expect(changes[0]).toMatchObject({ tree: 'T1', tick: 1, uid: 1, path: 'T1/Sequence/Step[0]', type: 'Step' });
  });

  it('does not report unchanged statuses', () => {
    const k = createKit();
    const tree = k.tree('<Work id="w"/>');
    const changes: StatusChange[] = [];
    tree.statusChanges.subscribe((c) => changes.push(c));
    tree.tick();
    tree.tick();
    expect(changes).toHaveLength(1);
  });

  it('tickWhileRunning ticks when a node wakes the tree, in virtual time', async () => {
    const k = createKit();
    const tree = k.tree('<Sequence><Sleep msec="1000"/><Step id="done"/></Sequence>');
    const result = tree.tickWhileRunning({ periodMs: 100_000 });
    await k.clock.advanceByAsync(1000);
    await expect(result).resolves.toBe('SUCCESS');
    expect(tree.tickCount).toBe(2);
    expect(k.log).toEqual(['done']);
  });

  it('tickWhileRunning ticks every periodMs while nothing wakes it', async () => {
    const k = createKit();
    k.results.set('x', 'RUNNING');
    const tree = k.tree('<Act id="x"/>');
    const result = tree.tickWhileRunning({ periodMs: 50 });
    await k.clock.advanceByAsync(200);
    expect(tree.tickCount).toBe(5);
    k.results.set('x', 'FAILURE');
    await k.clock.advanceByAsync(50);
    await expect(result).resolves.toBe('FAILURE');
  });

  it('tickWhileRunning halts the tree and rejects when its signal aborts', async () => {
    const k = createKit();
    const tree = k.tree('<Work id="w"/>');
    const controller = new AbortController();
    const result = tree.tickWhileRunning({ signal: controller.signal });
    await flush();
    controller.abort('stop');
    await expect(result).rejects.toSatisfy((e) => hasErrorCode(e, 'OMNI_ERR_ABORTED'));
    expect(k.work('w').signal.aborted).toBe(true);
    expect(tree.status).toBe('IDLE');
    expect(k.clock.pendingTimers).toBe(0);
  });

  it('refuses a tick from inside a tick', () => {
    const k = createKit();
    const tree = k.tree('<Step id="a"/>');
    let inner: unknown;
    tree.statusChanges.subscribe(() => {
      try {
        tree.tick();
      } catch (error) {
        inner = error;
      }
    });
    tree.tick();
    expect(hasErrorCode(inner, 'OMNI_ERR_BT_REENTRANT_TICK')).toBe(true);
  });

  it('dispose halts the tree and completes the streams', () => {
    const k = createKit();
    const tree = k.tree('<Work id="w"/>');
    let completed = 0;
    tree.statusChanges.subscribe({ complete: () => completed++ });
    tree.snapshots.subscribe({ complete: () => completed++ });
    tree.tick();
    tree.dispose();
    expect(completed).toBe(2);
    expect(k.work('w').signal.aborted).toBe(true);
  });
});
