import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { definePlugin, type Counter, type PluginContext, type Topic, type sensor_msgs } from '@omnimind/core';
import { VisionImageError, decodeImage, imageToMessage, type RawImage } from '../preprocess/index.js';
import { VISION_SOURCE_CODES, VisionSourceError } from './source-errors.js';

/** Parameters of the `single_image` plugin. */
export const singleImageParams = z.object({
  file: z.string().min(1).describe("A PNG, JPEG or WebP image, relative to the launch file's folder."),
  frame_id: z.string().min(1).default('camera').describe('Frame id of the published image.'),
  publish_on_start: z
    .boolean()
    .default(false)
    .describe('Publish the image once when the node activates (image_raw is latched, so late subscribers get it).'),
});

/** Single image parameters with defaults applied. */
export type SingleImageParams = z.infer<typeof singleImageParams>;

/** Per-instance state of a single image source. */
export interface SingleImageState {
  /** The decoded image, published as is on every capture. */
  readonly image: RawImage;
  readonly imageTopic: Topic<sensor_msgs.Image>;
  readonly published: Counter;
}

/**
 * Loads one image file and publishes it as `sensor_msgs/Image` rgb8 on the relative, latched topic
 * `image_raw` each time the relative service `capture` (`std_srvs/srv/Trigger`) is called, stamped
 * by the node clock at the call; with `publish_on_start` also once at activation. Handy as a stand-in
 * camera for a perception pipeline. A file that is missing or does not decode stops the launch in
 * `validate` with `OMNI_ERR_VISION_IMAGE_FILE_INVALID`.
 *
 * @example
 * ```yaml
 * - node: { pkg: '@omnimind/plugin-vision', plugin: single_image, name: camera, namespace: robot1/camera,
 *           param: [{ name: file, value: images/shelf.png }, { name: publish_on_start, value: true }] }
 * ```
 * then `omnimind service call /robot1/camera/capture std_srvs/srv/Trigger '{}'`.
 */
export const singleImage = definePlugin({
  name: 'single_image',
  version: '0.1.0',
  coreRange: '^0.1.0',
  description: 'Publishes one image file on image_raw on request (capture service) or at start.',
  params: singleImageParams,
  async validate(params, node) {
    await loadImageFile(params.file, node);
  },
  async configure(ctx): Promise<SingleImageState> {
    const params = ctx.params.values;
    const image = await loadImageFile(params.file, { name: ctx.fullyQualifiedName, baseDir: ctx.baseDir });
    const imageTopic = ctx.bus.topic('image_raw', 'sensor_msgs/msg/Image', { qos: 'latched' });
    imageTopic.advertise();
    return {
      image,
      imageTopic,
      published: ctx.metrics.counter({
        name: 'omnimind_single_image_published_total',
        help: 'Times a single image source published its image.',
      }),
    };
  },
  activate(ctx, state) {
    const server = ctx.bus.serviceServer('capture', 'std_srvs/srv/Trigger', () => {
      publishImage(ctx, state);
      return { success: true, message: `published ${state.image.width}x${state.image.height} image` };
    });
    ctx.signal.addEventListener('abort', () => server.close(), { once: true });
    if (ctx.params.values.publish_on_start) publishImage(ctx, state);
  },
});

function publishImage(ctx: PluginContext<SingleImageParams>, state: SingleImageState): void {
  state.imageTopic.publish(
    imageToMessage(state.image, { stamp: ctx.clock.now(), frame_id: ctx.params.values.frame_id }),
  );
  state.published.inc();
}

/**
 * Reads and decodes the image of a `file` parameter.
 *
 * @throws VisionSourceError `OMNI_ERR_VISION_IMAGE_FILE_INVALID` when it cannot be read or decoded.
 */
async function loadImageFile(
  file: string,
  node: { readonly name: string; readonly baseDir: string },
): Promise<RawImage> {
  const path = isAbsolute(file) ? file : resolve(node.baseDir, file);
  const invalid = (why: string, cause: unknown): VisionSourceError =>
    new VisionSourceError(
      VISION_SOURCE_CODES.IMAGE_FILE_INVALID,
      `node '${node.name}': parameter 'file' is '${path}', which ${why}; expected a PNG, JPEG or WebP image (a relative path is read from the launch file's folder)`,
      { cause, details: { file: path } },
    );
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw invalid('cannot be read', error);
  }
  try {
    return await decodeImage(bytes);
  } catch (error) {
    if (!(error instanceof VisionImageError)) throw error;
    throw invalid(`does not decode (${error.message})`, error);
  }
}
