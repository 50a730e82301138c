import { z } from 'zod';
import { definePlugin, type Counter, type Topic, type sensor_msgs, type vision_msgs } from '@omnimind/core';
import {
  DEFAULT_BLOB_COLORS,
  DEFAULT_MIN_BLOB_AREA,
  UnknownColorName,
  blobsToDetections,
  detectColorBlobs,
} from '../classical/index.js';
import { InvalidRgbImage, rgbImageFromMessage } from '../features/index.js';

/** Parameters of the `color_blob_detector` plugin. */
export const colorBlobDetectorParams = z.object({
  colors: z
    .array(z.string().min(1))
    .default([...DEFAULT_BLOB_COLORS])
    .describe("Colour names to look for (the simulator's palette: red, green, blue, yellow...)."),
  min_area: z.number().min(0).finite().default(DEFAULT_MIN_BLOB_AREA).describe('Smallest blob kept, in pixels.'),
});

/** Colour blob detector parameters with defaults applied. */
export type ColorBlobDetectorParams = z.infer<typeof colorBlobDetectorParams>;

/** Per-instance state of a colour blob detector. */
export interface ColorBlobDetectorState {
  readonly imageTopic: Topic<sensor_msgs.Image>;
  readonly detectionsTopic: Topic<vision_msgs.Detection2DArray>;
  readonly frames: { readonly detected: Counter; readonly skipped: Counter };
  /** Bad frames so far: the first one and then every {@link BAD_FRAME_LOG_EVERY}th is logged. */
  badFrames: number;
}

/** A stream of bad frames at camera rate would flood the log; one line per this many is enough. */
const BAD_FRAME_LOG_EVERY = 100;

/**
 * Finds blobs of named colours in every frame of the relative topic `image_raw`
 * (`sensor_msgs/Image` rgb8 or bgr8, QoS sensor_data) with {@link detectColorBlobs}, and publishes
 * them as `vision_msgs/Detection2DArray` on `detections` with the frame's header (an empty array
 * when nothing is found). A frame that is not rgb8/bgr8 or whose data does not fit its size is
 * logged, counted (`omnimind_color_blob_frames_skipped_total`) and skipped; the node keeps running.
 * Unknown colour names stop the launch in `validate`.
 *
 * @example
 * ```yaml
 * - node: { pkg: '@omnimind/plugin-vision', plugin: color_blob_detector, name: blobs, namespace: robot1,
 *           remap: [{ from: image_raw, to: camera/image_raw }],
 *           param: [{ name: colors, value: [red, yellow] }, { name: min_area, value: 30 }] }
 * ```
 */
export const colorBlobDetector = definePlugin({
  name: 'color_blob_detector',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Colour blobs in camera frames (image_raw) as vision_msgs/Detection2DArray (detections).',
  params: colorBlobDetectorParams,
  validate(params, node) {
    try {
      detectColorBlobs({ data: new Uint8Array(3), width: 1, height: 1, channels: 3 }, optionsOf(params));
    } catch (error) {
      if (!(error instanceof UnknownColorName)) throw error;
      throw new UnknownColorName(`node '${node.name}': parameter 'colors': ${error.message}`, error.details);
    }
  },
  configure(ctx): ColorBlobDetectorState {
    const detectionsTopic = ctx.bus.topic('detections', 'vision_msgs/msg/Detection2DArray');
    detectionsTopic.advertise();
    return {
      imageTopic: ctx.bus.topic('image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' }),
      detectionsTopic,
      frames: {
        detected: ctx.metrics.counter({
          name: 'omnimind_color_blob_frames_total',
          help: 'Camera frames the colour blob detector processed.',
        }),
        skipped: ctx.metrics.counter({
          name: 'omnimind_color_blob_frames_skipped_total',
          help: 'Camera frames skipped: an encoding other than rgb8/bgr8, or data that does not fit the size.',
        }),
      },
      badFrames: 0,
    };
  },
  activate(ctx, state) {
    const options = optionsOf(ctx.params.values);
    ctx.subscribe(state.imageTopic.observe(), ({ message: frame }) => {
      let image;
      try {
        image = rgbImageFromMessage(frame);
      } catch (error) {
        // A driver glitch or a misrouted topic costs that frame, not the detector.
        if (!(error instanceof InvalidRgbImage)) throw error;
        state.frames.skipped.inc();
        if (state.badFrames++ % BAD_FRAME_LOG_EVERY === 0) {
          ctx.logger.warn({ err: error, badFrames: state.badFrames }, 'camera frame skipped');
        }
        return;
      }
      state.detectionsTopic.publish(blobsToDetections(detectColorBlobs(image, options), frame.header));
      state.frames.detected.inc();
    });
  },
});

function optionsOf(params: ColorBlobDetectorParams): { colors: readonly string[]; minArea: number } {
  return { colors: params.colors, minArea: params.min_area };
}
