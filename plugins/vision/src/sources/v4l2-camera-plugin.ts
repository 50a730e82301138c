import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { z } from 'zod';
import { definePlugin, type Counter, type PluginContext, type Topic, type sensor_msgs } from '@omnimind/core';
import { ffmpegCameraArgs } from './ffmpeg-args.js';
import { findExecutable } from './find-executable.js';
import { RawFrameSplitter } from './raw-frame-splitter.js';
import { VISION_SOURCE_CODES, VisionSourceError } from './source-errors.js';

/** Parameters of the `v4l2_camera` plugin. */
export const v4l2CameraParams = z.object({
  device: z.string().min(1).default('/dev/video0').describe('V4L2 device node of the camera.'),
  width: z.int().positive().default(160).describe('Width in pixels of the published frames.'),
  height: z.int().positive().default(120).describe('Height in pixels of the published frames.'),
  rate_hz: z.number().positive().finite().default(10).describe('Frames per second asked of the camera.'),
  frame_id: z.string().min(1).default('camera').describe('Frame id of the published images.'),
  ffmpeg_path: z
    .string()
    .min(1)
    .default('ffmpeg')
    .describe("The ffmpeg executable: a name looked up on PATH, or a path (relative: from the launch file's folder)."),
  input: z
    .string()
    .optional()
    .describe(
      "ffmpeg input arguments replacing '-f v4l2 -i <device>', e.g. '-f lavfi -i testsrc=size=160x120:rate=10'.",
    ),
  max_restarts: z
    .int()
    .min(0)
    .default(5)
    .describe('Restarts of ffmpeg in a row without a frame before the node reports an error.'),
  restart_delay_ms: z
    .number()
    .positive()
    .finite()
    .default(500)
    .describe('Wait before the first restart, on the node clock; doubled after each failed restart, up to 10 s.'),
});

/** V4L2 camera parameters with defaults applied. */
export type V4l2CameraParams = z.infer<typeof v4l2CameraParams>;

/** Per-instance state of a V4L2 camera. */
export interface V4l2CameraState {
  /** Absolute path of the ffmpeg executable. */
  readonly ffmpeg: string;
  readonly imageTopic: Topic<sensor_msgs.Image>;
  readonly splitter: RawFrameSplitter;
  child: ChildProcess | undefined;
  active: boolean;
  /** ffmpeg exits since the last frame. */
  failuresInARow: number;
  readonly metrics: { readonly frames: Counter; readonly exits: Counter };
}

const MAX_RESTART_DELAY_MS = 10_000;
const STDERR_TAIL_CHARS = 2000;

/**
 * A live V4L2 camera read through `ffmpeg` (a child process with `-f v4l2`, writing raw rgb24
 * frames of `width`×`height` at `rate_hz` to its stdout), published as `sensor_msgs/Image` rgb8 on
 * the relative topic `image_raw`, stamped by the node clock when each frame arrives. When ffmpeg
 * exits while the node is active, the exit is logged and counted
 * (`omnimind_v4l2_camera_ffmpeg_exits_total`) and ffmpeg is started again after
 * `restart_delay_ms`, doubling up to 10 s; after `max_restarts` exits in a row with no frame
 * between them the node reports `OMNI_ERR_VISION_CAMERA_STREAM_FAILED` to the host. A missing
 * ffmpeg or device stops the launch in `validate`.
 *
 * @example
 * ```yaml
 * - node: { pkg: '@omnimind/plugin-vision', plugin: v4l2_camera, name: camera, namespace: robot1/camera,
 *           param: [{ name: device, value: /dev/video0 }, { name: width, value: 320 }, { name: height, value: 240 }] }
 * ```
 */
export const v4l2Camera = definePlugin({
  name: 'v4l2_camera',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Publishes a live V4L2 camera, read through ffmpeg, on image_raw.',
  params: v4l2CameraParams,
  validate(params, node) {
    resolveFfmpeg(params, node);
    checkDevice(params, node.name);
  },
  configure(ctx): V4l2CameraState {
    const params = ctx.params.values;
    const node = { name: ctx.fullyQualifiedName, baseDir: ctx.baseDir };
    const ffmpeg = resolveFfmpeg(params, node);
    checkDevice(params, node.name);
    const imageTopic = ctx.bus.topic('image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' });
    imageTopic.advertise();
    return {
      ffmpeg,
      imageTopic,
      splitter: new RawFrameSplitter(params.width * params.height * 3),
      child: undefined,
      active: false,
      failuresInARow: 0,
      metrics: {
        frames: ctx.metrics.counter({
          name: 'omnimind_v4l2_camera_frames_published_total',
          help: 'Frames a V4L2 camera published.',
        }),
        exits: ctx.metrics.counter({
          name: 'omnimind_v4l2_camera_ffmpeg_exits_total',
          help: 'Times ffmpeg exited (or failed to start) while the camera was active.',
        }),
      },
    };
  },
  activate(ctx, state) {
    state.active = true;
    state.failuresInARow = 0;
    startFfmpeg(ctx, state);
  },
  deactivate(_ctx, state) {
    state.active = false;
    const child = state.child;
    state.child = undefined;
    child?.kill('SIGTERM');
  },
});

