/** The `goal-driver` test driver: a turn-then-drive go-to-goal controller for scenarios (no obstacle avoidance). */
export { goalDriver, driverTarget, poseFromOdometry, GOAL_DRIVER_TARGET_ERROR } from './goal-driver-plugin.js';
export { goalDriverParams, gainsFromParams } from './goal-driver-params.js';
export type { GoalDriverParams } from './goal-driver-params.js';
export { goToGoalStep, DEFAULT_GO_TO_GOAL_GAINS } from './go-to-goal-law.js';
export type { GoToGoalCommand, GoToGoalGains, GoToGoalPhase } from './go-to-goal-law.js';
