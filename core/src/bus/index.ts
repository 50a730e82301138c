export type * from './bus-types.js';
export { MessageBus } from './message-bus.js';
export type { MessageBusOptions } from './message-bus.js';
export type { NodeBusOptions, HandlerErrorContext } from './node-bus.js';
export {
  ActionAbortedError,
  ActionCanceledError,
  ActionGoalRejectedError,
  BusClosedError,
  ServiceDuplicateError,
  ServiceFailedError,
  ServiceTimeoutError,
  ServiceUnavailableError,
  TopicTypeMismatchError,
} from './bus-errors.js';
export { isHiddenName, serviceTopicNames, actionEndpointNames } from './hidden-names.js';
export type { ServiceReplyMessage, ServiceRequestMessage } from './service-wire.js';
export * from './action-wire.js';
export { goalIdFromMessage, goalIdToMessage, newGoalId, ZERO_GOAL_ID } from './goal-id.js';
export type { UuidMessage } from './goal-id.js';
