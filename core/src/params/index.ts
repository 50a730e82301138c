export * from './param-file-index.js';
export type { ParamChange, ParamSetResult, ParamSourceKind, ParamValueSource, Params } from './params.js';
export { ParamStore, ParamValidationError } from './param-store.js';
export type { ParamChangeValidator, ParamLayer, ParamStoreEntry } from './param-store.js';
export { describeSchema } from './param-schema.js';
export type { ParamDescription } from './param-schema.js';
export { flattenParams, readParam, withParam } from './param-names.js';
