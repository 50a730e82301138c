import { OmniError } from '@omnimind/core';
import type { FrameDescription } from './robot-description.js';
import { RobotErrorCode } from './robot-errors.js';
import { ROOT_FRAME } from './frame-tree.js';

/** A unit quaternion (the `geometry_msgs/Quaternion` layout). */
export interface Quaternion {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly w: number;
}

/** Where a frame sits in `base_link`: translation in metres, rotation as roll/pitch/yaw and as a quaternion. */
export interface FramePose {
  readonly xyz: readonly [number, number, number];
  readonly rpy: readonly [number, number, number];
  readonly quaternion: Quaternion;
}

/**
 * The quaternion of fixed-axis roll, pitch, yaw (URDF and ROS `rpy`: roll about X, then pitch
 * about Y, then yaw about Z, all about the parent's axes).
 */
export function rpyToQuaternion(rpy: readonly [number, number, number]): Quaternion {
  const [cr, sr] = [Math.cos(rpy[0] / 2), Math.sin(rpy[0] / 2)];
  const [cp, sp] = [Math.cos(rpy[1] / 2), Math.sin(rpy[1] / 2)];
  const [cy, sy] = [Math.cos(rpy[2] / 2), Math.sin(rpy[2] / 2)];
  return {
    w: cr * cp * cy + sr * sp * sy,
    x: sr * cp * cy - cr * sp * sy,
    y: cr * sp * cy + sr * cp * sy,
    z: cr * cp * sy - sr * sp * cy,
  };
}

/** Roll, pitch, yaw of a unit quaternion (pitch in [-π/2, π/2]). */
export function quaternionToRpy(q: Quaternion): [number, number, number] {
  const sinPitch = Math.max(-1, Math.min(1, 2 * (q.w * q.y - q.z * q.x)));
  return [
    Math.atan2(2 * (q.w * q.x + q.y * q.z), 1 - 2 * (q.x * q.x + q.y * q.y)),
    Math.asin(sinPitch),
    Math.atan2(2 * (q.w * q.z + q.x * q.y), 1 - 2 * (q.y * q.y + q.z * q.z)),
  ];
}

const multiply = (a: Quaternion, b: Quaternion): Quaternion => ({
  w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
  x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
  y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
  z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
});

const rotate = (q: Quaternion, v: readonly [number, number, number]): [number, number, number] => {
  const p = multiply(multiply(q, { w: 0, x: v[0], y: v[1], z: v[2] }), { w: q.w, x: -q.x, y: -q.y, z: -q.z });
  return [p.x, p.y, p.z];
};

/**
 * The pose of frame `name` in `base_link`, composing the fixed transforms from `frames` (a
 * robot's `frames`, as loaded). Throws `OMNI_ERR_ROBOT_UNKNOWN_FRAME` for a frame not in the list.
 *
 * @example
 * const scan = framePoseInBase(robot.frames, 'base_scan'); // lidar rays start at scan.xyz
 */
export function framePoseInBase(frames: readonly FrameDescription[], name: string): FramePose {
  const byName = new Map(frames.map((frame) => [frame.name, frame]));
  let xyz: [number, number, number] = [0, 0, 0];
  let quaternion: Quaternion = { x: 0, y: 0, z: 0, w: 1 };
  let current = name;
  const seen = new Set<string>();
  while (current !== ROOT_FRAME) {
    const frame = byName.get(current);
    if (!frame || seen.has(current))
      throw new OmniError(
        RobotErrorCode.UnknownFrame,
        `frame '${name}' is not in the robot's frame tree (known: ${[...byName.keys()].join(', ')})`,
        { details: { frame: name } },
      );
    seen.add(current);
    // Moving up one level: pose_in_parent = frame_transform ∘ pose_in_frame.
    const q = rpyToQuaternion(frame.rpy);
    const moved = rotate(q, xyz);
    xyz = [moved[0] + frame.xyz[0], moved[1] + frame.xyz[1], moved[2] + frame.xyz[2]];
    quaternion = multiply(q, quaternion);
    current = frame.parent;
  }
  return { xyz, rpy: quaternionToRpy(quaternion), quaternion };
}
