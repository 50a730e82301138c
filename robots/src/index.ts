/**
 * @omnimind/robots: robot descriptions (`robots/<type>/robot.yaml`, with frames from YAML or a URDF
 * subset), their loaders and the robots that ship with OmniMind (`diffbot`, `mobile-manipulator`).
 */
export type * from './robot-description.js';
export { RobotErrorCode } from './robot-errors.js';
export { loadRobotDescription, parseRobotDescription } from './robot-loader.js';
export { ROBOT_FILE, findRobot, listRobotTypes, loadRobotLibrary, robotsDir } from './robot-library.js';
export { robotYamlSchema } from './robot-yaml-schema.js';
export type { RobotYaml } from './robot-yaml-schema.js';
export { URDF_JOINT_TYPES, loadUrdf, loadUrdfFrames, parseUrdf, parseUrdfFrames } from './urdf-frames.js';
export type { UrdfJoint, UrdfJointType, UrdfModel } from './urdf-frames.js';
export { ROOT_FRAME } from './frame-tree.js';
export { framePoseInBase, quaternionToRpy, rpyToQuaternion } from './frame-pose.js';
export type { FramePose, Quaternion } from './frame-pose.js';
