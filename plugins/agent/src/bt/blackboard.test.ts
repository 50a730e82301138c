import { describe, expect, it } from 'vitest';
import { Blackboard } from './blackboard.js';

describe('Blackboard', () => {
  it('stores values by reference and reports what it holds', () => {
    const board = new Blackboard();
    const pose = { x: 1, y: 2 };
    board.set('pose', pose);
    expect(board.get('pose')).toBe(pose);
    expect(board.has('pose')).toBe(true);
    expect(board.has('other')).toBe(false);
    expect(board.delete('pose')).toBe(true);
    expect(board.get('pose')).toBeUndefined();
  });

  it('keeps a scope private unless remapped', () => {
    const root = new Blackboard();
    root.set('target', 'kitchen');
    const scope = root.createScope();
    expect(scope.get('target')).toBeUndefined();
    scope.set('target', 'hall');
    expect(root.get('target')).toBe('kitchen');
    expect(scope.localKeys()).toEqual(['target']);
  });

  it('reads and writes remapped keys in the parent', () => {
    const root = new Blackboard();
    const scope = root.createScope();
    scope.addRemapping('goal', 'target');
    scope.set('goal', 3);
    expect(root.get('target')).toBe(3);
    root.set('target', 4);
    expect(scope.get('goal')).toBe(4);
    expect(scope.localKeys()).toEqual([]);
  });

  it('auto-remaps every key but private ones', () => {
    const root = new Blackboard();
    root.set('battery', 0.5);
    const scope = root.createScope({ autoRemap: true });
    expect(scope.get('battery')).toBe(0.5);
    scope.set('created', true);
    expect(root.get('created')).toBe(true);
    scope.set('_local', 1);
    expect(root.has('_local')).toBe(false);
    expect(scope.toJSON()).toEqual({ _local: 1 });
  });

  it('@key addresses the root from any depth', () => {
    const root = new Blackboard();
    const inner = root.createScope().createScope();
    inner.set('@mission', 'deliver');
    expect(root.get('mission')).toBe('deliver');
    expect(inner.get('@mission')).toBe('deliver');
    expect(inner.get('mission')).toBeUndefined();
  });
});
