import type { PlanarPoint, PlanarPose, SensorMount } from './sensor-mount.js';

/**
 * Where a point seen by the camera at `bearing` (camera frame, radians, positive left) and
 * `distance` (metres from the camera) lies in the map, given the robot's pose in the map
 * (`base_link` in `map`) and the camera's mount on the robot.
 *
 * @example
 * ```ts
 * // A robot at (1, 2) facing +y, camera 0.07 m ahead of base_link, something 1 m straight ahead:
 * positionInMap({ x: 1, y: 2, theta: Math.PI / 2 }, { x: 0.07, y: 0, yaw: 0 }, 0, 1); // ≈ { x: 1, y: 3.07 }
 * ```
 */
export function positionInMap(robot: PlanarPose, camera: SensorMount, bearing: number, distance: number): PlanarPoint {
  const angle = camera.yaw + bearing;
  const inBaseX = camera.x + distance * Math.cos(angle);
  const inBaseY = camera.y + distance * Math.sin(angle);
  const cos = Math.cos(robot.theta);
  const sin = Math.sin(robot.theta);
  return { x: robot.x + cos * inBaseX - sin * inBaseY, y: robot.y + sin * inBaseX + cos * inBaseY };
}
