/**
 * A robot as the simulator and the drivers see it, once loaded from `robots/<name>/robot.yaml`
 * (and optionally a URDF that supplies the frames). Units: metres, kilograms, seconds, radians
 * (REP-103). Frames follow REP-105: `base_link` at the centre of the wheel axis on the ground.
 */
export interface RobotDescription {
  /** Robot type name, e.g. `diffbot` (the folder name under `robots/`). */
  readonly name: string;
  readonly description: string;
  /** The file it was loaded from (for error messages). */
  readonly file: string;
  readonly base: BaseDescription;
  readonly limits: MotionLimits;
  /** Fixed transforms of every frame relative to its parent, `base_link` first. */
  readonly frames: readonly FrameDescription[];
  readonly sensors: SensorSuite;
  readonly battery: BatteryDescription;
  /** Present on robots that can grasp (the mobile manipulator). */
  readonly gripper: GripperDescription | undefined;
}

/** The body of a differential-drive base, seen from above. */
export interface BaseDescription {
  /** Footprint: a circle of `radius`, or a rectangle `length` × `width` centred on `base_link`. */
  readonly footprint:
    | { readonly shape: 'circle'; readonly radius: number }
    | { readonly shape: 'box'; readonly length: number; readonly width: number };
  readonly mass: number;
  readonly wheelRadius: number;
  /** Distance between the two wheels' contact points. */
  readonly wheelSeparation: number;
  /** Joint names of the left and right wheels (published in `joint_states`). */
  readonly wheelJoints: { readonly left: string; readonly right: string };
  /** Colour the robot is drawn in by cameras. */
  readonly color: Rgb;
}

/** Velocity and acceleration limits enforced on `cmd_vel`. */
export interface MotionLimits {
  readonly maxLinearVelocity: number;
  readonly maxAngularVelocity: number;
  readonly maxLinearAcceleration: number;
  readonly maxAngularAcceleration: number;
  /** Commands older than this stop the robot (watchdog), in seconds. */
  readonly commandTimeout: number;
}

/** A fixed frame: its parent and its offset (x, y, z in metres; roll, pitch, yaw in radians). */
export interface FrameDescription {
  readonly name: string;
  readonly parent: string;
  readonly xyz: readonly [number, number, number];
  readonly rpy: readonly [number, number, number];
}

/** An RGB colour, each channel 0–255. */
export type Rgb = readonly [number, number, number];

/** The sensors a robot carries; each names the frame it is mounted in. */
export interface SensorSuite {
  readonly lidar: LidarDescription | undefined;
  readonly camera: CameraDescription | undefined;
  readonly imu: ImuDescription | undefined;
  readonly odometry: OdometryDescription;
  readonly bumper: BumperDescription | undefined;
}

export interface LidarDescription {
  readonly frame: string;
  readonly rateHz: number;
  /** Number of rays over `angleMin..angleMax` (inclusive of both ends when the span is < 2π). */
  readonly samples: number;
  readonly angleMin: number;
  readonly angleMax: number;
  readonly rangeMin: number;
  readonly rangeMax: number;
  /** Standard deviation of Gaussian range noise, metres. */
  readonly rangeNoiseStd: number;
}

export interface CameraDescription {
  readonly frame: string;
  readonly rateHz: number;
  readonly width: number;
  readonly height: number;
  /** Horizontal field of view, radians. */
  readonly horizontalFov: number;
  /** Distance beyond which nothing is drawn (sky/floor colours only), metres. */
  readonly maxDistance: number;
  /** Standard deviation of per-pixel noise, in 0–255 units (0 for none). */
  readonly pixelNoiseStd: number;
}

export interface ImuDescription {
  readonly frame: string;
  readonly rateHz: number;
  readonly angularVelocityNoiseStd: number;
  readonly linearAccelerationNoiseStd: number;
  readonly orientationNoiseStd: number;
}

export interface OdometryDescription {
  readonly rateHz: number;
  /** Fraction of wheel motion lost to slip (0 = none), applied to the odometry estimate. */
  readonly slip: number;
  /** Standard deviation of per-update noise on linear and angular velocity. */
  readonly linearNoiseStd: number;
  readonly angularNoiseStd: number;
}

export interface BumperDescription {
  readonly frame: string;
}

/** Energy model of `sensor_msgs/BatteryState`. */
export interface BatteryDescription {
  /** Capacity in ampere-hours. */
  readonly capacityAh: number;
  readonly nominalVoltage: number;
  /** Draw of the electronics while on, amperes. */
  readonly idleCurrent: number;
  /** Extra draw per m/s of linear speed and per rad/s of turning, amperes. */
  readonly currentPerLinearSpeed: number;
  readonly currentPerAngularSpeed: number;
  /** Charging current on a dock, amperes. */
  readonly chargeCurrent: number;
  /** Charge at spawn, 0–1. */
  readonly initialCharge: number;
}

/** A gripper that grasps one graspable object within reach. */
export interface GripperDescription {
  readonly frame: string;
  /** Farthest distance from the gripper frame to an object's edge that can be grasped, metres. */
  readonly reach: number;
  readonly maxPayload: number;
  /** Joint name of the fingers (published in `joint_states`). */
  readonly joint: string;
}
