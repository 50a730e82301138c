export * from './grid/grid-types.js';
export * from './planning/global-planner.js';
export type * from './control/controller.js';
