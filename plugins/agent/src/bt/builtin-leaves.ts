import type { ConditionSpec, StatefulActionSpec, SyncActionSpec } from './leaf-types.js';
import { inputPort, outputPort } from './ports.js';

/** A built-in leaf and which kind of leaf it is. */
export type BuiltinLeaf =
  | { readonly kind: 'action'; readonly spec: SyncActionSpec }
  | { readonly kind: 'condition'; readonly spec: ConditionSpec }
  | { readonly kind: 'stateful'; readonly spec: StatefulActionSpec };

/** The leaves BehaviorTree.CPP ships that need no application code. */
export const BUILTIN_LEAVES: Readonly<Record<string, BuiltinLeaf>> = {
  AlwaysSuccess: { kind: 'action', spec: { description: 'Returns SUCCESS.', tick: () => 'SUCCESS' } },
  AlwaysFailure: { kind: 'action', spec: { description: 'Returns FAILURE.', tick: () => 'FAILURE' } },
  SetBlackboard: {
    kind: 'action',
    spec: {
      description: 'Writes value to the entry output_key names.',
      ports: {
        value: inputPort('any', { description: 'the value (a literal or {entry})' }),
        output_key: outputPort('any', { description: 'the entry to write, as {key}' }),
      },
      tick: (ctx) => {
        ctx.setOutput('output_key', ctx.getInput('value'));
        return 'SUCCESS';
      },
    },
  },
  Sleep: {
    kind: 'stateful',
    spec: {
      description: 'RUNNING for msec of the tree clock, then SUCCESS.',
      ports: { msec: inputPort('number') },
      onStart: (ctx) => ctx.clock.sleep(Math.max(0, ctx.getInput<number>('msec')), ctx.signal),
    },
  },
};
