export * from './goal-schema.js';
export * from './goal-queue.js';
