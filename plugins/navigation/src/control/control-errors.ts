import { OmniError } from '@omnimind/core';

/** Base of the local controllers' typed failures. */
export class ControlError extends OmniError {}

/** A controller, goal checker or progress checker was given parameters outside their valid ranges. */
export class ControllerParamsInvalid extends ControlError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('OMNI_ERR_CONTROL_INVALID_PARAMS', message, { details });
  }
}

/** A controller was asked to follow a path with no poses. */
export class EmptyPath extends ControlError {
  constructor(controller: string) {
    super('OMNI_ERR_CONTROL_EMPTY_PATH', `${controller}: the path to follow has no poses`, {
      details: { controller },
    });
  }
}

/**
 * The dynamic-window controller found no sampled trajectory that stays clear of obstacles for its
 * whole horizon. The robot should stop and a recovery should run.
 */
export class NoValidCommand extends ControlError {
  constructor(controller: string, samples: number) {
    super('OMNI_ERR_CONTROL_NO_VALID_COMMAND', `${controller}: all ${samples} sampled trajectories collide`, {
      details: { controller, samples },
    });
  }
}

/**
 * The pure-pursuit controller's command would hit an obstacle (in the costmap or the current scan)
 * before the robot reaches the carrot or within its collision-check time.
 */
export class CollisionAhead extends ControlError {
  constructor(controller: string, x: number, y: number, inSeconds: number) {
    super(
      'OMNI_ERR_CONTROL_COLLISION_AHEAD',
      `${controller}: collision ahead at (${x.toFixed(2)}, ${y.toFixed(2)}) in ${inSeconds.toFixed(2)} s`,
      { details: { controller, x, y, inSeconds } },
    );
  }
}
