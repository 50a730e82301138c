import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import {
  definePlugin,
  type Counter,
  type PluginContext,
  type Timer,
  type Topic,
  type sensor_msgs,
} from '@omnimind/core';
import {
  VisionImageError,
  decodeImage,
  encodeCompressedImage,
  imageToMessage,
  type RawImage,
} from '../preprocess/index.js';
import { listImageFiles, resolveImageFolder } from './image-folder.js';

/** Parameters of the `image_folder_source` plugin. */
export const imageFolderSourceParams = z.object({
  folder: z
    .string()
    .min(1)
    .describe("Folder of .png, .jpg, .jpeg or .webp images, relative to the launch file's folder."),
  rate_hz: z.number().positive().finite().default(10).describe('Frames per second, on the node clock.'),
  loop: z.boolean().default(true).describe('Start again from the first image after the last (false: stop).'),
  frame_id: z.string().min(1).default('camera').describe('Frame id of the published images.'),
  compressed: z
    .boolean()
    .default(false)
    .describe('Also publish each frame as a JPEG sensor_msgs/CompressedImage on image_raw/compressed.'),
  jpeg_quality: z.int().min(1).max(100).default(80).describe('JPEG quality (1..100) of the compressed frames.'),
});

/** Image folder source parameters with defaults applied. */
export type ImageFolderSourceParams = z.infer<typeof imageFolderSourceParams>;

/** Per-instance state of an image folder source. */
export interface ImageFolderSourceState {
  /** Absolute paths of the images, in publication order. */
  readonly files: readonly string[];
  readonly imageTopic: Topic<sensor_msgs.Image>;
  readonly compressedTopic: Topic<sensor_msgs.CompressedImage> | undefined;
  /** Index in `files` of the next image to publish. */
  next: number;
  /** True while a frame is being read, decoded and published. */
  busy: boolean;
  active: boolean;
  timer: Timer | undefined;
  readonly frames: { readonly published: Counter; readonly skipped: Counter };
}

/**
 * Publishes the images of a folder, sorted by file name, as `sensor_msgs/Image` rgb8 on the
 * relative topic `image_raw` at `rate_hz` on the node clock (stamps from that clock), like a camera
 * driver replaying a recording. With `compressed`, each frame also goes out as a JPEG
 * `sensor_msgs/CompressedImage` on `image_raw/compressed`. A file that does not decode is logged,
 * counted (`omnimind_image_folder_frames_skipped_total`) and passed over in the same tick, so the
 * stream goes on at its rate. A tick that comes while the previous frame is still being decoded is
 * dropped (counted with reason `late`) rather than queued. A missing or empty folder stops the
 * launch in `validate`.
 *
 * @example
 * ```yaml
 * - node: { pkg: '@omnimind/plugin-vision', plugin: image_folder_source, name: camera, namespace: robot1/camera,
 *           param: [{ name: folder, value: recordings/run1 }, { name: rate_hz, value: 5 }] }
 * ```
 */
export const imageFolderSource = definePlugin({
  name: 'image_folder_source',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Publishes the images of a folder as a camera stream (image_raw, optionally image_raw/compressed).',
  params: imageFolderSourceParams,
  validate(params, node) {
    listImageFiles(resolveImageFolder(params.folder, node.baseDir), node.name);
  },
  configure(ctx): ImageFolderSourceState {
    const params = ctx.params.values;
    const files = listImageFiles(resolveImageFolder(params.folder, ctx.baseDir), ctx.fullyQualifiedName);
    const imageTopic = ctx.bus.topic('image_raw', 'sensor_msgs/msg/Image', { qos: 'sensor_data' });
    imageTopic.advertise();
    let compressedTopic: Topic<sensor_msgs.CompressedImage> | undefined;
    if (params.compressed) {
      compressedTopic = ctx.bus.topic('image_raw/compressed', 'sensor_msgs/msg/CompressedImage', {
        qos: 'sensor_data',
      });
      compressedTopic.advertise();
    }
    return {
      files,
      imageTopic,
      compressedTopic,
      next: 0,
      busy: false,
      active: false,
      timer: undefined,
      frames: {
        published: ctx.metrics.counter({
          name: 'omnimind_image_folder_frames_published_total',
          help: 'Images an image folder source published.',
        }),
        skipped: ctx.metrics.counter({
          name: 'omnimind_image_folder_frames_skipped_total',
          help: 'Images passed over: a file that does not decode (corrupt, unreadable) or a tick during a decode (late).',
          labelNames: ['reason'],
        }),
      },
    };
  },
  activate(ctx, state) {
    state.active = true;
    state.timer = ctx.createTimer(1000 / ctx.params.values.rate_hz, () => publishNext(ctx, state));
  },
  deactivate(_ctx, state) {
    state.active = false;
    state.timer?.cancel();
    state.timer = undefined;
  },
});

async function publishNext(ctx: PluginContext<ImageFolderSourceParams>, state: ImageFolderSourceState): Promise<void> {
  if (state.busy) {
    state.frames.skipped.inc({ reason: 'late' });
    return;
  }
  state.busy = true;
  const stamp = ctx.clock.now();
  try {
    const image = await nextImage(ctx, state);
    if (image === undefined || !state.active) return;
    const header = { stamp, frame_id: ctx.params.values.frame_id };
    state.imageTopic.publish(imageToMessage(image, header));
    state.frames.published.inc();
    if (state.compressedTopic) {
      const compressed = await encodeCompressedImage(image, header, { quality: ctx.params.values.jpeg_quality });
      if (state.active) state.compressedTopic.publish(compressed);
    }
  } finally {
    state.busy = false;
  }
}

/** The next image that decodes, passing over (and counting) those that do not; undefined at the end. */
async function nextImage(
  ctx: PluginContext<ImageFolderSourceParams>,
  state: ImageFolderSourceState,
): Promise<RawImage | undefined> {
  for (let attempt = 0; attempt < state.files.length; attempt++) {
    if (state.next >= state.files.length) {
      if (!ctx.params.values.loop) {
        ctx.logger.info({ images: state.files.length }, 'end of the image folder; not looping');
        state.timer?.cancel();
        return undefined;
      }
      state.next = 0;
    }
    const file = state.files[state.next++]!;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      state.frames.skipped.inc({ reason: 'unreadable' });
      ctx.logger.warn({ err: error, file }, `image '${basename(file)}' cannot be read; skipped`);
      continue;
    }
    try {
      return await decodeImage(bytes);
    } catch (error) {
      // One bad file in a recording should cost that frame, not the stream.
      if (!(error instanceof VisionImageError)) throw error;
      state.frames.skipped.inc({ reason: 'corrupt' });
      ctx.logger.warn({ err: error, file, code: error.code }, `image '${basename(file)}' does not decode; skipped`);
    }
  }
  ctx.logger.warn({ images: state.files.length }, 'no image in the folder decodes; nothing published this tick');
  return undefined;
}
