import { describe, expect, it } from 'vitest';
import { dependencyOrder, DependencyCycleError, MissingDependencyError } from './dependency-order.js';

const node = (name: string, dependsOn: string[] = [], provides: string[] = []) => ({
  name,
  plugin: name.replace('/', ''),
  dependsOn,
  provides,
  location: { file: 'x.launch.yaml', line: 1, col: 3 },
});

describe('dependencyOrder', () => {
  it('puts providers before dependents and keeps declaration order otherwise', () => {
    const nodes = [node('/planner', ['map']), node('/a'), node('/mapper', [], ['map']), node('/b')];
    expect(dependencyOrder(nodes).map((i) => nodes[i]?.name)).toEqual(['/mapper', '/planner', '/a', '/b']);
  });

  it('accepts a plugin name as a dependency', () => {
    const nodes = [node('/monitor', ['heartbeat']), node('/heartbeat')];
    expect(dependencyOrder(nodes).map((i) => nodes[i]?.name)).toEqual(['/heartbeat', '/monitor']);
  });

  it('reports a missing dependency with what is provided', () => {
    expect(() => dependencyOrder([node('/planner', ['map'], []), node('/x', [], ['tf'])])).toThrow(
      MissingDependencyError,
    );
    expect(() => dependencyOrder([node('/planner', ['map'])])).toThrow(/x\.launch\.yaml:1:3: .*depends on 'map'/);
  });

  it('reports a cycle with its chain', () => {
    const nodes = [node('/a', ['b']), node('/b', ['c']), node('/c', ['a'])];
    try {
      dependencyOrder(nodes);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DependencyCycleError);
      expect((error as Error).message).toContain('/a -> /b -> /c -> /a');
    }
  });
});
