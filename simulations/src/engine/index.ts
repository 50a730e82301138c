/**
 * The simulation engine: a top-down 2D world in Rapier physics (fixed step, zero gravity) with
 * differential-drive robots and their sensors. It knows nothing of the bus; the simulator plugin
 * publishes what it computes.
 *
 * Models, in short (each class's documentation has the details):
 * - Robot bodies are dynamic rigid bodies whose velocity is set every step from the drive loop
 *   (velocity and acceleration limits, command watchdog); the solver then stops them at walls and
 *   lets them push movable objects and other robots.
 * - Movable objects are dynamic bodies with their mass and friction; floor friction is damping.
 * - Lidar and camera rays are cast in JavaScript against a mirror of the scene geometry (about 10×
 *   cheaper than Rapier's own ray queries); the camera draws walls 1 m, obstacles 0.5 m and
 *   objects as tall as their footprint's smaller side (0.05–0.5 m).
 * - Odometry integrates the true motion with slip and velocity noise; IMU acceleration comes from
 *   velocity differences; the battery counts coulombs and charges on docks.
 * - Every noise draw comes from seeded xoroshiro128+ streams (`pure-rand`), one per sensor.
 */
export type * from './engine-types.js';
export { createSimulation, DEFAULT_PHYSICS_HZ } from './create-simulation.js';
export { SimulationError, SimulationErrorCode } from './simulation-error.js';
export { lidarAngleIncrement } from './sensors/lidar-sensor.js';
export { OBJECT_HEIGHT_RANGE, OBSTACLE_HEIGHT, WALL_HEIGHT } from './physics/scene-entity.js';
export {
  DOCKED_ANGULAR_SPEED,
  DOCKED_LINEAR_SPEED,
  EMPTY_VOLTAGE_FRACTION,
  FULL_VOLTAGE_FRACTION,
} from './robot/battery-model.js';
export { GRIPPER_OPEN_WIDTH } from './robot/simulated-gripper.js';
export { CONTACT_DISTANCE } from './robot/robot-runtime.js';
export { frameOffset } from './geometry/frame-offsets.js';
export type { FrameOffset } from './geometry/frame-offsets.js';
