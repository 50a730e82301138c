import type { GroundedAction } from '../goap/actions/action-types.js';
import { formatAction } from '../goap/actions/action-types.js';
import { SKILL_NODE_TYPES } from './skill-nodes.js';

function attribute(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function ports(action: GroundedAction): Record<string, string | number> {
  switch (action.type) {
    case 'move':
      return { place: action.to };
    case 'grasp':
      return { object: action.object };
    case 'release':
      return { object: action.object, at: action.at };
    case 'push':
    case 'pull':
      return { object: action.object, to: action.to };
    case 'rotate':
      return { angle: action.angle };
    case 'observe':
      return { target: action.target, kind: action.kind };
    case 'wait':
      return { seconds: action.seconds };
    case 'dock':
    case 'charge':
      return {};
  }
}

/**
 * A plan as a BehaviorTree.CPP v4 document: one `Sequence` named after the goal, with one skill node
 * per step (named as {@link formatAction} writes the step), so that the plan runs, halts and
 * reports its status like any other tree.
 *
 * @example
 * planToTreeXml('fetch', [{ type: 'move', to: 'pick_up' }]);
 * // <root BTCPP_format="4" main_tree_to_execute="Plan"> ... <MoveTo name="move(pick_up)" place="pick_up"/> ...
 */
export function planToTreeXml(goalId: string, actions: readonly GroundedAction[]): string {
  const steps = actions.map((action) => {
    const attrs = Object.entries({ name: formatAction(action), ...ports(action) })
      .map(([key, value]) => `${key}="${attribute(value)}"`)
      .join(' ');
    return `      <${SKILL_NODE_TYPES[action.type]} ${attrs}/>`;
  });
  return [
    '<root BTCPP_format="4" main_tree_to_execute="Plan">',
    '  <BehaviorTree ID="Plan">',
    `    <Sequence name="${attribute(goalId)}">`,
    ...steps,
    '    </Sequence>',
    '  </BehaviorTree>',
    '</root>',
  ].join('\n');
}
