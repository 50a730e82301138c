import {
  definePlugin,
  hasErrorCode,
  type Counter,
  type Histogram,
  type PluginContext,
  type Topic,
  type sensor_msgs,
  type std_msgs,
  type vision_msgs,
} from '@omnimind/core';
import { DetectionError, YoloDecoder } from '../detection/index.js';
import { InferenceQueue, InferenceRunError, type TensorMap } from '../inference/index.js';
import { VisionImageError, imageFromMessage, imageToTensor, letterboxImage } from '../preprocess/index.js';
import { toDetectionLetterbox } from './detector-letterbox.js';
import { openYoloDetectorModel, type YoloDetectorModel } from './yolo-detector-model.js';
import { yoloDetectorParams, type YoloDetectorParams } from './yolo-detector-params.js';
import type { DetectionLetterbox } from '../detection/index.js';

/** Per-instance state of a YOLO detector node. */
export interface YoloDetectorState {
  readonly model: YoloDetectorModel;
  readonly queue: InferenceQueue;
  readonly decoder: YoloDecoder;
  readonly imageTopic: Topic<sensor_msgs.Image>;
  readonly detectionsTopic: Topic<vision_msgs.Detection2DArray>;
  readonly inferenceTimeTopic: Topic<std_msgs.Float64>;
  readonly frames: {
    readonly detected: Counter;
    readonly dropped: Counter;
    readonly skipped: Counter;
    readonly inferenceMs: Histogram;
  };
  /** Frames received and not yet published, dropped or skipped. */
  inFlight: number;
  /** Frames waiting to be letterboxed (preprocessing runs one frame at a time, in order). */
  waitingForPreprocess: number;
  preprocessing: Promise<void>;
  /** Per-frame inference time of the latest successful run, in ms. */
  lastPerFrameMs: number;
  /** Bad frames so far: the first one and then every {@link BAD_FRAME_LOG_EVERY}th is logged. */
  badFrames: number;
  active: boolean;
}

/** A stream of bad frames at camera rate would flood the log; one line per this many is enough. */
const BAD_FRAME_LOG_EVERY = 100;

interface PreparedFrame {
  readonly feeds: TensorMap;
  readonly letterbox: DetectionLetterbox;
  readonly header: std_msgs.Header;
}

/**
 * Runs a YOLO ONNX detector (YOLOv8/YOLO11 `[1, 4+C, N]` or YOLOv5 `[1, N, 5+C]` output, raw head
 * without NMS) on every frame of the relative topic `image_raw` (`sensor_msgs/Image`, QoS
 * sensor_data): letterbox to the model input, onnxruntime through an `InferenceQueue`, decode with
 * `YoloDecoder` (confidence filter, NMS, boxes mapped back onto the frame), then publishes a
 * `vision_msgs/Detection2DArray` on `detections` with the frame's header and the run's inference
 * time per frame (ms) as `std_msgs/Float64` on `inference_time`.
 *
 * When the model cannot keep up, the oldest queued frame is dropped (and a frame arriving while
 * `queue_capacity` frames already wait to be letterboxed is dropped too), counted in
 * `omnimind_yolo_detector_frames_dropped_total`. A frame that cannot be read (encoding, size) or
 * whose run fails is logged, counted in `omnimind_yolo_detector_frames_skipped_total` and skipped;
 * the node keeps running. A missing model, a model that is not a YOLO detector for the class list,
 * or a bad class list stops the launch in `validate`.
 *
 * @example
 * ```yaml
 * - node: { pkg: '@omnimind/plugin-vision', plugin: yolo_detector, name: detector, namespace: robot1,
 *           remap: [{ from: image_raw, to: camera/image_raw }],
 *           param: [{ name: model, value: models/yolov8n.onnx }, { name: classes_file, value: models/coco.names }] }
 * ```
 */
