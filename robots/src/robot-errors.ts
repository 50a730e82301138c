/**
 * Stable codes of the errors raised while loading robot descriptions and URDF files. Each one is
 * listed with its cause and fix in docs/reference/errors.md.
 */
export const RobotErrorCode = {
  /** A `robot.yaml` cannot be read. */
  FileNotFound: 'OMNI_ERR_ROBOT_FILE_NOT_FOUND',
  /** A `robot.yaml` is not well-formed YAML. */
  Yaml: 'OMNI_ERR_ROBOT_YAML',
  /** A `robot.yaml` does not fit the format: unknown key, wrong type, value out of range. */
  Schema: 'OMNI_ERR_ROBOT_SCHEMA',
  /** Values that are each fine but disagree: `angle_min` ≥ `angle_max`, both `x` and `x_deg`, ... */
  Value: 'OMNI_ERR_ROBOT_VALUE',
  /** The frames of a `robot.yaml` do not form a tree rooted at `base_link`. */
  FrameTree: 'OMNI_ERR_ROBOT_FRAME_TREE',
  /** A sensor or the gripper is mounted in a frame the robot does not have. */
  UnknownFrame: 'OMNI_ERR_ROBOT_UNKNOWN_FRAME',
  /** No robot of the requested type exists in the robot folders searched. */
  UnknownRobot: 'OMNI_ERR_UNKNOWN_ROBOT',
  /** A URDF file cannot be read. */
  UrdfFileNotFound: 'OMNI_ERR_URDF_FILE_NOT_FOUND',
  /** A URDF file is not well-formed XML. */
  UrdfXml: 'OMNI_ERR_URDF_XML',
  /** Well-formed XML that is not a URDF this loader reads: missing attribute, bad number, unknown joint type. */
  UrdfShape: 'OMNI_ERR_URDF_SHAPE',
  /** The links and joints of a URDF do not form one tree rooted at `base_link`. */
  UrdfTree: 'OMNI_ERR_URDF_TREE',
} as const;

/** One of the {@link RobotErrorCode} values. */
export type RobotErrorCode = (typeof RobotErrorCode)[keyof typeof RobotErrorCode];
