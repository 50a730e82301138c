import { framePoseInBase } from '@omnimind/robots';
import type { RobotDescription } from '@omnimind/robots';

/** Where a sensor or gripper frame sits on the robot, relative to `base_link` (on the ground). */
export interface FrameOffset {
  readonly x: number;
  readonly y: number;
  /** Height above the ground, metres. */
  readonly z: number;
  readonly yaw: number;
  /** Tilt about the frame's y axis; positive looks down (REP-103). */
  readonly pitch: number;
}

/**
 * The mount of `frame` on the robot, from the description's frame tree. Throws the robots package's
 * `OMNI_ERR_ROBOT_UNKNOWN_FRAME` when the frame is not in the tree.
 */
export function frameOffset(description: RobotDescription, frame: string): FrameOffset {
  const pose = framePoseInBase(description.frames, frame);
  return { x: pose.xyz[0], y: pose.xyz[1], z: pose.xyz[2], yaw: pose.rpy[2], pitch: pose.rpy[1] };
}

/** Where a mounted sensor is in the world, and which way it looks. */
export interface MountedRay {
  readonly x: number;
  readonly y: number;
  /** Heading of the sensor's x axis, radians. */
  readonly heading: number;
  readonly cos: number;
  readonly sin: number;
}

/** The world position and heading of a sensor mounted at `mount` on a robot at `robotPose`. */
export function mountedRay(
  robotPose: { readonly x: number; readonly y: number; readonly theta: number },
  mount: FrameOffset,
): MountedRay {
  const rc = Math.cos(robotPose.theta);
  const rs = Math.sin(robotPose.theta);
  const heading = robotPose.theta + mount.yaw;
  return {
    x: robotPose.x + rc * mount.x - rs * mount.y,
    y: robotPose.y + rs * mount.x + rc * mount.y,
    heading,
    cos: Math.cos(heading),
    sin: Math.sin(heading),
  };
}
