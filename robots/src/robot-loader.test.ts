import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserInputError } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { RobotErrorCode } from './robot-errors.js';
import { loadRobotDescription, parseRobotDescription } from './robot-loader.js';

/** A robot with only the required keys; it ends at line 15, so appended text starts at line 16. */
const MINIMAL = `name: tiny
base:
  footprint: { shape: box, length: 0.3, width: 0.2 }
  mass: 2
  wheel_radius: 0.05
  wheel_separation: 0.25
limits:
  max_linear_velocity: 1
  max_angular_velocity: 2
  max_linear_acceleration: 1
  max_angular_acceleration: 2
battery:
  capacity_ah: 2
  nominal_voltage: 12
  charge_current: 1
`;

const parse = (extra = '', file = 'r.yaml') => parseRobotDescription(MINIMAL + extra, file);

/** `line:col` of the first `needle` in MINIMAL + extra (after `after`, when given). */
function where(extra: string, needle: string, after = ''): string {
  const text = MINIMAL + extra;
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before[before.length - 1] as string).length + 1}`;
}

/** The code and message of what `run` throws (a UserInputError, or the test fails). */
function failure(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return { code: (error as UserInputError).code, message: (error as Error).message };
  }
  throw new Error('expected an error');
}

describe('robot.yaml loader', () => {
  it('fills defaults for every optional key', () => {
    const robot = parse();
    expect(robot.description).toBe('');
    expect(robot.file).toBe('r.yaml');
    expect(robot.base.footprint).toEqual({ shape: 'box', length: 0.3, width: 0.2 });
    expect(robot.base.wheelJoints).toEqual({ left: 'wheel_left_joint', right: 'wheel_right_joint' });
    expect(robot.base.color).toEqual([128, 128, 128]);
    expect(robot.limits.commandTimeout).toBe(0.5);
    expect(robot.frames).toEqual([{ name: 'base_link', parent: '', xyz: [0, 0, 0], rpy: [0, 0, 0] }]);
    expect(robot.sensors).toEqual({
      lidar: undefined,
      camera: undefined,
      imu: undefined,
      bumper: undefined,
      odometry: { rateHz: 50, slip: 0, linearNoiseStd: 0, angularNoiseStd: 0 },
    });
    expect(robot.battery).toEqual({
      capacityAh: 2,
      nominalVoltage: 12,
      idleCurrent: 0,
      currentPerLinearSpeed: 0,
      currentPerAngularSpeed: 0,
      chargeCurrent: 1,
      initialCharge: 1,
    });
    expect(robot.gripper).toBeUndefined();
  });

  it('takes angles in radians or, under *_deg keys, in degrees', () => {
    const robot = parse(`sensors:
  lidar: { frame: base_link, rate_hz: 5, samples: 4, angle_min_deg: -90, angle_max: 1.5, range_min: 0, range_max: 4 }
  camera: { frame: base_link, rate_hz: 5, width: 4, height: 3, horizontal_fov_deg: 90 }
  bumper: {}
frames:
  - { name: a, parent: base_link, xyz: [1, 2, 3], rpy_deg: [0, 0, 180] }
  - { name: b, parent: a, rpy: [0.1, 0.2, 0.3] }
`);
    expect(robot.sensors.lidar?.angleMin).toBeCloseTo(-Math.PI / 2, 12);
    expect(robot.sensors.lidar?.angleMax).toBe(1.5);
    expect(robot.sensors.camera?.horizontalFov).toBeCloseTo(Math.PI / 2, 12);
    expect(robot.sensors.camera?.maxDistance).toBe(10);
    expect(robot.sensors.bumper).toEqual({ frame: 'base_link' });
    expect(robot.frames.map((f) => f.name)).toEqual(['base_link', 'a', 'b']);
    expect(robot.frames[1]?.rpy[2]).toBeCloseTo(Math.PI, 12);
    expect(robot.frames[2]).toEqual({ name: 'b', parent: 'a', xyz: [0, 0, 0], rpy: [0.1, 0.2, 0.3] });
  });

  it('orders frames parents first whatever the file order', () => {
    const robot = parse(`frames:
  - { name: c, parent: b }
  - { name: b, parent: a }
  - { name: a, parent: base_link }
  - { name: d, parent: base_link }
