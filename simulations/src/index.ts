/**
 * @omnimind/simulator: the embedded 2D simulator. Worlds (`simulations/worlds`), the physics and
 * sensor engine, the `simulator` plugin that gives each robot its ROS 2 topics, the `goal-driver`
 * test plugin, and scenario runs (`omnimind sim run`).
 */
export * from './world/index.js';
export * from './engine/index.js';
export * from './plugin/index.js';
export * from './driver/index.js';
export * from './scenario/index.js';
