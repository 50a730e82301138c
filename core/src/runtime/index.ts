export { nodeRequestsFromLaunch, startLaunch, startNodes, startSinglePlugin } from './start-system.js';
export type { CliParamOverride, RunningSystem, StartOptions } from './runtime-types.js';
export { SystemControl, UnknownTopicError } from './system-control.js';
export { toParameterValue, parameterChangedEvent } from './parameter-event.js';