`);
    expect(robot.frames.map((f) => `${f.parent}>${f.name}`)).toEqual([
      '>base_link',
      'base_link>a',
      'base_link>d',
      'a>b',
      'b>c',
    ]);
  });

  it('places an unknown key at the key with a did-you-mean', () => {
    const typo = 'sensors:\n  imu:\n    frame: base_link\n    rate_hzz: 5\n';
    expect(failure(() => parse(typo))).toEqual({
      code: RobotErrorCode.Schema,
      message: expect.stringMatching(
        /^r\.yaml:18:5: 2 problems:\n {2}r\.yaml:18:5: sensors\.imu\.rate_hz: required; expected number\n {2}r\.yaml:19:5: sensors\.imu: unknown key 'rate_hzz'; did you mean 'rate_hz'\? \(expected one of: angular_velocity_noise_std, frame, /,
      ),
    });
    expect(failure(() => parse('batery: {}\n')).message).toMatch(
      /^r\.yaml:16:1: unknown key 'batery'; did you mean 'battery'\?/,
    );
  });

  it('places a value of the wrong type or range at the value', () => {
    const wrongType = MINIMAL.replace('mass: 2', 'mass: heavy');
    expect(failure(() => parseRobotDescription(wrongType, 'r.yaml'))).toEqual({
      code: RobotErrorCode.Schema,
      // Only the place, the path and the expected type: the wording of a type mismatch is the core's.
      message: expect.stringMatching(/^r\.yaml:4:9: base\.mass: .*expected number/),
    });
    const size = 'sensors:\n  camera: { frame: base_link, rate_hz: 5, width: 2.5, height: 0, horizontal_fov: 1 }\n';
    expect(failure(() => parse(size))).toEqual({
      code: RobotErrorCode.Schema,
      message: expect.stringMatching(
        new RegExp(
          `^r\\.yaml:${where(size, '2.5')}: 2 problems:\n  r\\.yaml:${where(size, '2.5')}: sensors\\.camera\\.width: expected int, received number\n` +
            `  r\\.yaml:${where(size, '0,')}: sensors\\.camera\\.height: Too small: expected number to be >=1$`,
        ),
      ),
    });
    const negativeLimit = MINIMAL.replace('max_angular_velocity: 2', 'max_angular_velocity: -2');
    expect(failure(() => parseRobotDescription(negativeLimit, 'r.yaml')).message).toMatch(
      /^r\.yaml:9:25: limits\.max_angular_velocity: Too small/,
    );
    expect(failure(() => parse('sensors:\n  odometry: { rate_hz: 0 }\n')).message).toMatch(
      /^r\.yaml:17:24: sensors\.odometry\.rate_hz: Too small/,
    );
    const charge = MINIMAL.replace('charge_current: 1', 'charge_current: 1\n  initial_charge: 1.5');
    expect(failure(() => parseRobotDescription(charge, 'r.yaml')).message).toMatch(
      /^r\.yaml:16:19: battery\.initial_charge: Too big/,
    );
    expect(failure(() => parse('sensors:\n  odometry: { rate_hz: 0 }\n')).code).toBe(RobotErrorCode.Schema);
  });

  it('requires exactly one of an angle and its *_deg twin', () => {
    const both = failure(() =>
      parse(
        'sensors:\n  camera: { frame: base_link, rate_hz: 5, width: 4, height: 3, horizontal_fov: 1, horizontal_fov_deg: 60 }\n',
      ),
    );
    expect(both).toEqual({
      code: RobotErrorCode.Value,
      message: expect.stringMatching(
        /^r\.yaml:17:83: sensors\.camera\.horizontal_fov_deg: give 'horizontal_fov' \(radians\) or 'horizontal_fov_deg' \(degrees\), not both$/,
      ),
    });
    const none = failure(() => parse('sensors:\n  camera: { frame: base_link, rate_hz: 5, width: 4, height: 3 }\n'));
    expect(none.message).toMatch(
      /^r\.yaml:17:11: sensors\.camera: required: 'horizontal_fov' \(radians\) or 'horizontal_fov_deg'/,
    );
  });

  it('checks lidar angles and ranges, and the camera field of view', () => {
    const lidar = (fields: string) => `sensors:\n  lidar: { frame: base_link, rate_hz: 5, samples: 4, ${fields} }\n`;
    const order = lidar('angle_min: 1, angle_max: 1, range_min: 0, range_max: 1');
    expect(failure(() => parse(order))).toEqual({
      code: RobotErrorCode.Value,
      message: `r.yaml:${where(order, '1,', 'angle_max')}: sensors.lidar.angle_max: the lidar must sweep counter-clockwise: angle_max must exceed angle_min`,
    });
    expect(
      failure(() => parse(lidar('angle_min_deg: -180, angle_max_deg: 190, range_min: 0, range_max: 1'))).message,
    ).toMatch(/^r\.yaml:17:\d+: sensors\.lidar\.angle_max_deg: angle_max - angle_min must be at most one full turn/);
    expect(failure(() => parse(lidar('angle_min: 0, angle_max: 1, range_min: 2, range_max: 1'))).message).toMatch(
      /^r\.yaml:17:\d+: sensors\.lidar\.range_max: range_max must exceed range_min \(2 m\)$/,
    );
    expect(
      failure(() =>
        parse('sensors:\n  camera: { frame: base_link, rate_hz: 5, width: 4, height: 3, horizontal_fov_deg: 180 }\n'),
      ),
    ).toEqual({
      code: RobotErrorCode.Value,
      message: expect.stringMatching(
        /horizontal_fov_deg: a pinhole camera needs a horizontal field of view between 0 and 180°$/,
      ),
    });
  });

  it('reports a sensor or gripper mounted in a missing frame, with a did-you-mean', () => {
    const mounts = `frames:
  - { name: base_scan, parent: base_link }
