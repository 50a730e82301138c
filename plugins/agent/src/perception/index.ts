export type { ObjectPerception, ObjectSighting } from './object-perception.js';
export { SimulatedObjectPerception } from './simulated-object-perception.js';
export type { SimulatedObjectPerceptionOptions } from './simulated-object-perception.js';
export { cameraPose, inFieldOfView, lineOfSightClear } from './camera-visibility.js';
export type { CameraModel, OcclusionModel, PlanarPoint } from './camera-visibility.js';
