import { z } from 'zod';

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
const rate = z.number().positive().max(10_000);
const vector3 = z.tuple([z.number(), z.number(), z.number()]);
const channel = z.number().int().min(0).max(255);
/** tf frame ids and joint names: a letter or `_`, then letters, digits, `_`. */
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a name of letters, digits and _');
/** An angle given in radians under `key` or in degrees under `key_deg`; exactly one (checked after the schema). */
const optionalAngle = z.number().optional();

const footprint = z.discriminatedUnion('shape', [
  z.strictObject({ shape: z.literal('circle'), radius: positive }),
  z.strictObject({ shape: z.literal('box'), length: positive, width: positive }),
]);

const base = z.strictObject({
  footprint,
  mass: positive,
  wheel_radius: positive,
  wheel_separation: positive,
  wheel_joints: z
    .strictObject({ left: identifier, right: identifier })
    .default({ left: 'wheel_left_joint', right: 'wheel_right_joint' }),
  color: z.tuple([channel, channel, channel]).default([128, 128, 128]),
});

const limits = z.strictObject({
  max_linear_velocity: positive,
  max_angular_velocity: positive,
  max_linear_acceleration: positive,
  max_angular_acceleration: positive,
  command_timeout: positive.default(0.5),
});

const frame = z.strictObject({
  name: identifier,
  parent: identifier,
  xyz: vector3.default([0, 0, 0]),
  rpy: vector3.optional(),
  rpy_deg: vector3.optional(),
});

const lidar = z.strictObject({
  frame: identifier,
  rate_hz: rate,
  samples: z.number().int().min(1).max(100_000),
  angle_min: optionalAngle,
  angle_min_deg: optionalAngle,
  angle_max: optionalAngle,
  angle_max_deg: optionalAngle,
  range_min: nonNegative,
  range_max: positive,
  range_noise_std: nonNegative.default(0),
});

const camera = z.strictObject({
  frame: identifier,
  rate_hz: rate,
  width: z.number().int().min(1).max(8192),
  height: z.number().int().min(1).max(8192),
  horizontal_fov: optionalAngle,
  horizontal_fov_deg: optionalAngle,
  max_distance: positive.default(10),
  pixel_noise_std: nonNegative.default(0),
});

const imu = z.strictObject({
  frame: identifier,
  rate_hz: rate,
  angular_velocity_noise_std: nonNegative.default(0),
  linear_acceleration_noise_std: nonNegative.default(0),
  orientation_noise_std: nonNegative.default(0),
});

const odometry = z.strictObject({
  rate_hz: rate.default(50),
  slip: z.number().min(0).lt(1).default(0),
  linear_noise_std: nonNegative.default(0),
  angular_noise_std: nonNegative.default(0),
});

const bumper = z.strictObject({ frame: identifier.default('base_link') });

const battery = z.strictObject({
  capacity_ah: positive,
  nominal_voltage: positive,
  idle_current: nonNegative.default(0),
  current_per_linear_speed: nonNegative.default(0),
  current_per_angular_speed: nonNegative.default(0),
  charge_current: positive,
  initial_charge: z.number().min(0).max(1).default(1),
});

const gripper = z.strictObject({
  frame: identifier,
  reach: positive,
  max_payload: positive,
  joint: identifier.default('gripper_finger_joint'),
});

/**
 * The schema of `robots/<type>/robot.yaml` as written (snake_case keys, angles in radians or,
 * under `*_deg` keys, degrees). The loader checks what a schema cannot (angle pairs, frame tree)
 * and maps it to a {@link RobotDescription}. Every key is described in docs/reference/robot-format.md.
 */
export const robotYamlSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected lower-case letters, digits, _ and -'),
  description: z.string().default(''),
  base,
  limits,
  frames: z.array(frame).optional(),
  urdf: z.string().min(1).optional(),
  sensors: z
    .strictObject({
      lidar: lidar.optional(),
      camera: camera.optional(),
      imu: imu.optional(),
      odometry: odometry.prefault({}),
      bumper: bumper.optional(),
    })
    .prefault({}),
  battery,
  gripper: gripper.optional(),
});

/** A `robot.yaml` after schema validation, before the loader's checks and mapping. */
export type RobotYaml = z.infer<typeof robotYamlSchema>;
