export { logOdds, probability } from './log-odds.js';
export { InvalidMappingParams, InvalidScan, MappingError } from './mapping-errors.js';
export { OccupancyGridMap } from './occupancy-grid-map.js';
export type { OccupancyGridMessageOptions, ScanIntegrationStats } from './occupancy-grid-map.js';
export { occupancyGridMapParamsSchema } from './occupancy-grid-map-params.js';
export type { OccupancyGridMapParams, OccupancyGridMapParamsInput } from './occupancy-grid-map-params.js';
export { CLIP_END_INSIDE, CLIP_END_OUTSIDE, CLIP_MISS, clipSegmentToGrid, traceLine } from './ray-trace.js';
export type { ScanLike } from './scan-types.js';
