export * from './qos.js';
export { resolveQos, validateQos } from './qos-resolve.js';
export { checkQosCompatibility, isQosCompatible } from './qos-compatibility.js';
export type { QosIncompatibility, QosIncompatiblePolicy } from './qos-compatibility.js';
export { InvalidQosError, UnknownQosPresetError } from './qos-errors.js';
