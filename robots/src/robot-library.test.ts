import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UserInputError } from '@omnimind/core';
import { describe, expect, it } from 'vitest';
import { framePoseInBase } from './frame-pose.js';
import { RobotErrorCode } from './robot-errors.js';
import { findRobot, listRobotTypes, loadRobotLibrary, robotsDir } from './robot-library.js';

const DEG = Math.PI / 180;

describe('robot library', () => {
  it('finds the package folder from the sources', () => {
    expect(basename(robotsDir())).toBe('robots');
    expect(existsSync(join(robotsDir(), 'package.json'))).toBe(true);
    expect(listRobotTypes()).toEqual(['diffbot', 'mobile-manipulator']);
  });

  it('loads the diffbot with TurtleBot3 Burger numbers and frames from its URDF', () => {
    const robot = loadRobotLibrary().get('diffbot');
    expect(robot?.file).toBe(join(robotsDir(), 'diffbot', 'robot.yaml'));
    expect(robot?.base).toEqual({
      footprint: { shape: 'circle', radius: 0.105 },
      mass: 1,
      wheelRadius: 0.033,
      wheelSeparation: 0.16,
      wheelJoints: { left: 'wheel_left_joint', right: 'wheel_right_joint' },
      color: [50, 50, 55],
    });
    expect(robot?.limits).toEqual({
      maxLinearVelocity: 0.22,
      maxAngularVelocity: 2.84,
      maxLinearAcceleration: 2.5,
      maxAngularAcceleration: 3.2,
      commandTimeout: 0.5,
    });
    expect(robot?.sensors.lidar).toEqual({
      frame: 'base_scan',
      rateHz: 10,
      samples: 360,
      angleMin: 0,
      angleMax: 359 * DEG,
      rangeMin: 0.12,
      rangeMax: 3.5,
      rangeNoiseStd: 0.01,
    });
    expect(robot?.sensors.camera).toEqual({
      frame: 'camera_link',
      rateHz: 10,
      width: 160,
      height: 120,
      horizontalFov: 62 * DEG,
      maxDistance: 10,
      pixelNoiseStd: 2,
    });
    expect(robot?.sensors.imu).toMatchObject({ frame: 'imu_link', rateHz: 100 });
    expect(robot?.sensors.odometry).toMatchObject({ rateHz: 50, slip: 0.01 });
    expect(robot?.sensors.bumper).toEqual({ frame: 'base_link' });
    expect(robot?.battery).toMatchObject({ capacityAh: 1.8, nominalVoltage: 11.1, initialCharge: 1 });
    expect(robot?.gripper).toBeUndefined();
    expect(robot?.frames[0]?.name).toBe('base_link');
    expect(framePoseInBase(robot?.frames ?? [], 'base_scan').xyz).toEqual([-0.032, 0, 0.17]);
    // The URDF path was used: the YAML has no frames key.
    expect(readFileSync(join(robotsDir(), 'diffbot', 'robot.yaml'), 'utf8')).toMatch(/^urdf: diffbot\.urdf/m);
  });

  it('loads the mobile manipulator: the same base and sensors, YAML frames and a gripper', () => {
    const library = loadRobotLibrary();
    const robot = library.get('mobile-manipulator');
    const diffbot = library.get('diffbot');
    expect(robot?.limits).toEqual(diffbot?.limits);
    expect(robot?.sensors).toEqual(diffbot?.sensors);
    expect({ ...robot?.base, color: undefined }).toEqual({ ...diffbot?.base, color: undefined });
    expect(robot?.gripper).toEqual({
      frame: 'gripper_link',
      reach: 0.15,
      maxPayload: 0.5,
      joint: 'gripper_finger_joint',
    });
    expect(robot?.frames.find((f) => f.name === 'gripper_link')).toEqual({
      name: 'gripper_link',
      parent: 'base_link',
      xyz: [0.12, 0, 0.05],
      rpy: [0, 0, 0],
    });
    // Same frames as the diffbot's URDF, written in YAML with degrees, plus the gripper.
    for (const frame of diffbot?.frames ?? []) {
      const twin = robot?.frames.find((f) => f.name === frame.name);
      expect(twin?.xyz).toEqual(frame.xyz);
      frame.rpy.forEach((angle, i) => expect(twin?.rpy[i]).toBeCloseTo(angle, 12));
    }
  });

  it('finds a robot by type, in the first folder that has it', () => {
    expect(findRobot('diffbot').name).toBe('diffbot');
    const dir = mkdtempSync(join(tmpdir(), 'omni-robots-'));
    mkdirSync(join(dir, 'diffbot'));
    const text = readFileSync(join(robotsDir(), 'mobile-manipulator', 'robot.yaml'), 'utf8');
    writeFileSync(join(dir, 'diffbot', 'robot.yaml'), text.replace('name: mobile-manipulator', 'name: diffbot'));
    expect(findRobot('diffbot', [dir, robotsDir()]).gripper).toBeDefined();
    expect(findRobot('diffbot', [robotsDir(), dir]).gripper).toBeUndefined();
  });

  it('says which robots exist when the name is unknown, at the place given', () => {
    const at = { file: 'world.yaml', line: 7, col: 12 };
    try {
      findRobot('difbot', undefined, at);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError);
      expect(error).toMatchObject({
        code: RobotErrorCode.UnknownRobot,
        message:
          "world.yaml:7:12: unknown robot 'difbot'; did you mean 'diffbot'? (known robots: diffbot, mobile-manipulator)",
        location: at,
      });
    }
    expect(() => findRobot('../robots/diffbot')).toThrow(
      expect.objectContaining({ code: RobotErrorCode.UnknownRobot }),
    );
    expect(() => findRobot('x', [join(tmpdir(), 'no-such-dir')])).toThrow("unknown robot 'x' (no robots found)");
  });

  it('requires a robot to be named after its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'omni-robots-'));
    mkdirSync(join(dir, 'rover'));
    writeFileSync(
      join(dir, 'rover', 'robot.yaml'),
      readFileSync(join(robotsDir(), 'mobile-manipulator', 'robot.yaml')),
    );
    expect(() => loadRobotLibrary(dir)).toThrow(
      expect.objectContaining({
        code: RobotErrorCode.Value,
        message: expect.stringMatching(
          /rover[/\\]robot\.yaml:3:7: the robot in folder 'rover' is named 'mobile-manipulator'/,
        ),
      }),
    );
    expect(() => loadRobotLibrary(join(dir, 'missing'))).toThrow(
      expect.objectContaining({ code: RobotErrorCode.FileNotFound }),
    );
  });
});
