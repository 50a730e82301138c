export type * from './control-api.js';
export {
  AmbiguousInstanceError,
  CONTROL_ERROR_CODES,
  ControlError,
  ControlUnreachableError,
  NoRunningSystemError,
  RemoteControlError,
} from './control-errors.js';
export {
  createControlClient,
  type ControlClient,
  type ControlClientOptions,
  type EchoOptions,
} from './control-client.js';
export { startControlServer, type ControlServer, type ControlServerOptions } from './control-server.js';
export { describeTarget, isLoopbackHost, type ControlTarget } from './control-target.js';
export {
  CONTROL_METHODS,
  argumentsFromBody,
  bodyFromArguments,
  isControlMethod,
  type ControlArgKind,
  type ControlArgSpec,
  type ControlMethodName,
} from './control-methods.js';
export { fromWireError, httpStatusOf, toWireError, type WireError } from './control-wire-error.js';
export { bearerTokenOf, generateToken, tokensEqual, TOKEN_BYTES } from './bearer-token.js';
export { toJsonSafe, type JsonValue } from './json-safe.js';
export { NdjsonLineSplitter } from './ndjson-decoder.js';
export {
  defaultRunDir,
  readRuntimeFile,
  runtimeFilePath,
  writeRuntimeFile,
  type RuntimeFile,
  type RuntimeFileInfo,
} from './runtime-file.js';
export {
  describeInstances,
  isProcessAlive,
  listInstances,
  resolveControlTarget,
  selectInstance,
  type DiscoveredInstance,
  type ListInstancesOptions,
  type ResolveTargetOptions,
} from './instance-discovery.js';
export { MAX_SOCKET_PATH_BYTES, prepareSocketPath, removeSocketFile } from './unix-socket-path.js';
