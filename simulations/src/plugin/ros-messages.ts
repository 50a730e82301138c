import { sensor_msgs, type builtin_interfaces, type geometry_msgs, type nav_msgs } from '@omnimind/core';
import {
  rpyToQuaternion,
  type BatteryDescription,
  type CameraDescription,
  type FrameDescription,
  type LidarDescription,
} from '@omnimind/robots';
import { lidarAngleIncrement } from '../engine/sensors/lidar-sensor.js';
import type { BatteryReading, ImuReading, OdometryReading, Twist2D } from '../engine/engine-types.js';
import type { Pose2D } from '../world/world-types.js';

type Time = builtin_interfaces.Time;

/** A rotation about z by `yaw` radians as a quaternion. */
export function yawToQuaternion(yaw: number): geometry_msgs.Quaternion {
  return { x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) };
}

/** A 6×6 row-major covariance with `diagonal` on its diagonal. */
function covariance6(diagonal: readonly number[]): Float64Array {
  const out = new Float64Array(36);
  diagonal.forEach((v, i) => (out[i * 7] = v));
  return out;
}

/** A 3×3 row-major covariance with `variance` on its diagonal (`-1` first element: "not provided"). */
function covariance3(variance: number): Float64Array {
  return Float64Array.of(variance, 0, 0, 0, variance, 0, 0, 0, variance);
}

const pose3 = (pose: Pose2D): geometry_msgs.Pose => ({
  position: { x: pose.x, y: pose.y, z: 0 },
  orientation: yawToQuaternion(pose.theta),
});

const twist3 = (twist: Twist2D): geometry_msgs.Twist => ({
  linear: { x: twist.linear, y: 0, z: 0 },
  angular: { x: 0, y: 0, z: twist.angular },
});

/** `nav_msgs/Odometry` of a pose and twist, `frame` → `childFrame`. */
export function odometryMessage(
  stamp: Time,
  frame: string,
  childFrame: string,
  reading: OdometryReading,
  noise: { linear: number; angular: number },
): nav_msgs.Odometry {
  const linearVar = Math.max(noise.linear ** 2, 1e-9);
  const angularVar = Math.max(noise.angular ** 2, 1e-9);
  return {
    header: { stamp, frame_id: frame },
    child_frame_id: childFrame,
    pose: { pose: pose3(reading.pose), covariance: covariance6([linearVar, linearVar, 1e6, 1e6, 1e6, angularVar]) },
    twist: { twist: twist3(reading.twist), covariance: covariance6([linearVar, 1e6, 1e6, 1e6, 1e6, angularVar]) },
  };
}

/** A transform `parent` → `child` from a planar pose. */
export function planarTransform(
  stamp: Time,
  parent: string,
  child: string,
  pose: Pose2D,
): geometry_msgs.TransformStamped {
  return {
    header: { stamp, frame_id: parent },
    child_frame_id: child,
    transform: { translation: { x: pose.x, y: pose.y, z: 0 }, rotation: yawToQuaternion(pose.theta) },
  };
}

/** The fixed transform of a described frame. */
export function frameTransform(stamp: Time, frame: FrameDescription, prefix: string): geometry_msgs.TransformStamped {
  const [x, y, z] = frame.xyz;
  const rotation = rpyToQuaternion(frame.rpy);
  return {
    header: { stamp, frame_id: prefix + frame.parent },
    child_frame_id: prefix + frame.name,
    transform: { translation: { x, y, z }, rotation: { x: rotation.x, y: rotation.y, z: rotation.z, w: rotation.w } },
  };
}

/** `sensor_msgs/LaserScan` around `ranges` (not copied). */
export function laserScanMessage(
  stamp: Time,
  frame: string,
  lidar: LidarDescription,
  ranges: Float32Array,
): sensor_msgs.LaserScan {
  const increment = lidarAngleIncrement(lidar);
  return {
    header: { stamp, frame_id: frame },
    angle_min: lidar.angleMin,
    angle_max: lidar.angleMin + increment * (ranges.length - 1),
    angle_increment: increment,
    time_increment: 0,
    scan_time: 1 / lidar.rateHz,
    range_min: lidar.rangeMin,
    range_max: lidar.rangeMax,
    ranges,
    intensities: new Float32Array(0),
  };
}

