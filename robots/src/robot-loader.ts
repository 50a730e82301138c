import { dirname, resolve } from 'node:path';
import {
  SchemaFileError,
  UserInputError,
  didYouMean,
  parseLocatedYaml,
  parseWithSchema,
  readLocatedYaml,
  type DataPath,
  type LocatedYaml,
  type PlacedProblem,
} from '@omnimind/core';
import type { FrameDescription, RobotDescription } from './robot-description.js';
import { RobotErrorCode } from './robot-errors.js';
import { ROOT_FRAME, describeCycle, orderFrameTree } from './frame-tree.js';
import { checkRobotValues, type ResolvedAngles } from './robot-values.js';
import { robotYamlSchema, type RobotYaml } from './robot-yaml-schema.js';
import { loadUrdf } from './urdf-frames.js';

/**
 * Parses the text of a `robot.yaml` into a checked {@link RobotDescription}. A `urdf:` path is
 * read relative to `file`'s folder. Every problem is a `UserInputError` at `file:line:col`
 * (codes in docs/reference/errors.md).
 */
export function parseRobotDescription(text: string, file: string): RobotDescription {
  return describeRobot(parseLocatedYaml(text, file, RobotErrorCode.Yaml));
}

/**
 * Loads `robots/<type>/robot.yaml` (and the URDF it names, if any) into a checked
 * {@link RobotDescription}: schema, angle pairs, frame tree rooted at `base_link`, and that every
 * sensor and the gripper are mounted in an existing frame.
 *
 * @example
 * const robot = loadRobotDescription(join(robotsDir(), 'diffbot', 'robot.yaml'));
 * robot.limits.maxLinearVelocity; // 0.22
 */
export function loadRobotDescription(file: string): RobotDescription {
  return describeRobot(readLocatedYaml(file, { syntax: RobotErrorCode.Yaml, notFound: RobotErrorCode.FileNotFound }));
}

function describeRobot(source: LocatedYaml): RobotDescription {
  const robot = parseWithSchema(source, robotYamlSchema, RobotErrorCode.Schema);
  const angles = checkRobotValues(robot, source);
  let frames: readonly FrameDescription[];
  let urdfName: string | undefined;
  if (robot.urdf !== undefined) {
    const urdf = loadUrdf(resolve(dirname(source.file), robot.urdf), source.locate(['urdf']));
    frames = urdf.frames;
    urdfName = robot.urdf;
    checkUrdfJoints(
      robot,
      urdf.joints.map((joint) => joint.name),
      source,
    );
  } else {
    frames = yamlFrames(robot, angles, source);
  }
  checkMountFrames(robot, frames, source, urdfName);
  return toDescription(robot, angles, frames, source.file);
}

function yamlFrames(robot: RobotYaml, angles: ResolvedAngles, source: LocatedYaml): FrameDescription[] {
  const written = (robot.frames ?? []).map((frame, index) => ({
    name: frame.name,
    parent: frame.parent,
    xyz: frame.xyz,
    rpy: angles.frameRpy[index] ?? ([0, 0, 0] as const),
  }));
  const ordered = orderFrameTree(ROOT_FRAME, written);
  if (ordered.ok) return [{ name: ROOT_FRAME, parent: '', xyz: [0, 0, 0], rpy: [0, 0, 0] }, ...ordered.frames];
  const problem = ordered.problem;
  const at = (key: string): DataPath => ['frames', problem.index, key];
  const frame = written[problem.index] as FrameDescription;
  let message: string;
  let path: DataPath;
  switch (problem.kind) {
    case 'duplicate':
      path = at('name');
      message = `frame '${frame.name}' is defined twice (first at line ${source.locate(['frames', problem.firstIndex]).line})`;
      break;
    case 'root-redefined':
      path = at('name');
      message = `'${ROOT_FRAME}' is the root frame of every robot; it cannot be listed with a parent`;
      break;
    case 'unknown-parent': {
      const known = [ROOT_FRAME, ...written.map((f) => f.name)];
      const suggestion = didYouMean(frame.parent, known);
      path = at('parent');
      message =
        `unknown parent frame '${frame.parent}'` +
        (suggestion ? `; did you mean '${suggestion}'?` : '') +
        ` (known frames: ${known.join(', ')})`;
      break;
    }
    case 'cycle':
      path = ['frames', problem.index];
      message = `frames form a cycle (child -> parent), so they do not hang from '${ROOT_FRAME}': ${describeCycle(problem.cycle)}`;
      break;
  }
  throw new UserInputError(RobotErrorCode.FrameTree, message, source.locate(path));
}

/** Where each frame-naming key of a robot is, for the mount check. */
function mountPoints(robot: RobotYaml): [DataPath, string][] {
  const points: [DataPath, string | undefined][] = [
    [['sensors', 'lidar', 'frame'], robot.sensors.lidar?.frame],
    [['sensors', 'camera', 'frame'], robot.sensors.camera?.frame],
    [['sensors', 'imu', 'frame'], robot.sensors.imu?.frame],
    [['sensors', 'bumper', 'frame'], robot.sensors.bumper?.frame],
    [['gripper', 'frame'], robot.gripper?.frame],
  ];
  return points.filter((point): point is [DataPath, string] => point[1] !== undefined);
}

