import { z } from 'zod';
import {
  definePlugin,
  type Counter,
  type Logger,
  type Topic,
  type nav_msgs,
  type sensor_msgs,
  type vision_msgs,
} from '@omnimind/core';
import { bboxBearingWindow, intrinsicsFromCameraInfo, type HorizontalIntrinsics } from './camera-bearing.js';
import { rangeInBearingWindow } from './lidar-range.js';
import { LocalisationInputError } from './localisation-errors.js';
import { positionInMap } from './map-position.js';
import { yawOfQuaternion, type PlanarPose, type SensorMount } from './sensor-mount.js';

const mount = (x: number, what: string) =>
  z
    .array(z.number().finite())
    .length(3)
    .default([x, 0, 0])
    .describe(`${what} pose in base_link as [x, y, yaw] (metres, radians).`);

/** Parameters of the `detection_localiser` plugin. */
export const detectionLocaliserParams = z.object({
  camera_mount: mount(0.07, "The camera frame's"),
  lidar_mount: mount(-0.032, "The lidar frame's"),
  pose_topic: z
    .string()
    .min(1)
    .default('ground_truth')
    .describe("nav_msgs/Odometry topic with the robot's pose; its header.frame_id becomes the output frame."),
});

/** Detection localiser parameters with defaults applied. */
export type DetectionLocaliserParams = z.infer<typeof detectionLocaliserParams>;

/** Why a detection was not localised (the `reason` label of the skipped counter). */
export type LocalisationSkipReason = 'no_camera_info' | 'no_scan' | 'no_pose' | 'no_range';

/** Per-instance state of a detection localiser. */
export interface DetectionLocaliserState {
  readonly topics: {
    readonly detections: Topic<vision_msgs.Detection2DArray>;
    readonly cameraInfo: Topic<sensor_msgs.CameraInfo>;
    readonly scan: Topic<sensor_msgs.LaserScan>;
    readonly pose: Topic<nav_msgs.Odometry>;
    readonly localised: Topic<vision_msgs.Detection3DArray>;
  };
  readonly counts: { readonly localised: Counter; readonly skipped: Counter; readonly badInputs: Counter };
  intrinsics: HorizontalIntrinsics | undefined;
  scan: sensor_msgs.LaserScan | undefined;
  pose: { readonly frameId: string; readonly pose: PlanarPose } | undefined;
  /** Bad camera infos and scans so far: the first one and then every {@link BAD_INPUT_LOG_EVERY}th is logged. */
  badInputs: number;
}

/** Camera infos and scans arrive at sensor rate; one log line per this many bad ones is enough. */
const BAD_INPUT_LOG_EVERY = 100;

/**
 * Places 2D detections in the map. For each detection on `detections`
 * (`vision_msgs/Detection2DArray`), the bearing of its box comes from the latest `camera_info`,
 * the range from the latest `scan` (QoS sensor_data; the median of the valid returns inside the
 * box's angular width, see {@link rangeInBearingWindow}), and the robot's pose from the latest
 * message on `pose_topic` (`nav_msgs/Odometry`, default `ground_truth`). It publishes
 * `vision_msgs/Detection3DArray` on `detections/map`, in the pose topic's frame (`map` for
 * `ground_truth`), with the input's stamp: each detection keeps its id and results, with the
 * position in `bbox.center` and each result's pose (z 0), and its width across the line of sight
 * in `bbox.size.x` and `.y`. The point found is the near surface of the object the lidar hits.
 * A detection that cannot be placed (no camera info, scan or pose yet, or no lidar return in its
 * window) is left out and counted (`omnimind_localiser_detections_skipped_total{reason}`); a bad
 * camera info or scan is logged, counted (`omnimind_localiser_bad_inputs_total`) and ignored.
 *
 * @example
 * ```yaml
 * - node: { pkg: '@omnimind/plugin-vision', plugin: detection_localiser, name: localiser, namespace: robot1,
 *           remap: [{ from: camera_info, to: camera/camera_info }],
 *           param: [{ name: camera_mount, value: [0.07, 0, 0] }, { name: lidar_mount, value: [-0.032, 0, 0] }] }
 * ```
 */
