import { OmniError } from '@omnimind/core';

/** Stable codes of the errors the simulation engine raises (listed in docs/reference/errors.md). */
export const SimulationErrorCode = {
  /** `createSimulation` got an option it cannot use (seed, physicsHz, step count). */
  InvalidOptions: 'OMNI_ERR_SIM_INVALID_OPTIONS',
  /** A spawn names a robot type that `options.robots` does not hold. */
  UnknownRobotType: 'OMNI_ERR_SIM_UNKNOWN_ROBOT_TYPE',
  /** Two spawns share one instance name. */
  DuplicateRobot: 'OMNI_ERR_SIM_DUPLICATE_ROBOT',
  /** `simulation.robot(name)` names no robot of the simulation. */
  NoSuchRobot: 'OMNI_ERR_SIM_NO_SUCH_ROBOT',
  /** A wall, obstacle, object or footprint has geometry no physics shape can be built from. */
  InvalidGeometry: 'OMNI_ERR_SIM_INVALID_GEOMETRY',
  /** The simulation was used after `dispose()`. */
  Disposed: 'OMNI_ERR_SIM_DISPOSED',
  /** A sensor was read that the robot description does not have. */
  NoSuchSensor: 'OMNI_ERR_SIM_NO_SUCH_SENSOR',
} as const;

/** One of the {@link SimulationErrorCode} values. */
export type SimulationErrorCode = (typeof SimulationErrorCode)[keyof typeof SimulationErrorCode];

/** An error raised by the simulation engine; `code` is one of {@link SimulationErrorCode}. */
export class SimulationError extends OmniError {
  constructor(code: SimulationErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, { details });
  }
}
