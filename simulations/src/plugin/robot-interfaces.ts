import {
  QOS_LATCHED,
  QOS_SENSOR_DATA,
  omnimind_msgs,
  timeFromMs,
  type Bus,
  type Logger,
  type Topic,
} from '@omnimind/core';
import type { geometry_msgs, sensor_msgs, tf2_msgs } from '@omnimind/core';
import type { SimulatedRobot } from '../engine/engine-types.js';
import type { Pose2D } from '../world/world-types.js';
import {
  batteryStateMessage,
  cameraInfoMessage,
  frameTransform,
  imageMessage,
  imuMessage,
  laserScanMessage,
  odometryMessage,
  planarTransform,
} from './ros-messages.js';
import type { SensorSchedule } from './sensor-schedule.js';

/** How one robot's interfaces are named and published. */
export interface RobotInterfaceOptions {
  readonly bus: Bus;
  readonly robot: SimulatedRobot;
  /** Prefix of the robot's frame ids (`robot1/` or empty). */
  readonly framePrefix: string;
  readonly publishMapToOdom: boolean;
  /** Simulated time, milliseconds. */
  readonly nowMs: () => number;
  readonly tf: Topic<tf2_msgs.TFMessage>;
  readonly logger: Logger;
}

/**
 * The ROS 2 interfaces of one simulated robot, in its namespace `/<robot>`: `cmd_vel` in;
 * `odom`, `scan`, `imu`, `camera/image_raw`, `camera/camera_info`, `battery_state`,
 * `joint_states`, `bumper`, `ground_truth` out; odom → base_link on `/tf`, the fixed frames on
 * `/tf_static`; a `gripper` action on robots that have one.
 */
export class RobotInterfaces {
  private lastBumped = false;
  private readonly closers: (() => void)[] = [];

  constructor(private readonly options: RobotInterfaceOptions) {}