/** `sensor_msgs/Image` (rgb8) around `data` (not copied). */
export function imageMessage(
  stamp: Time,
  frame: string,
  camera: CameraDescription,
  data: Uint8Array,
): sensor_msgs.Image {
  return {
    header: { stamp, frame_id: frame },
    height: camera.height,
    width: camera.width,
    encoding: 'rgb8',
    is_bigendian: 0,
    step: camera.width * 3,
    data,
  };
}

/** `sensor_msgs/CameraInfo` of an ideal pinhole camera with the described resolution and field of view. */
export function cameraInfoMessage(stamp: Time, frame: string, camera: CameraDescription): sensor_msgs.CameraInfo {
  const fx = camera.width / 2 / Math.tan(camera.horizontalFov / 2);
  const cx = camera.width / 2;
  const cy = camera.height / 2;
  return {
    header: { stamp, frame_id: frame },
    height: camera.height,
    width: camera.width,
    distortion_model: 'plumb_bob',
    d: new Float64Array(5),
    k: Float64Array.of(fx, 0, cx, 0, fx, cy, 0, 0, 1),
    r: Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1),
    p: Float64Array.of(fx, 0, cx, 0, 0, fx, cy, 0, 0, 0, 1, 0),
    binning_x: 0,
    binning_y: 0,
    roi: { x_offset: 0, y_offset: 0, height: 0, width: 0, do_rectify: false },
  };
}

/** `sensor_msgs/Imu` of a planar IMU reading. */
export function imuMessage(
  stamp: Time,
  frame: string,
  reading: ImuReading,
  noise: { orientation: number; angularVelocity: number; linearAcceleration: number },
): sensor_msgs.Imu {
  return {
    header: { stamp, frame_id: frame },
    orientation: yawToQuaternion(reading.yaw),
    orientation_covariance: covariance3(Math.max(noise.orientation ** 2, 1e-9)),
    angular_velocity: { x: 0, y: 0, z: reading.angularVelocityZ },
    angular_velocity_covariance: covariance3(Math.max(noise.angularVelocity ** 2, 1e-9)),
    linear_acceleration: { x: reading.linearAccelerationX, y: reading.linearAccelerationY, z: 0 },
    linear_acceleration_covariance: covariance3(Math.max(noise.linearAcceleration ** 2, 1e-9)),
  };
}

/** `sensor_msgs/BatteryState` of a battery reading. */
export function batteryStateMessage(
  stamp: Time,
  frame: string,
  battery: BatteryDescription,
  reading: BatteryReading,
): sensor_msgs.BatteryState {
  const constants = sensor_msgs.BatteryState;
  const full = reading.charge >= 0.999;
  return {
    header: { stamp, frame_id: frame },
    voltage: reading.voltage,
    temperature: Number.NaN,
    current: reading.current,
    charge: reading.charge * battery.capacityAh,
    capacity: battery.capacityAh,
    design_capacity: battery.capacityAh,
    percentage: reading.charge,
    power_supply_status: reading.charging
      ? full
        ? constants.POWER_SUPPLY_STATUS_FULL
        : constants.POWER_SUPPLY_STATUS_CHARGING
      : constants.POWER_SUPPLY_STATUS_DISCHARGING,
    power_supply_health: constants.POWER_SUPPLY_HEALTH_GOOD,
    power_supply_technology: constants.POWER_SUPPLY_TECHNOLOGY_LIPO,
    present: true,
    cell_voltage: new Float32Array(0),
    cell_temperature: new Float32Array(0),
    location: '',
    serial_number: '',
  };
}
