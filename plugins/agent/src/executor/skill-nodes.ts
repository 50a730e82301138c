import type { BehaviorTreeFactory } from '../bt/bt-factory.js';
import { inputPort } from '../bt/ports.js';
import type { LeafContext } from '../bt/leaf-types.js';
import type { GroundedAction } from '../goap/actions/action-types.js';

/** Runs one grounded action on the robot; rejects when it fails, honours `signal` to stop. */
export type ActionRunner = (action: GroundedAction, signal: AbortSignal) => Promise<void>;

/** The behavior-tree node type of each action type, as written in BT XML. */
export const SKILL_NODE_TYPES = {
  move: 'MoveTo',
  grasp: 'Grasp',
  release: 'Release',
  push: 'Push',
  pull: 'Pull',
  rotate: 'Rotate',
  observe: 'Observe',
  wait: 'Wait',
  dock: 'Dock',
  charge: 'Charge',
} as const satisfies Record<GroundedAction['type'], string>;

const text = (description: string) => inputPort('string', { description });

/**
 * Registers the agent's skills as asynchronous action nodes, so that trees (generated from a plan
 * or written by hand) run them: `MoveTo place`, `Grasp object`, `Release object at`, `Push object to`,
 * `Pull object to`, `Rotate angle`, `Observe target kind`, `Wait seconds`, `Dock`, `Charge`. A halt
 * aborts the running skill; a skill that fails makes its node return FAILURE (the runner sees the
 * error first, to report it).
 *
 * @example
 * ```ts
 * registerSkillNodes(factory, (action, signal) => runner.run(action, signal));
 * factory.createTreeFromXml('<root BTCPP_format="4"><BehaviorTree ID="T"><Sequence>' +
 *   '<MoveTo place="pick_up"/><Observe target="red_box_1"/><Grasp object="red_box_1"/>' +
 *   '</Sequence></BehaviorTree></root>', 'fetch.xml', { clock });
 * ```
 */
export function registerSkillNodes(factory: BehaviorTreeFactory, run: ActionRunner): void {
  const action = (
    type: string,
    ports: Record<string, ReturnType<typeof inputPort>>,
    build: (c: LeafContext) => GroundedAction,
  ) =>
    factory.registerStatefulAction(type, {
      ports,
      // A skill that fails makes its node FAILURE (not an error), so Fallback and Retry nodes can handle it.
      onStart: (ctx) =>
        run(build(ctx), ctx.signal).then(
          () => 'SUCCESS' as const,
          () => 'FAILURE' as const,
        ),
    });
  action(SKILL_NODE_TYPES.move, { place: text('Place to drive to.') }, (c) => ({
    type: 'move',
    to: c.getInput<string>('place'),
  }));
  action(SKILL_NODE_TYPES.grasp, { object: text('Object to pick up.') }, (c) => ({
    type: 'grasp',
    object: c.getInput<string>('object'),
  }));
  action(SKILL_NODE_TYPES.release, { object: text('Object held.'), at: text('Place the robot is at.') }, (c) => ({
    type: 'release',
    object: c.getInput<string>('object'),
    at: c.getInput<string>('at'),
  }));
  for (const kind of ['push', 'pull'] as const) {
    action(SKILL_NODE_TYPES[kind], { object: text('Object to move.'), to: text('Place to move it to.') }, (c) => ({
      type: kind,
      object: c.getInput<string>('object'),
      to: c.getInput<string>('to'),
    }));
  }
  action(
    SKILL_NODE_TYPES.rotate,
    { angle: inputPort('number', { description: 'Heading to face, rad (map).' }) },
    (c) => ({
      type: 'rotate',
      angle: c.getInput<number>('angle'),
    }),
  );
  action(
    SKILL_NODE_TYPES.observe,
    { target: text('Object or place to look at.'), kind: text('object (default) or area.') },
    (c) => ({
      type: 'observe',
      target: c.getInput<string>('target'),
      kind: c.tryInput<string>('kind') === 'area' ? 'area' : 'object',
    }),
  );
  action(SKILL_NODE_TYPES.wait, { seconds: inputPort('number', { description: 'Seconds to stand still.' }) }, (c) => ({
    type: 'wait',
    seconds: c.getInput<number>('seconds'),
  }));
  action(SKILL_NODE_TYPES.dock, {}, () => ({ type: 'dock' }));
  action(SKILL_NODE_TYPES.charge, {}, () => ({ type: 'charge' }));
}
