export { navigator } from './navigator-plugin.js';
export { navigatorParams } from './navigator-params.js';
export type { NavigatorParams } from './navigator-params.js';
export { NavigationRun, planFailureCode } from './navigation-run.js';
export type { NavigationParts, NavigatorIo } from './navigation-run.js';
export { NavigationFailed, NavigatorError, NavigatorInputsMissing } from './navigator-errors.js';
export { pathToPoses, poseToPose2D, remainingPathLength, yawOf } from './path-geometry.js';
export * from './strategy-tokens.js';
