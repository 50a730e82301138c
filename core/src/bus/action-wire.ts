import type { Time } from '../time/time.js';
import type { GoalStatus } from './bus-types.js';
import type { UuidMessage } from './goal-id.js';

/** `action_msgs/msg/GoalInfo`. */
export interface GoalInfoMessage {
  goal_id: UuidMessage;
  stamp: Time;
}

/** `action_msgs/msg/GoalStatus` (status as its numeric constant). */
export interface GoalStatusMessage {
  goal_info: GoalInfoMessage;
  status: number;
}

/** `action_msgs/msg/GoalStatusArray`, published (latched) on `<action>/_action/status`. */
export interface GoalStatusArrayMessage {
  status_list: GoalStatusMessage[];
}

/** Request of `<action>/_action/send_goal` (`<Action>_SendGoal`). */
export interface SendGoalRequest<Goal> {
  goal_id: UuidMessage;
  goal: Goal;
}

/** Response of `<action>/_action/send_goal`. */
export interface SendGoalResponse {
  accepted: boolean;
  stamp: Time;
}

/** Request of `<action>/_action/get_result` (`<Action>_GetResult`). */
export interface GetResultRequest {
  goal_id: UuidMessage;
}

/** Response of `<action>/_action/get_result`; `error` (an addition) carries why a goal aborted. */
export interface GetResultResponse<Result> {
  status: number;
  result?: Result;
  error?: unknown;
}

/** Request of `<action>/_action/cancel_goal` (`action_msgs/srv/CancelGoal`). */
export interface CancelGoalRequest {
  goal_info: GoalInfoMessage;
}

/** Response of `<action>/_action/cancel_goal`. */
export interface CancelGoalResponse {
  return_code: number;
  goals_canceling: GoalInfoMessage[];
}

/** `<action>/_action/feedback` messages (`<Action>_FeedbackMessage`). */
export interface FeedbackMessage<Feedback> {
  goal_id: UuidMessage;
  feedback: Feedback;
}

/** `action_msgs/srv/CancelGoal` return codes. */
export const CANCEL_RETURN = Object.freeze({
  ERROR_NONE: 0,
  ERROR_REJECTED: 1,
  ERROR_UNKNOWN_GOAL_ID: 2,
  ERROR_GOAL_TERMINATED: 3,
});

/** `action_msgs/msg/GoalStatus` constants. */
export const GOAL_STATUS_CODE: Readonly<Record<GoalStatus | 'unknown', number>> = Object.freeze({
  unknown: 0,
  accepted: 1,
  executing: 2,
  canceling: 3,
  succeeded: 4,
  canceled: 5,
  aborted: 6,
});

const BY_CODE: ReadonlyArray<GoalStatus | 'unknown'> = [
  'unknown',
  'accepted',
  'executing',
  'canceling',
  'succeeded',
  'canceled',
  'aborted',
];

/** The status name of a `GoalStatus` code (`'unknown'` for anything else). */
export function goalStatusFromCode(code: number): GoalStatus | 'unknown' {
  return BY_CODE[code] ?? 'unknown';
}

/** True for the statuses a goal never leaves. */
export function isTerminalStatus(status: GoalStatus | 'unknown'): boolean {
  return status === 'succeeded' || status === 'canceled' || status === 'aborted';
}

/** Type names of an action's hidden endpoints, as ROS 2 derives them from the `.action` type. */
export function actionTypeNames(actionType: string): {
  readonly sendGoal: string;
  readonly getResult: string;
  readonly cancelGoal: string;
  readonly feedback: string;
  readonly status: string;
} {
  return {
    sendGoal: `${actionType}_SendGoal`,
    getResult: `${actionType}_GetResult`,
    cancelGoal: 'action_msgs/srv/CancelGoal',
    feedback: `${actionType}_FeedbackMessage`,
    status: 'action_msgs/msg/GoalStatusArray',
  };
}
