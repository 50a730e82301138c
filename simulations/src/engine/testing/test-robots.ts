import type { RobotDescription } from '@omnimind/robots';

/** Lidar samples over a full turn, one per degree (the last ray stops a degree short of the first). */
const FULL_TURN_SAMPLES = 360;

/**
 * A small two-wheeled robot shaped like a TurtleBot3 Burger (radius 0.105 m, wheels 0.033 m apart
 * by 0.16 m, 0.22 m/s and 2.84 rad/s), with a 360-sample lidar (0.12–3.5 m), a 160×120 62° camera,
 * an IMU, odometry, a bumper and a battery, for tests and benchmarks. `overrides` replaces whole
 * top-level fields.
 */
export function turtlebotLikeDescription(overrides: Partial<RobotDescription> = {}): RobotDescription {
  return {
    name: 'turtlebot_like',
    description: 'A TurtleBot3-Burger-like differential-drive robot built in code',
    file: 'turtlebot-like (built in code)',
    base: {
      footprint: { shape: 'circle', radius: 0.105 },
      mass: 1.0,
      wheelRadius: 0.033,
      wheelSeparation: 0.16,
      wheelJoints: { left: 'wheel_left_joint', right: 'wheel_right_joint' },
      color: [40, 40, 40],
    },
    limits: {
      maxLinearVelocity: 0.22,
      maxAngularVelocity: 2.84,
      maxLinearAcceleration: 2.5,
      maxAngularAcceleration: 3.2,
      commandTimeout: 0.5,
    },
    frames: [
      { name: 'base_link', parent: '', xyz: [0, 0, 0], rpy: [0, 0, 0] },
      { name: 'base_scan', parent: 'base_link', xyz: [-0.032, 0, 0.172], rpy: [0, 0, 0] },
      { name: 'imu_link', parent: 'base_link', xyz: [-0.032, 0, 0.068], rpy: [0, 0, 0] },
      { name: 'camera_link', parent: 'base_link', xyz: [0.06, 0, 0.12], rpy: [0, 0, 0] },
    ],
    sensors: {
      lidar: {
        frame: 'base_scan',
        rateHz: 10,
        samples: FULL_TURN_SAMPLES,
        angleMin: 0,
        angleMax: (2 * Math.PI * (FULL_TURN_SAMPLES - 1)) / FULL_TURN_SAMPLES,
        rangeMin: 0.12,
        rangeMax: 3.5,
        rangeNoiseStd: 0.01,
      },
      camera: {
        frame: 'camera_link',
        rateHz: 10,
        width: 160,
        height: 120,
        horizontalFov: (62 * Math.PI) / 180,
        maxDistance: 8,
        pixelNoiseStd: 2,
      },
      imu: {
        frame: 'imu_link',
        rateHz: 50,
        angularVelocityNoiseStd: 0.002,
        linearAccelerationNoiseStd: 0.02,
        orientationNoiseStd: 0.005,
      },
      odometry: { rateHz: 50, slip: 0.02, linearNoiseStd: 0.005, angularNoiseStd: 0.01 },
      bumper: { frame: 'base_link' },
    },
    battery: {
      capacityAh: 1.8,
      nominalVoltage: 11.1,
      idleCurrent: 0.5,
      currentPerLinearSpeed: 2.0,
      currentPerAngularSpeed: 0.5,
      chargeCurrent: 1.0,
      initialCharge: 1.0,
    },
    gripper: undefined,
    ...overrides,
  };
}

/**
 * The TurtleBot-like base carrying a gripper 0.2 m in front of its centre (reach 0.1 m, payload
 * 0.5 kg), for gripper tests.
 */
export function manipulatorLikeDescription(overrides: Partial<RobotDescription> = {}): RobotDescription {
  const base = turtlebotLikeDescription();
  return {
    ...base,
    name: 'manipulator_like',
    description: 'A TurtleBot-like base with a gripper, built in code',
    file: 'manipulator-like (built in code)',
    frames: [...base.frames, { name: 'gripper_link', parent: 'base_link', xyz: [0.2, 0, 0.05], rpy: [0, 0, 0] }],
    gripper: { frame: 'gripper_link', reach: 0.1, maxPayload: 0.5, joint: 'gripper_joint' },
    ...overrides,
  };
}