sensors:
  lidar: { frame: base_scann, rate_hz: 5, samples: 4, angle_min: 0, angle_max: 1, range_min: 0, range_max: 1 }
gripper: { frame: hand, reach: 0.1, max_payload: 1 }
`;
    const result = failure(() => parse(mounts));
    expect(result.code).toBe(RobotErrorCode.UnknownFrame);
    expect(result.message).toBe(
      `r.yaml:${where(mounts, 'base_scann')}: 2 problems:\n` +
        `  r.yaml:${where(mounts, 'base_scann')}: sensors.lidar.frame: frame 'base_scann' is not in the robot's frame tree; did you mean 'base_scan'? (frames: base_link, base_scan)\n` +
        `  r.yaml:${where(mounts, 'hand')}: gripper.frame: frame 'hand' is not in the robot's frame tree (frames: base_link, base_scan)`,
    );
  });

  it('reports frames that do not form a tree rooted at base_link', () => {
    const frames = (lines: string) => failure(() => parse(`frames:\n${lines}`));
    expect(frames('  - { name: a, parent: base_lnk }\n')).toEqual({
      code: RobotErrorCode.FrameTree,
      message: `r.yaml:${where('frames:\n  - { name: a, parent: base_lnk }\n', 'base_lnk')}: unknown parent frame 'base_lnk'; did you mean 'base_link'? (known frames: base_link, a)`,
    });
    expect(
      frames(
        '  - { name: root, parent: base_link }\n  - { name: a, parent: c }\n  - { name: b, parent: a }\n  - { name: c, parent: b }\n',
      ),
    ).toEqual({
      code: RobotErrorCode.FrameTree,
      message:
        "r.yaml:18:5: frames form a cycle (child -> parent), so they do not hang from 'base_link': a -> c -> b -> a",
    });
    expect(frames('  - { name: a, parent: a }\n').message).toBe(
      "r.yaml:17:5: frames form a cycle (child -> parent), so they do not hang from 'base_link': a -> a",
    );
    expect(frames('  - { name: a, parent: base_link }\n  - { name: a, parent: base_link }\n')).toEqual({
      code: RobotErrorCode.FrameTree,
      message: "r.yaml:18:13: frame 'a' is defined twice (first at line 17)",
    });
    expect(frames('  - { name: base_link, parent: base_link }\n').message).toMatch(
      /^r\.yaml:17:13: 'base_link' is the root frame/,
    );
  });

  it('rejects frames and urdf together, malformed YAML and a missing file', () => {
    expect(failure(() => parse('frames: []\nurdf: x.urdf\n'))).toEqual({
      code: RobotErrorCode.Value,
      message: "r.yaml:17:1: urdf: give 'frames' or 'urdf', not both",
    });
    expect(failure(() => parse('sensors: [\n')).code).toBe(RobotErrorCode.Yaml);
    expect(failure(() => parseRobotDescription('', 'r.yaml')).code).toBe(RobotErrorCode.Schema);
    expect(failure(() => loadRobotDescription(join(tmpdir(), 'no-such-robot', 'robot.yaml'))).code).toBe(
      RobotErrorCode.FileNotFound,
    );
  });
});

