export { ParamFileError, ParamFileErrorCode } from './param-file-errors.js';
export { entryMatchesNode, paramsForNode } from './param-file-match.js';
export { parseParamFile, parseParamFileText, type ParamFileOptions } from './param-file.js';
export type {
  LocatedParam,
  ParamFile,
  ParamFileEntry,
  ParamFileEntryKind,
  ParamScalar,
  ParamValue,
} from './param-file-types.js';
