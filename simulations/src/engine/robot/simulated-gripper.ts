import type { GripperDescription } from '@omnimind/robots';
import type { GripperResult, SimulatedGripper } from '../engine-types.js';
import type { FrameOffset } from '../geometry/frame-offsets.js';
import { composePose, relativePose } from '../geometry/planar-math.js';
import { distanceToShape, shapeExtent } from '../geometry/shape-geometry.js';
import { bodyPose } from '../physics/physics-scene.js';
import type { PhysicsScene, SceneObject, SceneRobot } from '../physics/physics-scene.js';

/** Finger opening with nothing held, metres. */
export const GRIPPER_OPEN_WIDTH = 0.08;

/**
 * A gripper that takes the nearest graspable object whose edge is within `reach` of the gripper
 * frame and whose mass is within the payload. A held object keeps its pose relative to the robot
 * (it was in reach) and moves as part of the robot's body; released, it stays where it is, at rest.
 */
export class Gripper implements SimulatedGripper {
  readonly #scene: PhysicsScene;
  readonly #robot: SceneRobot;
  readonly #description: GripperDescription;
  readonly #mount: FrameOffset;
  readonly #beforeUse: () => void;
  readonly #afterChange: () => void;
  #held: SceneObject | undefined;

  /** `beforeUse` throws when the simulation is gone; `afterChange` marks sensor geometry stale. */
  constructor(
    scene: PhysicsScene,
    robot: SceneRobot,
    description: GripperDescription,
    mount: FrameOffset,
    hooks: { readonly beforeUse: () => void; readonly afterChange: () => void },
  ) {
    this.#scene = scene;
    this.#robot = robot;
    this.#description = description;
    this.#mount = mount;
    this.#beforeUse = hooks.beforeUse;
    this.#afterChange = hooks.afterChange;
  }

  grasp(): GripperResult {
    this.#beforeUse();
    if (this.#held !== undefined) return fail(`already holding '${this.#held.object.id}'`, this.#held.object.id);
    const robotPose = bodyPose(this.#robot.body);
    const tip = composePose(robotPose, { x: this.#mount.x, y: this.#mount.y, theta: 0 });
    const { reach, maxPayload } = this.#description;
    let best: { o: SceneObject; distance: number } | undefined;
    let tooHeavy: SceneObject | undefined;
    let notGraspable: SceneObject | undefined;
    let nearest: { o: SceneObject; distance: number } | undefined;
    for (const o of this.#scene.objects) {
      if (o.heldBy !== undefined) continue;
      const distance = distanceToShape(o.object.shape, this.#scene.objectPose(o), tip);
      if (o.object.graspable && (nearest === undefined || distance < nearest.distance)) nearest = { o, distance };
      if (distance > reach) continue;
      if (!o.object.graspable) notGraspable ??= o;
      else if (o.object.mass > maxPayload) tooHeavy ??= o;
      else if (best === undefined || distance < best.distance) best = { o, distance };
    }
    if (best === undefined) {
      if (tooHeavy !== undefined) {
        const { id, mass } = tooHeavy.object;
        return fail(`'${id}' is too heavy: ${mass} kg, the payload is ${maxPayload} kg`, id);
      }
      if (notGraspable !== undefined)
        return fail(`'${notGraspable.object.id}' is not graspable`, notGraspable.object.id);
      const where =
        nearest === undefined
          ? 'there is no free graspable object'
          : `the nearest is '${nearest.o.object.id}' at ${nearest.distance.toFixed(3)} m`;
      return fail(`nothing graspable within reach (${reach} m): ${where}`, undefined);
    }
    const o = best.o;
    this.#scene.attach(o, this.#robot, relativePose(robotPose, this.#scene.objectPose(o)));
    this.#held = o;
    this.#afterChange();
    return { success: true, objectId: o.object.id, message: `grasped '${o.object.id}'` };
  }

  release(): GripperResult {
    this.#beforeUse();
    const o = this.#held;
    if (o === undefined) return fail('not holding anything', undefined);
    this.#scene.detach(o);
    this.#held = undefined;
    this.#afterChange();
    return { success: true, objectId: o.object.id, message: `released '${o.object.id}'` };
  }

  holding(): string | undefined {
    return this.#held?.object.id;
  }

  fingerPosition(): number {
    if (this.#held === undefined) return GRIPPER_OPEN_WIDTH;
    const extent = shapeExtent(this.#held.object.shape);
    return Math.min(GRIPPER_OPEN_WIDTH, extent.width, extent.depth);
  }
}

function fail(message: string, objectId: string | undefined): GripperResult {
  return { success: false, objectId, message };
}
