import type { Collider, RigidBody, World as RapierWorld } from '@dimforge/rapier2d-compat';
import type { RobotDescription } from '@omnimind/robots';
import type { MovableObject, Pose2D, Shape, SpawnPoint, World } from '../../world/world-types.js';
import { frameOffset } from '../geometry/frame-offsets.js';
import { composePose } from '../geometry/planar-math.js';
import {
  checkShape,
  shapeArea,
  shapeExtent,
  shapeOutline,
  transformPoints,
  wallBlockCorners,
  wallBlocks,
} from '../geometry/shape-geometry.js';
import { SceneRayCaster } from '../raycast/scene-ray-caster.js';
import { SimulationError, SimulationErrorCode } from '../simulation-error.js';
import { shapeColliders } from './collider-shapes.js';
import type { Rapier } from './collider-shapes.js';
import { OBJECT_HEIGHT_RANGE, OBSTACLE_HEIGHT, WALL_HEIGHT } from './scene-entity.js';
import type { SceneEntity, SceneEntityKind } from './scene-entity.js';

/** Standard gravity, m/s²: floor friction of objects is modelled as damping scaled by it. */
const GRAVITY = 9.81;
/** Contact friction of robot bodies: low, so a robot pressed against a wall still slides along it. */
const ROBOT_FRICTION = 0.2;

/** A robot's body in the physics world. */
export interface SceneRobot {
  /** Position in spawn order; also the ray caster's exclusion key of the robot's own body. */
  readonly index: number;
  readonly name: string;
  readonly description: RobotDescription;
  readonly spawnPose: Pose2D;
  readonly body: RigidBody;
  readonly collider: Collider;
  readonly entity: SceneEntity;
  readonly casterBody: number;
}

/** A movable object's body, or its colliders on the robot carrying it. */
export interface SceneObject {
  readonly object: MovableObject;
  readonly entity: SceneEntity;
  readonly casterBody: number;
  /** Undefined while held: the colliders then hang on the carrier's body. */
  body: RigidBody | undefined;
  colliders: Collider[];
  heldBy: SceneRobot | undefined;
  /** Pose in the carrier's frame while held. */
  heldPose: Pose2D | undefined;
}

/**
 * The Rapier world of a simulation with everything in it, the mirror of its geometry that sensors
 * ray-cast against, and which entity every collider belongs to.
 */
export class PhysicsScene {
  readonly entities: SceneEntity[] = [];
  readonly robots: SceneRobot[] = [];
  readonly objects: SceneObject[] = [];
  readonly caster = new SceneRayCaster();
  readonly #entityByCollider = new Map<number, SceneEntity>();
  readonly world: RapierWorld;

  /** Builds the scene; `stepSeconds` becomes the physics time step. */
  constructor(
    readonly rapier: Rapier,
    world: World,
    spawns: readonly { readonly spawn: SpawnPoint; readonly description: RobotDescription }[],
    stepSeconds: number,
  ) {
    this.world = new rapier.World({ x: 0, y: 0 });
    this.world.timestep = stepSeconds;
    try {
      for (const wall of world.walls) this.#addWall(wall);
      for (const obstacle of world.obstacles)
        this.#addObstacle(obstacle.id, obstacle.shape, obstacle.pose, obstacle.color);
      this.caster.finalize();
      for (const object of world.objects) this.#addObject(object);
      for (const { spawn, description } of spawns) this.#addRobot(spawn, description);
    } catch (error) {
      this.world.free();
      throw error;
    }
  }

  /** The entity a collider belongs to. */
  entityOf(collider: Collider): SceneEntity | undefined {
    return this.#entityByCollider.get(collider.handle);
  }

  /** World pose of an object, held or not. */
  objectPose(o: SceneObject): Pose2D {
    if (o.heldBy !== undefined && o.heldPose !== undefined) return composePose(bodyPose(o.heldBy.body), o.heldPose);
    return bodyPose(o.body!);
  }

  /** Moves every moving body of the ray caster to its current physics pose. */
  syncCaster(): void {
    for (const r of this.robots) {
      const p = bodyPose(r.body);
      this.caster.setBodyPose(r.casterBody, p.x, p.y, p.theta);
    }
    for (const o of this.objects) {
      const p = this.objectPose(o);
      this.caster.setBodyPose(o.casterBody, p.x, p.y, p.theta);
    }
  }

