export { didYouMean } from './did-you-mean.js';
export { evaluateExpression } from './eval-expression.js';
export { pythonStr, type EvalValue } from './eval-values.js';
export { findPackageShare, isPackageName } from './find-package-share.js';
export { LAUNCH_ARGUMENT_NAME, parseLaunchArguments } from './launch-arguments.js';
export { LaunchErrorCode, LaunchFileError } from './launch-errors.js';
export { loadLaunchFile } from './launch-loader.js';
export type {
  LaunchPlan,
  LoadLaunchOptions,
  LocatedRemapRule,
  NodeParam,
  NodeParamFile,
  NodeSpec,
  RespawnSpec,
} from './launch-types.js';
export { resolveNodeParams, type ResolvedNodeParam } from './node-params.js';
export {
  parseSubstitutions,
  type SubstitutionCall,
  type SubstitutionPart,
  type TextPart,
} from './substitution-parser.js';
export { coerceSubstitutedText, parseBooleanText } from './typed-value.js';