function resolveFfmpeg(params: V4l2CameraParams, node: { readonly name: string; readonly baseDir: string }): string {
  const found = findExecutable(params.ffmpeg_path, process.env['PATH'] ?? '', node.baseDir);
  if (found === undefined) {
    throw new VisionSourceError(
      VISION_SOURCE_CODES.FFMPEG_NOT_FOUND,
      `node '${node.name}': parameter 'ffmpeg_path' is '${params.ffmpeg_path}', and no ffmpeg executable is there or on PATH; ` +
        "install ffmpeg (Debian/Ubuntu: 'sudo apt-get install ffmpeg') or set 'ffmpeg_path' to the ffmpeg executable",
      { details: { ffmpeg_path: params.ffmpeg_path } },
    );
  }
  return found;
}

function checkDevice(params: V4l2CameraParams, node: string): void {
  if (params.input !== undefined && params.input.trim() !== '') return;
  let exists: boolean;
  try {
    statSync(params.device);
    exists = true;
  } catch {
    exists = false;
  }
  if (!exists) {
    throw new VisionSourceError(
      VISION_SOURCE_CODES.CAMERA_DEVICE_NOT_FOUND,
      `node '${node}': camera device '${params.device}' (parameter 'device') does not exist; ` +
        "expected a V4L2 device node such as '/dev/video0' (list them with 'ls /dev/video*'; is the camera plugged in and the user in the 'video' group?)",
      { details: { device: params.device } },
    );
  }
}

function startFfmpeg(ctx: PluginContext<V4l2CameraParams>, state: V4l2CameraState): void {
  const params = ctx.params.values;
  const args = ffmpegCameraArgs({
    device: params.device,
    input: params.input,
    width: params.width,
    height: params.height,
    rateHz: params.rate_hz,
  });
  state.splitter.reset();
  const child = spawn(state.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  state.child = child;
  let stderr = '';
  let ended = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (state.child !== child || !state.active) return;
    for (const data of state.splitter.push(chunk)) {
      state.imageTopic.publish({
        header: { stamp: ctx.clock.now(), frame_id: params.frame_id },
        height: params.height,
        width: params.width,
        encoding: 'rgb8',
        is_bigendian: 0,
        step: params.width * 3,
        data,
      });
      state.metrics.frames.inc();
      state.failuresInARow = 0;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  const onEnd = (code: number | null, signal: NodeJS.Signals | null, error?: Error): void => {
    if (ended) return;
    ended = true;
    if (state.child !== child || !state.active) return;
    state.child = undefined;
    void restartAfterExit(ctx, state, { code, signal, stderr: stderr.trim(), error });
  };
  child.on('error', (error) => onEnd(null, null, error));
  child.on('close', (code, signal) => onEnd(code, signal));
}

async function restartAfterExit(
  ctx: PluginContext<V4l2CameraParams>,
  state: V4l2CameraState,
  exit: { code: number | null; signal: NodeJS.Signals | null; stderr: string; error: Error | undefined },
): Promise<void> {
  const params = ctx.params.values;
  state.metrics.exits.inc();
  state.failuresInARow++;
  const what = params.input ?? params.device;
  if (state.failuresInARow > params.max_restarts) {
    ctx.reportError(
      new VisionSourceError(
        VISION_SOURCE_CODES.CAMERA_STREAM_FAILED,
        `node '${ctx.fullyQualifiedName}': ffmpeg reading '${what}' exited ${state.failuresInARow} times in a row without a frame ` +
          `(last: code ${exit.code}, signal ${exit.signal}${exit.stderr ? `, stderr: ${exit.stderr}` : ''}); giving up after max_restarts=${params.max_restarts}`,
        { cause: exit.error, details: { code: exit.code, signal: exit.signal, stderr: exit.stderr } },
      ),
    );
    return;
  }
  const delayMs = Math.min(params.restart_delay_ms * 2 ** (state.failuresInARow - 1), MAX_RESTART_DELAY_MS);
  ctx.logger.warn(
    { err: exit.error, code: exit.code, signal: exit.signal, stderr: exit.stderr, delayMs, input: what },
    `ffmpeg exited; restarting it in ${delayMs} ms`,
  );
  try {
    await ctx.clock.sleep(delayMs, ctx.signal);
  } catch {
    return; // deactivated while waiting
  }
  if (state.active && state.child === undefined) startFfmpeg(ctx, state);
}
