import type { RobotDescription } from '@omnimind/robots';
import type {
  BatteryReading,
  ContactReading,
  ImuReading,
  OdometryReading,
  SimulatedGripper,
  SimulatedRobot,
  Twist2D,
} from '../engine-types.js';
import type { ChargingDock, Pose2D } from '../../world/world-types.js';
import { frameOffset } from '../geometry/frame-offsets.js';
import { sinc } from '../geometry/planar-math.js';
import { bodyPose } from '../physics/physics-scene.js';
import type { PhysicsScene, SceneRobot } from '../physics/physics-scene.js';
import type { RandomStreams, SeededRandom } from '../random/seeded-random.js';
import { CameraRenderer } from '../sensors/camera-renderer.js';
import { LidarSensor } from '../sensors/lidar-sensor.js';
import { SimulationError, SimulationErrorCode } from '../simulation-error.js';
import { BatteryModel } from './battery-model.js';
import { bodyMotion } from './body-motion.js';
import { DriveController } from './drive-controller.js';
import { ImuModel } from './imu-model.js';
import { Gripper } from './simulated-gripper.js';
import { WheelOdometry } from './wheel-odometry.js';

/** Contact distance (metres) within which the bumper counts something as touched. */
export const CONTACT_DISTANCE = 0.001;

/** What a robot needs from the simulation it lives in. */
export interface RobotHost {
  readonly scene: PhysicsScene;
  readonly docks: readonly ChargingDock[];
  readonly floorColor: readonly [number, number, number];
  readonly skyColor: readonly [number, number, number];
  /** Simulated time now, milliseconds. */
  now(): number;
  /** Throws when the simulation was disposed. */
  assertAlive(): void;
  /** Brings the ray caster's moving bodies to the current physics poses (once per step). */
  syncSensors(): void;
  /** Marks the ray caster's moving bodies stale (after a grasp or release). */
  invalidateSensors(): void;
}

/**
 * One robot of a running simulation: drives its body as a differential drive each step and keeps
 * the state its sensors report.
 *
 * The body is a dynamic rigid body whose velocity is set at every step to the drive's twist (along
 * the mean heading of the step, so a constant twist traces the exact arc), after which the physics
 * step resolves contacts: walls stop it, movable objects are pushed, other robots are shoved.
 */
export class RobotRuntime implements SimulatedRobot {
  readonly name: string;
  readonly description: RobotDescription;
  readonly gripper: SimulatedGripper | undefined;
  readonly #host: RobotHost;
  readonly #robot: SceneRobot;
  readonly #drive: DriveController;
  readonly #odometry: WheelOdometry;
  readonly #imu: ImuModel | undefined;
  readonly #lidar: LidarSensor | undefined;
  readonly #camera: CameraRenderer | undefined;
  readonly #battery: BatteryModel;
  #pose: Pose2D;
  #twist: Twist2D = { linear: 0, angular: 0 };
  #driven: Twist2D = { linear: 0, angular: 0 };
  #wheelLeft = 0;
  #wheelRight = 0;
  #contacts: ContactReading = { bumped: false, with: [] };
  readonly #velocity = { x: 0, y: 0 };

  /** `streams` is undefined when noise is off. */
  constructor(host: RobotHost, robot: SceneRobot, streams: RandomStreams | undefined) {
    this.#host = host;
    this.#robot = robot;
    this.name = robot.name;
    this.description = robot.description;
    const d = robot.description;
    // Four streams per robot whatever it carries, so adding a sensor never shifts another's noise.
    const random: (SeededRandom | undefined)[] = [0, 1, 2, 3].map(() => streams?.next());
    this.#pose = robot.spawnPose;
    this.#drive = new DriveController(d.limits);
    this.#odometry = new WheelOdometry(d.sensors.odometry, robot.spawnPose, random[0]);
    const { imu, lidar, camera } = d.sensors;
    this.#imu = imu && new ImuModel(imu, frameOffset(d, imu.frame), robot.spawnPose.theta, random[1]);
    this.#lidar = lidar && new LidarSensor(lidar, frameOffset(d, lidar.frame), random[2]);
    this.#camera =
      camera && new CameraRenderer(camera, frameOffset(d, camera.frame), host.floorColor, host.skyColor, random[3]);
    this.#battery = new BatteryModel(d.battery);
    this.gripper =
      d.gripper &&
      new Gripper(host.scene, robot, d.gripper, frameOffset(d, d.gripper.frame), {
        beforeUse: () => host.assertAlive(),
        afterChange: () => host.invalidateSensors(),
      });
  }

  command(twist: Twist2D): void {
    this.#host.assertAlive();
    this.#drive.command(twist, this.#host.now());
  }

