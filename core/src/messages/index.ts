export {
  CdrDecodeError,
  CdrEncodeError,
  formatMessageProblem,
  MessageDefinitionError,
  MessageErrorCode,
  MessageInvalidError,
  MessageTypeConflictError,
  UnknownMessageTypeError,
} from './message-errors.js';
export type { MessageProblem } from './message-errors.js';
export { isPrimitiveTypeName, PRIMITIVE_TYPE_NAMES } from './message-definition.js';
export type {
  ActionDefinition,
  MessageConstant,
  MessageDefinition,
  MessageField,
  PrimitiveTypeName,
  PrimitiveValue,
  ServiceDefinition,
} from './message-definition.js';
export { MessageRegistry, SCHEMA_SEPARATOR } from './message-registry.js';
export type { RegisterOptions } from './message-registry.js';
export { canonicalTypeName, parseTypeName, shortTypeName } from './type-names.js';
export type { InterfaceKind, TypeNameParts } from './type-names.js';
export { assertValidMessage, validateMessage } from './validate-message.js';
export type { ValidateOptions } from './validate-message.js';
export { createDefaultMessage } from './default-message.js';
export { fillMessage } from './fill-message.js';
export type { FillOptions } from './fill-message.js';
export { createCdrCodec, decodeCdr, encodeCdr } from './cdr-codec.js';
export type { CdrCodec, CdrCodecOptions } from './cdr-codec.js';
export type {
  ActionTypeMap,
  KnownActionType,
  KnownMessageType,
  KnownServiceType,
  MessageTypeMap,
  ServiceTypeMap,
} from './message-type-map.js';
export * from './generated/index.js';
