import type { RobotDescription } from '@omnimind/robots';
import type { Pose2D, SpawnPoint, World } from '../world/world-types.js';

/** How to build a {@link Simulation}. */
export interface SimulationOptions {
  readonly world: World;
  /** Robot descriptions by type name (the `robot` of each spawn). */
  readonly robots: ReadonlyMap<string, RobotDescription>;
  /** Seed of every random draw (sensor noise, slip): same seed, same commands → bit-identical data. */
  readonly seed: number;
  /** Physics steps per simulated second (default 100). */
  readonly physicsHz?: number;
  /** Robots to spawn (default: the world's spawns). */
  readonly spawns?: readonly SpawnPoint[];
  /** False turns every noise source off (exact sensors, for tests and ground-truth runs). Default true. */
  readonly noise?: boolean;
}

/** Velocities of a planar body: forward m/s and counter-clockwise rad/s in its own frame. */
export interface Twist2D {
  readonly linear: number;
  readonly angular: number;
}

/** A robot's odometry estimate (what `odom` publishes): integrated from wheel motion with slip and noise. */
export interface OdometryReading {
  readonly pose: Pose2D;
  readonly twist: Twist2D;
}

/** What `imu` publishes: orientation as yaw, rates and accelerations in the IMU frame (2D: z rate, x/y accel). */
export interface ImuReading {
  readonly yaw: number;
  readonly angularVelocityZ: number;
  readonly linearAccelerationX: number;
  readonly linearAccelerationY: number;
}

/** State of charge, as `sensor_msgs/BatteryState` needs it. */
export interface BatteryReading {
  /** 0–1. */
  readonly charge: number;
  readonly voltage: number;
  /** Amperes; negative while discharging, positive while charging (ROS convention). */
  readonly current: number;
  readonly charging: boolean;
}

/** Collisions of the robot body with anything, this step. */
export interface ContactReading {
  readonly bumped: boolean;
  /** Ids of walls, obstacles, objects or robots touched. */
  readonly with: readonly string[];
}

/** Result of a grasp or release request. */
export interface GripperResult {
  readonly success: boolean;
  readonly objectId: string | undefined;
  /** Why it failed (nothing in reach, too heavy, already holding, nothing held). */
  readonly message: string;
}

/** The gripper of a robot that has one. */
export interface SimulatedGripper {
  /** Grasps the nearest graspable object within reach of the gripper frame. */
  grasp(): GripperResult;
  release(): GripperResult;
  /** Id of the object held, if any. */
  holding(): string | undefined;
  /** Finger opening, metres (0 closed), for `joint_states`. */
  fingerPosition(): number;
}

/** One robot in a running simulation. */
export interface SimulatedRobot {
  /** Instance name (also its namespace). */
  readonly name: string;
  readonly description: RobotDescription;
  /**
   * Sets the commanded velocity (clamped to the limits; acceleration limited over the next steps).
   * Without a new command for `limits.commandTimeout` of simulated time, the robot stops (watchdog).
   */
  command(twist: Twist2D): void;
  /** Exact pose and velocity in the world frame (for evaluation; not what sensors see). */
  groundTruth(): { readonly pose: Pose2D; readonly twist: Twist2D };
  odometry(): OdometryReading;
  imu(): ImuReading;
  /**
   * Lidar ranges, one per sample over angleMin..angleMax; as REP-117 says, `Infinity` where nothing is
   * within rangeMax and `-Infinity` where something is closer than rangeMin.
   */
  scan(): Float32Array;
  /** A first-person RGB image (rgb8, row-major, `width*height*3` bytes) rendered by one ray per column. */
  renderCamera(): Uint8Array;
  battery(): BatteryReading;
  /**
   * Sets the battery's state of charge (0–1) at once, e.g. to test a mission on a low battery.
   * Throws `OMNI_ERR_SIM_INVALID_OPTIONS` for a value outside [0, 1].
   *
   * @example
   * sim.robot('robot1').setBatteryCharge(0.1);
   */
  setBatteryCharge(charge: number): void;
  contacts(): ContactReading;
  /** Wheel angles in radians (left, right), integrated from the true motion. */
  wheelPositions(): { readonly left: number; readonly right: number };
  /** Present when the description has a gripper. */
  readonly gripper: SimulatedGripper | undefined;
}

/** Where a movable object is now. */
export interface ObjectState {
  readonly id: string;
  readonly pose: Pose2D;
  /** Name of the robot holding it, if any. */
  readonly heldBy: string | undefined;
}

/** Outcome of a change a test makes to a running simulation. */
export interface SimulationEditResult {
  readonly success: boolean;
  /** What was done, or why nothing was. */
  readonly message: string;
}

/**
 * A running 2D simulation: Rapier physics at a fixed step, robots, sensors. Knows nothing of the
 * bus; the simulator plugin publishes what it computes.
 */
export interface Simulation {
  /** Simulated time since start, milliseconds (an exact multiple of the step). */
  readonly timeMs: number;
  /** Length of one physics step, milliseconds. */
  readonly stepMs: number;
  /** Advances physics by `count` fixed steps (default 1). */
  step(count?: number): void;
  readonly robots: readonly SimulatedRobot[];
  /** A robot by instance name; throws when absent. */
  robot(name: string): SimulatedRobot;
  objects(): ObjectState[];
  /**
   * Teleports a movable object to `pose` (map frame), at rest. Refused (success false, with the
   * reason) for an unknown id, an object a robot holds, or a pose where the object would reach
   * outside the world's bounds or overlap a wall, obstacle, robot or another object.
   *
   * @example
   * const result = sim.setObjectPose('red_box', { x: 1, y: 0.5, theta: 0 });
   * if (!result.success) console.log(result.message);
   */
  setObjectPose(id: string, pose: Pose2D): SimulationEditResult;
  /** Frees the physics world. */
  dispose(): void;
}
