import { ImageOptionsError } from './image-errors.js';
import { assertRawImage, channelsOf, type RawImage } from './raw-image.js';

/** Memory order of a batched image tensor: planes per channel (`nchw`) or channels per pixel (`nhwc`). */
export type TensorLayout = 'nchw' | 'nhwc';

/** How {@link imageToTensor} turns bytes into numbers, and where it writes them. */
export interface TensorOptions {
  /** Memory order; default `nchw` (ONNX vision models). */
  readonly layout?: TensorLayout;
  /** Multiplies each byte first; default 1/255 (values in 0..1). Use 1 to keep 0..255. */
  readonly scale?: number;
  /** Per-channel mean subtracted after scaling, in tensor channel order; default all 0. */
  readonly mean?: readonly number[];
  /** Per-channel divisor applied after the mean, in tensor channel order; default all 1. */
  readonly std?: readonly number[];
  /** Channel order of the tensor for a colour image; default `rgb`. A BGR image is reordered as needed. */
  readonly channelOrder?: 'rgb' | 'bgr';
  /** Writes into this array instead of a new one (to fill one image of a batch). */
  readonly out?: Float32Array;
  /** Element index in `out` where this image starts; default 0. For image `i` of a batch: `i * tensorSize(image)`. */
  readonly offset?: number;
}

/** Number of float elements one image takes in a tensor: width × height × channels. */
export function tensorSize(image: Pick<RawImage, 'width' | 'height' | 'format'>): number {
  return image.width * image.height * channelsOf(image.format);
}

/**
 * Tensor dimensions of a batch of `batch` images like `image`: `[N, C, H, W]` or `[N, H, W, C]`.
 *
 * @example
 * ```ts
 * new ort.Tensor('float32', imageToTensor(input), tensorDims(input, 'nchw'));
 * ```
 */
export function tensorDims(
  image: Pick<RawImage, 'width' | 'height' | 'format'>,
  layout: TensorLayout = 'nchw',
  batch = 1,
): [number, number, number, number] {
  const c = channelsOf(image.format);
  return layout === 'nchw' ? [batch, c, image.height, image.width] : [batch, image.height, image.width, c];
}

/**
 * Converts `image` to float32 in one pass over its pixels: value = (byte × scale − mean[c]) / std[c].
 * Returns `options.out` when given (written from `options.offset`), else a new array of
 * {@link tensorSize} elements.
 *
 * @throws ImageOptionsError for a mean/std of the wrong length, a zero or non-finite std or scale,
 *   or an `out` too small for `offset` plus the image.
 * @example
 * ```ts
 * // ImageNet normalisation, two frames in one NCHW batch:
 * const size = tensorSize(a);
 * const batch = new Float32Array(2 * size);
 * const imagenet = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], out: batch };
 * imageToTensor(a, { ...imagenet, offset: 0 });
 * imageToTensor(b, { ...imagenet, offset: size });
 * ```
 */
export function imageToTensor(image: RawImage, options: TensorOptions = {}): Float32Array {
  assertRawImage(image, 'imageToTensor');
  const channels = channelsOf(image.format);
  const pixels = image.width * image.height;
  const size = pixels * channels;
  const offset = options.offset ?? 0;
  const out = options.out ?? new Float32Array(size);
  if (!Number.isInteger(offset) || offset < 0 || offset + size > out.length) {
    throw new ImageOptionsError(
      `imageToTensor: offset ${offset} + ${size} elements (${tensorDims(image).slice(1).join('x')}) does not fit ` +
        `an output of ${out.length}; expected a whole offset >= 0 with offset + ${size} <= output length`,
      { details: { offset, size, outLength: out.length } },
    );
  }
  const lut = lookupTable(channels, options);
  // Source byte index (within a pixel) of each tensor channel.
  const swap = channels === 3 && (options.channelOrder ?? 'rgb') !== image.format;
  const s0 = swap ? 2 : 0;
  const s2 = swap ? 0 : 2;
  const src = image.data;
  if (channels === 1) {
    for (let i = 0; i < pixels; i++) out[offset + i] = lut[src[i]!]!;
  } else if ((options.layout ?? 'nchw') === 'nchw') {
    const p1 = offset + pixels;
    const p2 = offset + 2 * pixels;
    for (let i = 0, s = 0; i < pixels; i++, s += 3) {
      out[offset + i] = lut[src[s + s0]!]!;
      out[p1 + i] = lut[256 + src[s + 1]!]!;
      out[p2 + i] = lut[512 + src[s + s2]!]!;
    }
  } else {
    for (let s = 0, o = offset; s < size; s += 3, o += 3) {
      out[o] = lut[src[s + s0]!]!;
      out[o + 1] = lut[256 + src[s + 1]!]!;
      out[o + 2] = lut[512 + src[s + s2]!]!;
    }
  }
  return out;
}

/** The float of every byte value for every channel (256 per channel): the pixel loop only looks up. */
function lookupTable(channels: number, options: TensorOptions): Float32Array {
  const scale = options.scale ?? 1 / 255;
  const mean = options.mean ?? new Array<number>(channels).fill(0);
  const std = options.std ?? new Array<number>(channels).fill(1);
  if (!Number.isFinite(scale) || scale === 0) {
    throw new ImageOptionsError(`imageToTensor: scale is ${scale}; expected a finite non-zero number such as 1/255`, {
      details: { scale },
    });
  }
  if (mean.length !== channels || std.length !== channels) {
    throw new ImageOptionsError(
      `imageToTensor: mean has ${mean.length} and std ${std.length} values; the image has ${channels} channel(s), expected one value per channel`,
      { details: { mean, std, channels } },
    );
  }
  if (mean.some((m) => !Number.isFinite(m)) || std.some((d) => !Number.isFinite(d) || d === 0)) {
    throw new ImageOptionsError(
      `imageToTensor: mean [${mean.join(', ')}] / std [${std.join(', ')}]; expected finite numbers and no zero std`,
      { details: { mean, std } },
    );
  }
  const lut = new Float32Array(256 * channels);
  for (let c = 0; c < channels; c++) {
    for (let v = 0; v < 256; v++) lut[c * 256 + v] = (v * scale - mean[c]!) / std[c]!;
  }
  return lut;
}