  /**
   * Opens every topic and registers the periodic outputs on `schedule`. Returns the robot's fixed
   * transforms, which the simulator publishes on `/tf_static` together with the other robots'.
   */
  open(schedule: SensorSchedule): geometry_msgs.TransformStamped[] {
    const { bus, robot, framePrefix: prefix } = this.options;
    const ns = `/${robot.name}`;
    const sensors = robot.description.sensors;
    const stamp = () => timeFromMs(this.options.nowMs());
    const baseFrame = `${prefix}base_link`;
    const odomFrame = `${prefix}odom`;

    const cmdVel = bus.topic(`${ns}/cmd_vel`, 'geometry_msgs/msg/Twist');
    const subscription = cmdVel.subscribe((event) => {
      const twist = event.message as geometry_msgs.Twist;
      robot.command({ linear: twist.linear.x, angular: twist.angular.z });
    });
    this.closers.push(() => subscription.unsubscribe());

    const odom = bus.topic(`${ns}/odom`, 'nav_msgs/msg/Odometry');
    const groundTruth = bus.topic(`${ns}/ground_truth`, 'nav_msgs/msg/Odometry');
    const odomNoise = { linear: sensors.odometry.linearNoiseStd, angular: sensors.odometry.angularNoiseStd };
    schedule.every(sensors.odometry.rateHz, () => {
      const now = stamp();
      const reading = robot.odometry();
      odom.publish(odometryMessage(now, odomFrame, baseFrame, reading, odomNoise));
      const truth = robot.groundTruth();
      groundTruth.publish(odometryMessage(now, 'map', baseFrame, truth, { linear: 0, angular: 0 }));
      const transforms = [planarTransform(now, odomFrame, baseFrame, reading.pose)];
      if (this.options.publishMapToOdom)
        transforms.push(planarTransform(now, 'map', odomFrame, mapToOdom(truth.pose, reading.pose)));
      this.options.tf.publish({ transforms });
    });

    if (sensors.lidar) {
      const lidar = sensors.lidar;
      const scan = bus.topic(`${ns}/scan`, 'sensor_msgs/msg/LaserScan', { qos: QOS_SENSOR_DATA });
      schedule.every(lidar.rateHz, () =>
        scan.publish(laserScanMessage(stamp(), prefix + lidar.frame, lidar, robot.scan())),
      );
    }
    if (sensors.camera) {
      const camera = sensors.camera;
      const image = bus.topic(`${ns}/camera/image_raw`, 'sensor_msgs/msg/Image', { qos: QOS_SENSOR_DATA });
      const info = bus.topic(`${ns}/camera/camera_info`, 'sensor_msgs/msg/CameraInfo', { qos: QOS_SENSOR_DATA });
      schedule.every(camera.rateHz, () => {
        const now = stamp();
        image.publish(imageMessage(now, prefix + camera.frame, camera, robot.renderCamera()));
        info.publish(cameraInfoMessage(now, prefix + camera.frame, camera));
      });
    }
    if (sensors.imu) {
      const imuSensor = sensors.imu;
      const imu = bus.topic(`${ns}/imu`, 'sensor_msgs/msg/Imu', { qos: QOS_SENSOR_DATA });
      const noise = {
        orientation: imuSensor.orientationNoiseStd,
        angularVelocity: imuSensor.angularVelocityNoiseStd,
        linearAcceleration: imuSensor.linearAccelerationNoiseStd,
      };
      schedule.every(imuSensor.rateHz, () =>
        imu.publish(imuMessage(stamp(), prefix + imuSensor.frame, robot.imu(), noise)),
      );
    }

    const battery = bus.topic(`${ns}/battery_state`, 'sensor_msgs/msg/BatteryState');
    schedule.every(1, () =>
      battery.publish(batteryStateMessage(stamp(), baseFrame, robot.description.battery, robot.battery())),
    );

    const jointStates = bus.topic(`${ns}/joint_states`, 'sensor_msgs/msg/JointState');
    const { wheelJoints } = robot.description.base;
    const gripper = robot.gripper;
    const gripperJoint = robot.description.gripper?.joint;
    schedule.every(sensors.odometry.rateHz, () =>
      jointStates.publish(this.jointStates(stamp(), wheelJoints, gripperJoint)),
    );

    if (sensors.bumper) {
      const bumperFrame = prefix + sensors.bumper.frame;
      const bumper = bus.topic(`${ns}/bumper`, 'omnimind_msgs/msg/BumperEvent', { qos: QOS_LATCHED });
      this.onStep = () => {
        const contacts = robot.contacts();
        if (contacts.bumped === this.lastBumped) return;
        this.lastBumped = contacts.bumped;
        bumper.publish({
          header: { stamp: stamp(), frame_id: bumperFrame },
          pressed: contacts.bumped,
          contacts: [...contacts.with],
        });
      };
    }

    if (gripper && gripperJoint !== undefined) {
      const server = bus.actionServer(`${ns}/gripper`, 'omnimind_msgs/action/Gripper', {
        execute: async (handle) => {
          const { GRASP } = omnimind_msgs.Gripper_Goal;
          handle.publishFeedback({ state: handle.goal.command === GRASP ? 'closing' : 'opening' });
          const result = handle.goal.command === GRASP ? gripper.grasp() : gripper.release();
          this.options.logger.info({ robot: robot.name, ...result }, 'gripper');
          return { success: result.success, object_id: result.objectId ?? '', message: result.message };
        },
      });
      this.closers.push(() => server.close());
    }
    // The root (base_link) has no parent: odom → base_link is published on /tf instead.
    return robot.description.frames
      .filter((frame) => frame.parent !== '')
      .map((frame) => frameTransform(stamp(), frame, prefix));
  }

  /** Per-step work that is not periodic (bumper events on change). */
  onStep: () => void = () => undefined;

  /** Closes the subscription and servers this robot opened. */
  close(): void {
    for (const close of this.closers.splice(0)) close();
  }

  private jointStates(
    stamp: ReturnType<typeof timeFromMs>,
    wheels: { left: string; right: string },
    finger: string | undefined,
  ): sensor_msgs.JointState {
    const { left, right } = this.options.robot.wheelPositions();
    const names = [wheels.left, wheels.right];
    const positions = [left, right];
    const gripper = this.options.robot.gripper;
    if (gripper && finger !== undefined) {
      names.push(finger);
      positions.push(gripper.fingerPosition());
    }
    return {
      header: { stamp, frame_id: '' },
      name: names,
      position: Float64Array.from(positions),
      velocity: new Float64Array(0),
      effort: new Float64Array(0),
    };
  }
}

/** The map → odom transform that makes odom → base_link land on the true pose. */
export function mapToOdom(truth: Pose2D, odom: Pose2D): Pose2D {
  const theta = truth.theta - odom.theta;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  return { x: truth.x - (cos * odom.x - sin * odom.y), y: truth.y - (sin * odom.x + cos * odom.y), theta };
}
