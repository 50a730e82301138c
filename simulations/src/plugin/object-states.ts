import type { builtin_interfaces, omnimind_msgs } from '@omnimind/core';
import type { ObjectState } from '../engine/engine-types.js';
import type { World } from '../world/world-types.js';

/** Ground truth of the world's movable objects as `omnimind_msgs/msg/ObjectStateArray` (frame `map`). */
export function objectStatesMessage(
  stamp: builtin_interfaces.Time,
  world: World,
  states: readonly ObjectState[],
): omnimind_msgs.ObjectStateArray {
  const described = new Map(world.objects.map((o) => [o.id, o]));
  return {
    header: { stamp, frame_id: 'map' },
    objects: states.map((state) => ({
      id: state.id,
      label: described.get(state.id)?.label ?? '',
      color: described.get(state.id)?.colorName ?? '',
      pose: { x: state.pose.x, y: state.pose.y, theta: state.pose.theta },
      held_by: state.heldBy ?? '',
    })),
  };
}