function checkMountFrames(
  robot: RobotYaml,
  frames: readonly FrameDescription[],
  source: LocatedYaml,
  urdf: string | undefined,
): void {
  const known = frames.map((frame) => frame.name);
  const problems: PlacedProblem[] = [];
  for (const [path, name] of mountPoints(robot)) {
    if (known.includes(name)) continue;
    const suggestion = didYouMean(name, known);
    problems.push({
      location: source.locate(path),
      path: path.join('.'),
      message:
        `frame '${name}' is not in the robot's frame tree` +
        (suggestion ? `; did you mean '${suggestion}'?` : '') +
        ` (frames${urdf ? ` from ${urdf}` : ''}: ${known.join(', ')})`,
    });
  }
  if (problems.length > 0) throw new SchemaFileError(RobotErrorCode.UnknownFrame, problems);
}

function checkUrdfJoints(robot: RobotYaml, joints: readonly string[], source: LocatedYaml): void {
  const named: [DataPath, string][] = [
    [['base', 'wheel_joints', 'left'], robot.base.wheel_joints.left],
    [['base', 'wheel_joints', 'right'], robot.base.wheel_joints.right],
  ];
  if (robot.gripper) named.push([['gripper', 'joint'], robot.gripper.joint]);
  const problems: PlacedProblem[] = named
    .filter(([, name]) => !joints.includes(name))
    .map(([path, name]) => {
      const suggestion = didYouMean(name, joints);
      return {
        location: source.locate(path),
        path: path.join('.'),
        message:
          `joint '${name}' is not a joint of ${robot.urdf ?? 'the URDF'}` +
          (suggestion ? `; did you mean '${suggestion}'?` : '') +
          ` (joints: ${joints.join(', ')})`,
      };
    });
  if (problems.length > 0) throw new SchemaFileError(RobotErrorCode.Value, problems);
}

function toDescription(
  robot: RobotYaml,
  angles: ResolvedAngles,
  frames: readonly FrameDescription[],
  file: string,
): RobotDescription {
  const { base, limits, sensors, battery, gripper } = robot;
  const { lidar, camera, imu, odometry, bumper } = sensors;
  return {
    name: robot.name,
    description: robot.description,
    file,
    base: {
      footprint:
        base.footprint.shape === 'circle'
          ? { shape: 'circle', radius: base.footprint.radius }
          : { shape: 'box', length: base.footprint.length, width: base.footprint.width },
      mass: base.mass,
      wheelRadius: base.wheel_radius,
      wheelSeparation: base.wheel_separation,
      wheelJoints: { left: base.wheel_joints.left, right: base.wheel_joints.right },
      color: base.color,
    },
    limits: {
      maxLinearVelocity: limits.max_linear_velocity,
      maxAngularVelocity: limits.max_angular_velocity,
      maxLinearAcceleration: limits.max_linear_acceleration,
      maxAngularAcceleration: limits.max_angular_acceleration,
      commandTimeout: limits.command_timeout,
    },
    frames,
    sensors: {
      lidar:
        lidar && angles.lidar
          ? {
              frame: lidar.frame,
              rateHz: lidar.rate_hz,
              samples: lidar.samples,
              angleMin: angles.lidar.angleMin,
              angleMax: angles.lidar.angleMax,
              rangeMin: lidar.range_min,
              rangeMax: lidar.range_max,
              rangeNoiseStd: lidar.range_noise_std,
            }
          : undefined,
      camera:
        camera && angles.cameraFov !== undefined
          ? {
              frame: camera.frame,
              rateHz: camera.rate_hz,
              width: camera.width,
              height: camera.height,
              horizontalFov: angles.cameraFov,
              maxDistance: camera.max_distance,
              pixelNoiseStd: camera.pixel_noise_std,
            }
          : undefined,
      imu: imu
        ? {
            frame: imu.frame,
            rateHz: imu.rate_hz,
            angularVelocityNoiseStd: imu.angular_velocity_noise_std,
            linearAccelerationNoiseStd: imu.linear_acceleration_noise_std,
            orientationNoiseStd: imu.orientation_noise_std,
          }
        : undefined,
      odometry: {
        rateHz: odometry.rate_hz,
        slip: odometry.slip,
        linearNoiseStd: odometry.linear_noise_std,
        angularNoiseStd: odometry.angular_noise_std,
      },
      bumper: bumper ? { frame: bumper.frame } : undefined,
    },
    battery: {
      capacityAh: battery.capacity_ah,
      nominalVoltage: battery.nominal_voltage,
      idleCurrent: battery.idle_current,
      currentPerLinearSpeed: battery.current_per_linear_speed,
      currentPerAngularSpeed: battery.current_per_angular_speed,
      chargeCurrent: battery.charge_current,
      initialCharge: battery.initial_charge,
    },
    gripper: gripper
      ? { frame: gripper.frame, reach: gripper.reach, maxPayload: gripper.max_payload, joint: gripper.joint }
      : undefined,
  };
}