  /** Sets the body's velocity for the step starting at `nowMs`. */
  beforeStep(nowMs: number, dtSeconds: number): void {
    const drive = this.#drive.update(nowMs, dtSeconds, this.#battery.hasCharge);
    this.#driven = drive;
    const half = (drive.angular * dtSeconds) / 2;
    const speed = drive.linear * sinc(half);
    const heading = this.#pose.theta + half;
    this.#velocity.x = speed * Math.cos(heading);
    this.#velocity.y = speed * Math.sin(heading);
    this.#robot.body.setLinvel(this.#velocity, true);
    this.#robot.body.setAngvel(drive.angular, true);
  }

  /** Reads the step's outcome and updates every sensor model. */
  afterStep(dtSeconds: number): void {
    const body = this.#robot.body;
    const from = this.#pose;
    const to = bodyPose(body);
    const motion = bodyMotion(from, to);
    this.#pose = to;
    // Velocities come from the solver rather than from pose differences: poses are single
    // precision, and their differences over one step would carry ~1e-5 relative noise.
    const velocity = body.linvel();
    const angular = body.angvel();
    const half = (angular * dtSeconds) / 2;
    const heading = from.theta + half;
    const linear = (velocity.x * Math.cos(heading) + velocity.y * Math.sin(heading)) / sinc(half);
    this.#twist = { linear, angular };
    this.#odometry.update(motion.forward, motion.lateral, motion.turn, dtSeconds);
    this.#imu?.update(from.theta, to.theta, angular, velocity.x, velocity.y, dtSeconds);
    const base = this.description.base;
    this.#wheelLeft += (motion.forward - (motion.turn * base.wheelSeparation) / 2) / base.wheelRadius;
    this.#wheelRight += (motion.forward + (motion.turn * base.wheelSeparation) / 2) / base.wheelRadius;
    const onDock = this.#host.docks.some((dock) => Math.hypot(to.x - dock.pose.x, to.y - dock.pose.y) <= dock.radius);
    this.#battery.update(dtSeconds, this.#driven.linear, this.#driven.angular, onDock);
    this.#contacts = this.#touching();
  }

  #touching(): ContactReading {
    const { world } = this.#host.scene;
    const own = this.#robot.collider;
    const ids = new Set<string>();
    world.contactPairsWith(own, (other) => {
      const contact = own.contactCollider(other, CONTACT_DISTANCE);
      if (contact === null || contact.distance > CONTACT_DISTANCE) return;
      const entity = this.#host.scene.entityOf(other);
      if (entity !== undefined) ids.add(entity.id);
    });
    if (ids.size === 0) return NO_CONTACT;
    return { bumped: true, with: [...ids].sort() };
  }

  groundTruth(): { readonly pose: Pose2D; readonly twist: Twist2D } {
    this.#host.assertAlive();
    return { pose: this.#pose, twist: this.#twist };
  }

  odometry(): OdometryReading {
    this.#host.assertAlive();
    return this.#odometry.reading();
  }

  imu(): ImuReading {
    this.#host.assertAlive();
    return this.#need(this.#imu, 'imu').reading();
  }

  scan(): Float32Array {
    this.#host.assertAlive();
    const lidar = this.#need(this.#lidar, 'lidar');
    this.#host.syncSensors();
    return lidar.scan(this.#host.scene.caster, this.#pose, this.#robot.index);
  }

  renderCamera(): Uint8Array {
    this.#host.assertAlive();
    const camera = this.#need(this.#camera, 'camera');
    this.#host.syncSensors();
    return camera.render(this.#host.scene.caster, this.#host.scene.entities, this.#pose, this.#robot.index);
  }

  battery(): BatteryReading {
    this.#host.assertAlive();
    return this.#battery.reading();
  }

  setBatteryCharge(charge: number): void {
    this.#host.assertAlive();
    if (!(Number.isFinite(charge) && charge >= 0 && charge <= 1)) {
      throw new SimulationError(
        SimulationErrorCode.InvalidOptions,
        `battery charge of robot '${this.name}' must be a number in [0, 1], got ${charge}`,
        { robot: this.name, charge },
      );
    }
    this.#battery.setCharge(charge);
  }

  contacts(): ContactReading {
    this.#host.assertAlive();
    return this.#contacts;
  }

  wheelPositions(): { readonly left: number; readonly right: number } {
    this.#host.assertAlive();
    return { left: this.#wheelLeft, right: this.#wheelRight };
  }

  #need<T>(sensor: T | undefined, kind: string): T {
    if (sensor === undefined) {
      throw new SimulationError(
        SimulationErrorCode.NoSuchSensor,
        `robot '${this.name}' (${this.description.name}) has no ${kind}`,
        {
          robot: this.name,
          sensor: kind,
        },
      );
    }
    return sensor;
  }
}

const NO_CONTACT: ContactReading = { bumped: false, with: [] };