export const yoloDetector = definePlugin({
  name: 'yolo_detector',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'YOLO ONNX detections in camera frames (image_raw) as vision_msgs/Detection2DArray (detections).',
  params: yoloDetectorParams,
  async validate(params, node) {
    // CPU only: shapes are the same on every provider, and a check should not start a GPU.
    const { backend } = await openYoloDetectorModel(params, {
      baseDir: node.baseDir,
      node: node.name,
      executionProviders: ['cpu'],
    });
    await backend.dispose();
  },
  async configure(ctx): Promise<YoloDetectorState> {
    const params = ctx.params.values;
    const model = await openYoloDetectorModel(params, {
      baseDir: ctx.baseDir,
      node: ctx.fullyQualifiedName,
      logger: { warn: (message) => ctx.logger.warn(message), info: (message) => ctx.logger.info(message) },
    });
    const frames = {
      detected: ctx.metrics.counter({
        name: 'omnimind_yolo_detector_frames_total',
        help: 'Camera frames the YOLO detector ran and published detections for.',
      }),
      dropped: ctx.metrics.counter({
        name: 'omnimind_yolo_detector_frames_dropped_total',
        help: 'Camera frames dropped because the model could not keep up (queue_full or preprocess_busy).',
        labelNames: ['reason'],
      }),
      skipped: ctx.metrics.counter({
        name: 'omnimind_yolo_detector_frames_skipped_total',
        help: 'Camera frames skipped: unreadable (encoding, size) or a failed run or decode.',
        labelNames: ['reason'],
      }),
      inferenceMs: ctx.metrics.histogram({
        name: 'omnimind_yolo_detector_inference_ms',
        help: 'Model inference time per frame, in milliseconds (wall time).',
        buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      }),
    };
    const state: YoloDetectorState = {
      model,
      decoder: new YoloDecoder({
        classNames: model.classNames,
        layout: model.info.layout ?? 'auto',
        confidenceThreshold: params.confidence_threshold,
        iouThreshold: params.iou_threshold,
        maxDetections: params.max_detections,
      }),
      queue: new InferenceQueue(model.backend, {
        capacity: params.queue_capacity,
        maxBatch: params.max_batch,
        onDrop: () => frames.dropped.inc({ reason: 'queue_full' }),
        onTiming: (timing) => {
          if (!timing.ok) return;
          state.lastPerFrameMs = timing.perFrameMs;
          for (let i = 0; i < timing.frames; i++) frames.inferenceMs.observe(undefined, timing.perFrameMs);
        },
      }),
      imageTopic: ctx.bus.topic('image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' }),
      detectionsTopic: ctx.bus.topic('detections', 'vision_msgs/msg/Detection2DArray'),
      inferenceTimeTopic: ctx.bus.topic('inference_time', 'std_msgs/msg/Float64'),
      frames,
      inFlight: 0,
      waitingForPreprocess: 0,
      preprocessing: Promise.resolve(),
      lastPerFrameMs: 0,
      badFrames: 0,
      active: false,
    };
    state.detectionsTopic.advertise();
    state.inferenceTimeTopic.advertise();
    ctx.logger.info(
      {
        model: params.model,
        provider: model.backend.executionProvider,
        input: `${model.inputWidth}x${model.inputHeight}`,
        layout: model.info.layout,
        classes: model.info.numClasses,
      },
      'YOLO detector model loaded',
    );
    return state;
  },
  activate(ctx, state) {
    state.active = true;
    ctx.subscribe(state.imageTopic.observe(), ({ message }) => onFrame(ctx, state, message));
  },
  deactivate(_ctx, state) {
    state.active = false;
  },
  async cleanup(_ctx, state) {
    await state.queue.close();
    await state.model.backend.dispose();
  },
});

function onFrame(ctx: PluginContext<YoloDetectorParams>, state: YoloDetectorState, frame: sensor_msgs.Image): void {
  if (state.waitingForPreprocess >= ctx.params.values.queue_capacity) {
    state.frames.dropped.inc({ reason: 'preprocess_busy' });
    return;
  }
  state.inFlight += 1;
  state.waitingForPreprocess += 1;
  // Letterboxing is asynchronous (sharp); chaining keeps frames in order into the queue.
  const prepared = state.preprocessing.then(() => {
    state.waitingForPreprocess -= 1;
    return prepare(state, frame);
  });
  state.preprocessing = prepared.then(
    () => undefined,
    () => undefined,
  );
  prepared
    .then(async (input) => {
      const outputs = await state.queue.push(input.feeds);
      const output = outputs[state.model.info.outputName];
      if (output === undefined) {
        throw new InferenceRunError(`the model gave no output '${state.model.info.outputName}'`);
      }
      const detections = state.decoder.decode(output, input.header, input.letterbox);
      if (!state.active) return;
      state.detectionsTopic.publish(detections);
      state.inferenceTimeTopic.publish({ data: state.lastPerFrameMs });
      state.frames.detected.inc();
    })
    .catch((error: unknown) => skipFrame(ctx, state, error))
    .finally(() => {
      state.inFlight -= 1;
    });
}

async function prepare(state: YoloDetectorState, frame: sensor_msgs.Image): Promise<PreparedFrame> {
  const { inputWidth, inputHeight, info } = state.model;
  const image = imageFromMessage(frame);
  const { image: input, transform } = await letterboxImage(image, { width: inputWidth, height: inputHeight });
  const tensor = { type: 'float32', data: imageToTensor(input), dims: [1, 3, inputHeight, inputWidth] };
  return { feeds: { [info.inputName]: tensor }, letterbox: toDetectionLetterbox(transform), header: frame.header };
}

function skipFrame(ctx: PluginContext<YoloDetectorParams>, state: YoloDetectorState, error: unknown): void {
  // Dropped frames were counted by the queue; nothing else to do for them.
  if (hasErrorCode(error, 'OMNI_ERR_VISION_FRAME_DROPPED')) return;
  const reason =
    error instanceof VisionImageError
      ? 'bad_frame'
      : error instanceof InferenceRunError
        ? 'inference_failed'
        : error instanceof DetectionError
          ? 'decode_failed'
          : undefined;
  if (reason === undefined) {
    ctx.reportError(error);
    return;
  }
  // A driver glitch or one failed run costs that frame, not the detector.
  state.frames.skipped.inc({ reason });
  if (state.badFrames++ % BAD_FRAME_LOG_EVERY === 0) {
    ctx.logger.warn({ err: error, reason, badFrames: state.badFrames }, 'camera frame skipped');
  }
}
