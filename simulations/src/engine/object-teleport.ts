import { didYouMean } from '@omnimind/core';
import { discOutline, placedOutline } from '../world/geometry/outline-gap.js';
import { placementProblem, type PlacementNeighbour } from '../world/object-placement.js';
import type { Pose2D, World } from '../world/world-types.js';
import type { SimulationEditResult } from './engine-types.js';
import { bodyPose, type PhysicsScene } from './physics/physics-scene.js';

/**
 * Moves object `id` of `scene` to `pose` when it is free and the pose is clear (see
 * `Simulation.setObjectPose`); `staticNeighbours` are the world's walls and obstacles.
 */
export function teleportObject(
  scene: PhysicsScene,
  world: World,
  staticNeighbours: readonly PlacementNeighbour[],
  id: string,
  pose: Pose2D,
): SimulationEditResult {
  const target = scene.objects.find((o) => o.object.id === id);
  if (target === undefined) {
    const known = scene.objects.map((o) => o.object.id).sort();
    const suggestion = didYouMean(id, known);
    return fail(
      `no object '${id}'` +
        (suggestion ? `; did you mean '${suggestion}'?` : '') +
        ` (objects: ${known.join(', ') || 'none'})`,
    );
  }
  if (![pose.x, pose.y, pose.theta].every(Number.isFinite))
    return fail(`pose of '${id}' must be finite numbers, got (${pose.x}, ${pose.y}, ${pose.theta})`);
  if (target.heldBy !== undefined) return fail(`'${id}' is held by robot '${target.heldBy.name}'; release it first`);
  const neighbours: PlacementNeighbour[] = [
    ...staticNeighbours,
    ...scene.objects
      .filter((o) => o !== target)
      .map((o) => ({ kind: 'object', id: o.object.id, outline: placedOutline(o.object.shape, scene.objectPose(o)) })),
    ...scene.robots.map((r) => {
      const footprint = r.description.base.footprint;
      const at = bodyPose(r.body);
      const outline =
        footprint.shape === 'circle'
          ? discOutline(at, footprint.radius)
          : placedOutline({ kind: 'box', width: footprint.length, height: footprint.width }, at);
      return { kind: 'robot', id: r.name, outline };
    }),
  ];
  const problem = placementProblem(world, target.object, pose, neighbours);
  if (problem !== undefined) return fail(`cannot move to (${fmt(pose.x)}, ${fmt(pose.y)}): ${problem}`);
  scene.placeObject(target, pose);
  return { success: true, message: `moved '${id}' to (${fmt(pose.x)}, ${fmt(pose.y)}, ${fmt(pose.theta)} rad)` };
}

const fmt = (value: number): string => String(Math.round(value * 1000) / 1000);

function fail(message: string): SimulationEditResult {
  return { success: false, message };
}
