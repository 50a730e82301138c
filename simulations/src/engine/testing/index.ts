/** Worlds and robot descriptions built in code, for tests and benchmarks of the simulator. */
export { driveFor } from './drive-for.js';
export { manipulatorLikeDescription, turtlebotLikeDescription } from './test-robots.js';
export {
  TEST_COLORS,
  boxWall,
  officeWorld,
  spawnAt,
  squareRoomWorld,
  testObject,
  testWorld,
  warehouseWorld,
} from './test-worlds.js';
