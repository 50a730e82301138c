export { RobotSkills } from './robot-skills.js';
export type {
  ApproachOptions,
  ObserveOptions,
  PlanarTarget,
  PullOptions,
  PushOptions,
  RobotSkillsOptions,
  SkillOptions,
  SkillProgress,
} from './skill-types.js';
export { SkillError, SkillCancelled, SkillFailed } from './skill-errors.js';
export { PoseWatch, quaternionYaw } from './pose-watch.js';
export type { PlanarPose } from './pose-watch.js';
export { runGoal } from './run-goal.js';
export type { RunGoalOptions } from './run-goal.js';
// The skills see through perception; its API is public with them.
export * from '../perception/index.js';