describe('robot.yaml with a URDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omni-robots-'));
  mkdirSync(join(dir, 'urdf'));
  writeFileSync(
    join(dir, 'urdf', 'bot.urdf'),
    `<robot name="bot">
  <link name="base_link"/><link name="laser"/><link name="wheel_l"/><link name="wheel_r"/>
  <joint name="laser_joint" type="fixed"><parent link="base_link"/><child link="laser"/><origin xyz="0.1 0 0.2"/></joint>
  <joint name="left" type="continuous"><parent link="base_link"/><child link="wheel_l"/></joint>
  <joint name="right" type="continuous"><parent link="base_link"/><child link="wheel_r"/></joint>
</robot>
`,
  );
  const write = (text: string): string => {
    const file = join(dir, `robot-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    return file;
  };
  const withWheels = MINIMAL.replace(
    'wheel_separation: 0.25',
    'wheel_separation: 0.25\n  wheel_joints: { left: left, right: right }',
  );

  it('takes the frames from the URDF, relative to the robot file', () => {
    const robot = loadRobotDescription(
      write(
        `${withWheels}urdf: urdf/bot.urdf\nsensors:\n  lidar: { frame: laser, rate_hz: 5, samples: 4, angle_min: 0, angle_max: 1, range_min: 0, range_max: 1 }\n`,
      ),
    );
    expect(robot.frames.map((f) => f.name)).toEqual(['base_link', 'laser', 'wheel_l', 'wheel_r']);
    expect(robot.frames[1]).toEqual({ name: 'laser', parent: 'base_link', xyz: [0.1, 0, 0.2], rpy: [0, 0, 0] });
  });

  it('reports a missing URDF at the urdf value, and URDF errors in the URDF', () => {
    const file = write(`${withWheels}urdf: urdf/none.urdf\n`);
    expect(failure(() => loadRobotDescription(file))).toEqual({
      code: RobotErrorCode.UrdfFileNotFound,
      message: expect.stringMatching(
        new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}:17:7: cannot read URDF '.*none\\.urdf'`),
      ),
    });
    writeFileSync(join(dir, 'urdf', 'bad.urdf'), '<robot>\n  <link name="base_link">\n</robot>\n');
    expect(failure(() => loadRobotDescription(write(`${withWheels}urdf: urdf/bad.urdf\n`)))).toEqual({
      code: RobotErrorCode.UrdfXml,
      message: expect.stringMatching(/bad\.urdf:3:8: malformed XML: unexpected close tag$/),
    });
  });

  it('names the URDF when a sensor frame or a wheel joint is not in it', () => {
    const sensor = failure(() =>
      loadRobotDescription(
        write(`${withWheels}urdf: urdf/bot.urdf\nsensors:\n  imu: { frame: imu_link, rate_hz: 100 }\n`),
      ),
    );
    expect(sensor.code).toBe(RobotErrorCode.UnknownFrame);
    expect(sensor.message).toMatch(
      /:19:17: sensors\.imu\.frame: frame 'imu_link' is not in the robot's frame tree \(frames from urdf\/bot\.urdf: base_link, laser, wheel_l, wheel_r\)$/,
    );
    const joints = failure(() => loadRobotDescription(write(`${MINIMAL}urdf: urdf/bot.urdf\n`)));
    expect(joints.code).toBe(RobotErrorCode.Value);
    // Defaulted wheel joints are not in the file: the problem points at the `base` mapping.
    expect(joints.message).toMatch(
      /:3:3: 2 problems:\n {2}.*:3:3: base\.wheel_joints\.left: joint 'wheel_left_joint' is not a joint of urdf\/bot\.urdf \(joints: laser_joint, left, right\)\n.*wheel_right_joint/,
    );
  });
});
