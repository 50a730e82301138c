export * from './action-types.js';
export { moveSchema } from './move-action.js';
export { graspSchema, releaseSchema } from './grasp-release-actions.js';
export { pushSchema, pullSchema } from './push-pull-actions.js';
export { observeSchema } from './observe-action.js';
export { rotateSchema, waitSchema, rotationAngle } from './rotate-wait-actions.js';
export { dockSchema, chargeSchema } from './dock-charge-actions.js';