  /**
   * Hangs an object's colliders on a robot's body at `pose` (in the robot frame): it then moves
   * with the robot, pushes what the robot pushes, never collides with its carrier and is hidden
   * from the carrier's own sensors. Massless there, so the robot's dynamics are unchanged.
   */
  attach(o: SceneObject, robot: SceneRobot, pose: Pose2D): void {
    if (o.body !== undefined) this.world.removeRigidBody(o.body);
    this.#forget(o.colliders);
    o.body = undefined;
    o.colliders = this.#createColliders(o.object.shape, o.entity, o.object.id, robot.body, pose, 0, o.object.friction);
    o.heldBy = robot;
    o.heldPose = pose;
    this.caster.setBodyExcludeKey(o.casterBody, robot.index);
  }

  /** Puts a held object back in the world as a body of its own, at rest where it is now. */
  detach(o: SceneObject): void {
    const pose = this.objectPose(o);
    for (const c of o.colliders) this.world.removeCollider(c, true);
    this.#forget(o.colliders);
    o.heldBy = undefined;
    o.heldPose = undefined;
    o.body = this.#createObjectBody(o.object, pose);
    o.colliders = this.#createColliders(
      o.object.shape,
      o.entity,
      o.object.id,
      o.body,
      { x: 0, y: 0, theta: 0 },
      o.object.mass / shapeArea(o.object.shape),
      o.object.friction,
    );
    this.caster.setBodyExcludeKey(o.casterBody, -1);
  }

  /** Puts a free (not held) object at `pose`, at rest: a teleport, with no sweep through what lies between. */
  placeObject(o: SceneObject, pose: Pose2D): void {
    const body = o.body!;
    body.setTranslation({ x: pose.x, y: pose.y }, true);
    body.setRotation(pose.theta, true);
    body.setLinvel({ x: 0, y: 0 }, true);
    body.setAngvel(0, true);
    this.caster.setBodyPose(o.casterBody, pose.x, pose.y, pose.theta);
  }

  /** Frees the physics world. */
  free(): void {
    this.world.free();
  }

  #addEntity(kind: SceneEntityKind, id: string, color: SceneEntity['color'], height: number): SceneEntity {
    const entity: SceneEntity = { index: this.entities.length, kind, id, color, height };
    this.entities.push(entity);
    return entity;
  }

  #addWall(wall: World['walls'][number]): void {
    if (!(wall.thickness > 0) || wall.points.length < 2) {
      throw new SimulationError(
        SimulationErrorCode.InvalidGeometry,
        `wall '${wall.id}': needs at least 2 points and a positive thickness`,
        { owner: wall.id },
      );
    }
    const entity = this.#addEntity('wall', wall.id, wall.color, WALL_HEIGHT);
    const body = this.world.createRigidBody(this.rapier.RigidBodyDesc.fixed());
    for (const block of wallBlocks(wall)) {
      const desc = this.rapier.ColliderDesc.cuboid(block.halfLength, block.halfThickness)
        .setTranslation(block.x, block.y)
        .setRotation(block.angle);
      this.#entityByCollider.set(this.world.createCollider(desc, body).handle, entity);
      this.caster.addStaticPolygon(entity.index, wallBlockCorners(block));
    }
  }

  #addObstacle(id: string, shape: Shape, pose: Pose2D, color: SceneEntity['color']): void {
    checkShape(shape, `obstacle '${id}'`);
    const entity = this.#addEntity('obstacle', id, color, OBSTACLE_HEIGHT);
    const body = this.world.createRigidBody(
      this.rapier.RigidBodyDesc.fixed().setTranslation(pose.x, pose.y).setRotation(pose.theta),
    );
    this.#createColliders(shape, entity, id, body, { x: 0, y: 0, theta: 0 }, 1, 0.5);
    if (shape.kind === 'circle') this.caster.addStaticCircle(entity.index, pose.x, pose.y, shape.radius);
    else this.caster.addStaticPolygon(entity.index, transformPoints(shapeOutline(shape)!, pose));
  }

  #addObject(object: MovableObject): void {
    checkShape(object.shape, `object '${object.id}'`);
    if (!(object.mass > 0 && Number.isFinite(object.mass))) {
      throw new SimulationError(
        SimulationErrorCode.InvalidGeometry,
        `object '${object.id}': mass must be positive, got ${object.mass}`,
        {
          owner: object.id,
        },
      );
    }
    const extent = shapeExtent(object.shape);
    const [low, high] = OBJECT_HEIGHT_RANGE;
    const height = Math.min(high, Math.max(low, Math.min(extent.width, extent.depth)));
    const entity = this.#addEntity('object', object.id, object.color, height);
    const body = this.#createObjectBody(object, object.pose);
    const density = object.mass / shapeArea(object.shape);
    const colliders = this.#createColliders(
      object.shape,
      entity,
      object.id,
      body,
      { x: 0, y: 0, theta: 0 },
      density,
      object.friction,
    );
    const casterBody = this.caster.addBody(-1);
    addShapeToCaster(this.caster, casterBody, entity.index, object.shape, { x: 0, y: 0, theta: 0 });
    this.caster.setBodyPose(casterBody, object.pose.x, object.pose.y, object.pose.theta);
    this.objects.push({ object, entity, casterBody, body, colliders, heldBy: undefined, heldPose: undefined });
  }

  #createObjectBody(object: MovableObject, pose: Pose2D): RigidBody {
    // Top-down there is no floor to rub on: damping proportional to the friction coefficient
    // stands in for it (at 1 m/s the drag equals Coulomb friction μ·m·g).
    const damping = Math.max(0, object.friction) * GRAVITY;
    return this.world.createRigidBody(
      this.rapier.RigidBodyDesc.dynamic()
        .setTranslation(pose.x, pose.y)
        .setRotation(pose.theta)
        .setLinearDamping(damping)
        .setAngularDamping(damping),
    );
  }

  #createColliders(
    shape: Shape,
    entity: SceneEntity,
    owner: string,
    body: RigidBody,
    pose: Pose2D,
    density: number,
    friction: number,
  ): Collider[] {
    return shapeColliders(this.rapier, shape, owner).map((desc) => {
      desc.setTranslation(pose.x, pose.y).setRotation(pose.theta).setDensity(density).setFriction(friction);
      const collider = this.world.createCollider(desc, body);
      this.#entityByCollider.set(collider.handle, entity);
      return collider;
    });
  }

  #forget(colliders: readonly Collider[]): void {
    for (const c of colliders) this.#entityByCollider.delete(c.handle);
  }

  #addRobot(spawn: SpawnPoint, description: RobotDescription): void {
    const footprint = description.base.footprint;
    const shape: Shape =
      footprint.shape === 'circle'
        ? { kind: 'circle', radius: footprint.radius }
        : { kind: 'box', width: footprint.length, height: footprint.width };
    checkShape(shape, `robot '${spawn.name}' footprint`);
    const entity = this.#addEntity('robot', spawn.name, description.base.color, robotHeight(description));
    const pose = spawn.pose;
    const body = this.world.createRigidBody(
      this.rapier.RigidBodyDesc.dynamic().setTranslation(pose.x, pose.y).setRotation(pose.theta).setCanSleep(false),
    );
    const desc = (
      shape.kind === 'circle'
        ? this.rapier.ColliderDesc.ball(shape.radius)
        : this.rapier.ColliderDesc.cuboid(shape.width / 2, shape.height / 2)
    )
      .setMass(Math.max(description.base.mass, 1e-3))
      .setFriction(ROBOT_FRICTION);
    const collider = this.world.createCollider(desc, body);
    this.#entityByCollider.set(collider.handle, entity);
    const index = this.robots.length;
    const casterBody = this.caster.addBody(index);
    addShapeToCaster(this.caster, casterBody, entity.index, shape, { x: 0, y: 0, theta: 0 });
    this.caster.setBodyPose(casterBody, pose.x, pose.y, pose.theta);
    this.robots.push({ index, name: spawn.name, description, spawnPose: pose, body, collider, entity, casterBody });
  }
}

/** Pose of a rigid body in the world frame. */
export function bodyPose(body: RigidBody): Pose2D {
  const t = body.translation();
  return { x: t.x, y: t.y, theta: body.rotation() };
}

function addShapeToCaster(caster: SceneRayCaster, body: number, entity: number, shape: Shape, pose: Pose2D): void {
  if (shape.kind === 'circle') caster.addBodyCircle(body, entity, pose.x, pose.y, shape.radius);
  else caster.addBodyPolygon(body, entity, transformPoints(shapeOutline(shape)!, pose));
}

/** Height cameras draw a robot with: 5 cm above its highest frame, at least 0.1 m. */
function robotHeight(description: RobotDescription): number {
  let top = 0;
  for (const frame of description.frames) top = Math.max(top, frameOffset(description, frame.name).z);
  return Math.max(0.1, top + 0.05);
}
