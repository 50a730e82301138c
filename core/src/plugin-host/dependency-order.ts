import { UserInputError, type SourceLocation } from '../errors/omni-error.js';

/** A node as the dependency sorter sees it. */
export interface DependencyNode {
  readonly name: string;
  readonly plugin: string;
  readonly dependsOn: readonly string[];
  readonly provides: readonly string[];
  readonly location?: SourceLocation;
}

/** A `dependsOn` entry that no node in the launch provides. */
export class MissingDependencyError extends UserInputError {
  constructor(message: string, location: SourceLocation | undefined) {
    super('OMNI_ERR_PLUGIN_DEPENDENCY', message, location);
  }
}

/** Nodes whose `dependsOn` form a cycle. */
export class DependencyCycleError extends UserInputError {
  constructor(message: string, location: SourceLocation | undefined, cycle: readonly string[]) {
    super('OMNI_ERR_DEPENDENCY_CYCLE', message, location, { details: { cycle } });
  }
}

/**
 * Orders nodes so that every node comes after the nodes providing what it depends on (a
 * capability in `provides`, or a plugin name). Ties keep declaration order. Returns indexes.
 */
export function dependencyOrder(nodes: readonly DependencyNode[]): number[] {
  const providers = new Map<string, number[]>();
  nodes.forEach((node, index) => {
    for (const capability of new Set([...node.provides, node.plugin])) {
      providers.set(capability, [...(providers.get(capability) ?? []), index]);
    }
  });
  const edges = nodes.map((node, index) => {
    const deps = new Set<number>();
    for (const wanted of node.dependsOn) {
      const found = (providers.get(wanted) ?? []).filter((i) => i !== index);
      if (found.length === 0) {
        const offered = [...providers.keys()].sort();
        throw new MissingDependencyError(
          `node '${node.name}' (plugin '${node.plugin}') depends on '${wanted}', which no node in this launch provides.` +
            ` Provided here: ${offered.join(', ') || '(nothing)'}`,
          node.location,
        );
      }
      found.forEach((i) => deps.add(i));
    }
    return [...deps];
  });

  const order: number[] = [];
  const state = new Array<0 | 1 | 2>(nodes.length).fill(0);
  const stack: number[] = [];
  const visit = (index: number): void => {
    if (state[index] === 2) return;
    if (state[index] === 1) {
      const cycle = [...stack.slice(stack.indexOf(index)), index].map((i) => nodes[i]?.name ?? String(i));
      const node = nodes[index];
      throw new DependencyCycleError(`dependency cycle between nodes: ${cycle.join(' -> ')}`, node?.location, cycle);
    }
    state[index] = 1;
    stack.push(index);
    for (const dep of edges[index] ?? []) visit(dep);
    stack.pop();
    state[index] = 2;
    order.push(index);
  };
  nodes.forEach((_, index) => visit(index));
  return order;
}
