import { DelayNode, TimeoutNode } from './timing-decorators.js';
import {
  ForceFailureNode,
  ForceSuccessNode,
  InverterNode,
  RepeatNode,
  RetryUntilSuccessfulNode,
} from './decorator-nodes.js';
import type { NodeCreateArgs, NodeManifest } from './node-manifest.js';
import { ParallelNode } from './parallel-node.js';
import { inputPort } from './ports.js';
import type { PortMap } from './ports.js';
import {
  FallbackNode,
  ReactiveFallbackNode,
  ReactiveSequenceNode,
  SequenceNode,
  SequenceWithMemoryNode,
} from './sequence-nodes.js';
import type { TreeNode } from './tree-node.js';

type NodeClass = new (...args: ConstructorParameters<typeof SequenceNode>) => TreeNode;

const create =
  (Class: NodeClass) =>
  (args: NodeCreateArgs): TreeNode =>
    new Class(args.identity, args.children, args.ports, args.runtime);

type Check = NonNullable<NodeManifest['check']>;

function control(
  type: string,
  Class: NodeClass,
  description: string,
  ports: PortMap = {},
  check?: Check,
): NodeManifest {
  return {
    type,
    category: 'control',
    ports,
    children: { min: 1, max: Infinity },
    description,
    builtin: true,
    ...(check ? { check } : {}),
    create: create(Class),
  };
}

function decorator(type: string, Class: NodeClass, description: string, ports: PortMap, check?: Check): NodeManifest {
  return {
    type,
    category: 'decorator',
    ports,
    children: { min: 1, max: 1 },
    description,
    builtin: true,
    ...(check ? { check } : {}),
    create: create(Class),
  };
}

/** A literal count must be a whole number >= -1 (-1: forever). */
const countCheck =
  (port: string): Check =>
  (literals) => {
    const value = literals.get(port);
    if (value === undefined || (Number.isInteger(value) && (value as number) >= -1)) return undefined;
    return { port, reason: `expected a whole number >= -1, found ${String(value)}` };
  };

/** A literal duration must be finite and >= 0. */
const durationCheck =
  (port: string): Check =>
  (literals) => {
    const value = literals.get(port);
    if (value === undefined || (Number.isFinite(value) && (value as number) >= 0)) return undefined;
    return { port, reason: `expected milliseconds >= 0, found ${String(value)}` };
  };

/** Parallel thresholds (after resolving negative values) must not exceed the children. */
const parallelCheck: Check = (literals, children) => {
  for (const port of ['success_count', 'failure_count']) {
    const value = literals.get(port);
    if (value === undefined) continue;
    const resolved = (value as number) < 0 ? children + (value as number) + 1 : (value as number);
    if (!Number.isInteger(value) || resolved > children || resolved < 0) {
      return { port, reason: `${String(value)} does not fit ${children} children` };
    }
  }
  return undefined;
};

/** The control nodes and decorators of BehaviorTree.CPP v4 that the engine implements. */
export const BUILTIN_NODES: readonly NodeManifest[] = [
  control('Sequence', SequenceNode, 'Ticks children in order; resumes at the running child.'),
  control('SequenceWithMemory', SequenceWithMemoryNode, 'Like Sequence; after a failure resumes at the failed child.'),
  control('ReactiveSequence', ReactiveSequenceNode, 'Re-ticks all children from the first every tick.'),
  control('Fallback', FallbackNode, 'Tries children in order until one succeeds.'),
  control('ReactiveFallback', ReactiveFallbackNode, 'Re-tries children from the first every tick.'),
  control(
    'Parallel',
    ParallelNode,
    'Ticks all children; completes on success/failure thresholds.',
    {
      success_count: inputPort('number', { default: -1, description: 'successes needed (-1: all children)' }),
      failure_count: inputPort('number', { default: 1, description: 'failures that fail the node' }),
    },
    parallelCheck,
  ),
  decorator('Inverter', InverterNode, 'Swaps SUCCESS and FAILURE.', {}),
  decorator('ForceSuccess', ForceSuccessNode, 'Turns a completed child into SUCCESS.', {}),
  decorator('ForceFailure', ForceFailureNode, 'Turns a completed child into FAILURE.', {}),
  decorator(
    'RetryUntilSuccessful',
    RetryUntilSuccessfulNode,
    'Retries a failing child.',
    {
      num_attempts: inputPort('number', { description: 'attempts before failing (-1: forever)' }),
    },
    countCheck('num_attempts'),
  ),
  decorator(
    'Repeat',
    RepeatNode,
    'Repeats a succeeding child.',
    {
      num_cycles: inputPort('number', { description: 'cycles before succeeding (-1: forever)' }),
    },
    countCheck('num_cycles'),
  ),
  decorator(
    'Timeout',
    TimeoutNode,
    'Halts the child and fails after msec.',
    {
      msec: inputPort('number', { description: 'milliseconds of the tree clock' }),
    },
    durationCheck('msec'),
  ),
  decorator(
    'Delay',
    DelayNode,
    'Waits delay_msec before ticking the child.',
    {
      delay_msec: inputPort('number', { description: 'milliseconds of the tree clock' }),
    },
    durationCheck('delay_msec'),
  ),
];
