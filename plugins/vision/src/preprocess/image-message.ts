import type { sensor_msgs, std_msgs } from '@omnimind/core';
import { ImageEmptyError, ImageEncodingError, ImageLayoutError } from './image-errors.js';
import { assertRawImage, type RawImage } from './raw-image.js';

/** `sensor_msgs/Image` encodings {@link imageFromMessage} reads, with their bytes per pixel. */
const ENCODINGS: Readonly<Record<string, { channels: number; red: number; blue: number }>> = {
  rgb8: { channels: 3, red: 0, blue: 2 },
  bgr8: { channels: 3, red: 2, blue: 0 },
  rgba8: { channels: 4, red: 0, blue: 2 },
  bgra8: { channels: 4, red: 2, blue: 0 },
  mono8: { channels: 1, red: 0, blue: 0 },
  '8UC1': { channels: 1, red: 0, blue: 0 },
  '8UC3': { channels: 3, red: 2, blue: 0 },
};

/** The `sensor_msgs/Image` encodings {@link imageFromMessage} accepts. */
export const SUPPORTED_IMAGE_ENCODINGS: readonly string[] = Object.keys(ENCODINGS);

/**
 * The RGB pixels of a raw `sensor_msgs/Image` (rgb8, bgr8, rgba8, bgra8, mono8; `8UC3` is read as
 * BGR, as OpenCV writes it). Row padding (`step` larger than width × bytes per pixel) is dropped.
 * A tightly packed rgb8 frame is returned without copying: the image shares the message's bytes.
 *
 * @throws ImageEmptyError for width or height 0; ImageEncodingError for another encoding;
 *   ImageLayoutError when `step` or the data length do not fit.
 * @example
 * ```ts
 * bus.observe(cameraTopic).subscribe(({ message }) => {
 *   const frame = imageFromMessage(message); // 160x120 rgb from the simulator
 * });
 * ```
 */
export function imageFromMessage(message: sensor_msgs.Image): RawImage {
  const { width, height, step, encoding, data } = message;
  const layout = ENCODINGS[encoding];
  if (layout === undefined) {
    throw new ImageEncodingError(
      `imageFromMessage: encoding '${encoding}' is not supported; expected one of ${SUPPORTED_IMAGE_ENCODINGS.join(', ')}`,
      { details: { encoding } },
    );
  }
  if (width === 0 || height === 0) {
    throw new ImageEmptyError(`imageFromMessage: image is ${width}x${height}; expected at least 1x1 pixel`, {
      details: { width, height },
    });
  }
  const rowBytes = width * layout.channels;
  if (!Number.isInteger(step) || step < rowBytes) {
    throw new ImageLayoutError(
      `imageFromMessage: step is ${step} bytes; a ${width}-pixel ${encoding} row needs at least ${rowBytes}`,
      { details: { step, width, encoding, rowBytes } },
    );
  }
  // The last row's padding is sometimes left out by publishers; its pixels are what counts.
  const needed = step * (height - 1) + rowBytes;
  if (data.length < needed) {
    throw new ImageLayoutError(
      `imageFromMessage: data has ${data.length} bytes; a ${width}x${height} ${encoding} image with step ${step} needs ${step * height}`,
      { details: { bytes: data.length, needed: step * height, width, height, step, encoding } },
    );
  }
  if (encoding === 'rgb8' && step === rowBytes) {
    return { data: data.subarray(0, rowBytes * height), width, height, format: 'rgb' };
  }
  return { data: repack(data, width, height, step, layout), width, height, format: 'rgb' };
}

function repack(
  src: Uint8Array,
  width: number,
  height: number,
  step: number,
  layout: { channels: number; red: number; blue: number },
): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  const { channels, red, blue } = layout;
  let o = 0;
  for (let row = 0; row < height; row++) {
    let i = row * step;
    if (channels === 1) {
      for (let col = 0; col < width; col++, i++, o += 3) {
        const v = src[i]!;
        out[o] = v;
        out[o + 1] = v;
        out[o + 2] = v;
      }
    } else {
      for (let col = 0; col < width; col++, i += channels, o += 3) {
        out[o] = src[i + red]!;
        out[o + 1] = src[i + 1]!;
        out[o + 2] = src[i + blue]!;
      }
    }
  }
  return out;
}

/**
 * A `sensor_msgs/Image` of `image` (rgb8, bgr8 or mono8, no row padding), sharing its bytes.
 *
 * @example
 * ```ts
 * bus.publish(debugTopic, imageToMessage(letterboxed, { stamp, frame_id: 'camera' }));
 * ```
 */
export function imageToMessage(image: RawImage, header: std_msgs.Header): sensor_msgs.Image {
  assertRawImage(image, 'imageToMessage');
  const encoding = image.format === 'gray' ? 'mono8' : image.format === 'bgr' ? 'bgr8' : 'rgb8';
  const channels = image.format === 'gray' ? 1 : 3;
  return {
    header,
    height: image.height,
    width: image.width,
    encoding,
    is_bigendian: 0,
    step: image.width * channels,
    data: image.data,
  };
}