export const detectionLocaliser = definePlugin({
  name: 'detection_localiser',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Places detections (detections) in the map with camera_info, scan and a pose (detections/map).',
  params: detectionLocaliserParams,
  configure(ctx): DetectionLocaliserState {
    const localised = ctx.bus.topic('detections/map', 'vision_msgs/msg/Detection3DArray');
    localised.advertise();
    return {
      topics: {
        detections: ctx.bus.topic('detections', 'vision_msgs/msg/Detection2DArray'),
        cameraInfo: ctx.bus.topic('camera_info', 'sensor_msgs/msg/CameraInfo', { qos: 'sensor_data' }),
        scan: ctx.bus.topic('scan', 'sensor_msgs/msg/LaserScan', { qos: 'sensor_data' }),
        pose: ctx.bus.topic(ctx.params.values.pose_topic, 'nav_msgs/msg/Odometry'),
        localised,
      },
      counts: {
        localised: ctx.metrics.counter({
          name: 'omnimind_localiser_detections_total',
          help: 'Detections placed in the map.',
        }),
        skipped: ctx.metrics.counter({
          name: 'omnimind_localiser_detections_skipped_total',
          help: 'Detections not placed: no camera info, scan or pose yet, or no lidar return in the box.',
          labelNames: ['reason'],
        }),
        badInputs: ctx.metrics.counter({
          name: 'omnimind_localiser_bad_inputs_total',
          help: 'Camera infos without intrinsics and laser scans without usable angles, ignored.',
        }),
      },
      intrinsics: undefined,
      scan: undefined,
      pose: undefined,
      badInputs: 0,
    };
  },
  activate(ctx, state) {
    const mounts = { camera: mountOf(ctx.params.values.camera_mount), lidar: mountOf(ctx.params.values.lidar_mount) };
    const rejectBadInput = (error: unknown) => {
      if (!(error instanceof LocalisationInputError)) throw error;
      state.counts.badInputs.inc();
      logBadInput(ctx.logger, state, error);
    };
    ctx.subscribe(state.topics.cameraInfo.observe(), ({ message }) => {
      try {
        state.intrinsics = intrinsicsFromCameraInfo(message);
      } catch (error) {
        rejectBadInput(error);
      }
    });
    ctx.subscribe(state.topics.scan.observe(), ({ message }) => void (state.scan = message));
    ctx.subscribe(state.topics.pose.observe(), ({ message }) => {
      const { position, orientation } = message.pose.pose;
      state.pose = {
        frameId: message.header.frame_id,
        pose: { x: position.x, y: position.y, theta: yawOfQuaternion(orientation) },
      };
    });
    ctx.subscribe(state.topics.detections.observe(), ({ message }) => {
      const { intrinsics, scan, pose } = state;
      const skip = (reason: LocalisationSkipReason, count: number) =>
        count > 0 && state.counts.skipped.inc({ reason }, count);
      if (!intrinsics) return void skip('no_camera_info', message.detections.length);
      if (!scan) return void skip('no_scan', message.detections.length);
      if (!pose) return void skip('no_pose', message.detections.length);
      const detections: vision_msgs.Detection3D[] = [];
      for (const detection of message.detections) {
        const window = bboxBearingWindow(detection.bbox, intrinsics);
        let reading;
        try {
          reading = rangeInBearingWindow(scan, window, mounts);
        } catch (error) {
          rejectBadInput(error);
          state.scan = undefined;
          skip('no_scan', message.detections.length - detections.length);
          break;
        }
        if (!reading) {
          skip('no_range', 1);
          continue;
        }
        detections.push(localisedDetection(detection, pose, mounts.camera, window, reading.distanceFromCamera));
      }
      state.counts.localised.inc(undefined, detections.length);
      state.topics.localised.publish({
        header: { stamp: message.header.stamp, frame_id: pose.frameId },
        detections,
      });
    });
  },
});

function localisedDetection(
  detection: vision_msgs.Detection2D,
  robot: { readonly frameId: string; readonly pose: PlanarPose },
  camera: SensorMount,
  window: { readonly bearing: number; readonly halfWidth: number },
  distance: number,
): vision_msgs.Detection3D {
  const point = positionInMap(robot.pose, camera, window.bearing, distance);
  const pose = { position: { x: point.x, y: point.y, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } };
  const width = 2 * distance * Math.tan(window.halfWidth);
  return {
    header: { stamp: detection.header.stamp, frame_id: robot.frameId },
    id: detection.id,
    results: detection.results.map((result) => ({
      hypothesis: result.hypothesis,
      pose: { pose, covariance: new Float64Array(36) },
    })),
    bbox: { center: pose, size: { x: width, y: width, z: 0 } },
  };
}

function mountOf([x, y, yaw]: number[]): SensorMount {
  return { x: x!, y: y!, yaw: yaw! };
}

function logBadInput(logger: Logger, state: DetectionLocaliserState, error: LocalisationInputError): void {
  if (state.badInputs++ % BAD_INPUT_LOG_EVERY === 0) {
    logger.warn({ err: error, badInputs: state.badInputs }, 'camera info or scan ignored');
  }
}
