/**
 * @omnimind/plugin-navigation: occupancy-grid mapping, map files, costmaps with inflation, global
 * planners (A*, Theta*), local controllers (regulated pure pursuit, DWA), checkers and recoveries, behind Nav2-style interfaces.
 */
export * from './grid/grid-types.js';
export * from './planning/index.js';
export * from './mapping/index.js';
export * from './costmap/index.js';
export * from './map-io/index.js';
export * from './control/index.js';
export * from './recovery/index.js';
export * from './navigator/index.js';
export * from './mapper/index.js';
