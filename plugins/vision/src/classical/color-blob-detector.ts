import type { std_msgs, vision_msgs } from '@omnimind/core';
import { toHsvPlanes, type RgbImage } from '../features/index.js';
import { InvalidBlobOptions, UnknownColorName } from './color-blob-errors.js';
import {
  DEFAULT_BLOB_COLORS,
  SIMULATOR_COLOR_RANGES,
  assertHsvRange,
  hsvInRange,
  type HsvRange,
} from './color-ranges.js';
import { connectedComponents, type MaskComponent } from './connected-components.js';

/** A connected region of one colour. */
export interface ColorBlob extends MaskComponent {
  /** The colour name whose range the pixels fall in. */
  readonly color: string;
  /** Fraction (0–1) of the bounding box the blob fills: 1 for an upright rectangle. */
  readonly fill: number;
}

/** Options of {@link detectColorBlobs}. */
export interface ColorBlobOptions {
  /** Colour names to look for (default {@link DEFAULT_BLOB_COLORS}). */
  readonly colors?: readonly string[];
  /** Extra or replacing ranges by name, checked before {@link SIMULATOR_COLOR_RANGES}. */
  readonly ranges?: Readonly<Record<string, HsvRange>>;
  /** Smallest blob kept, in pixels (default 20). */
  readonly minArea?: number;
}

/** Default {@link ColorBlobOptions.minArea}: a 5×4 patch, above what pixel noise makes. */
export const DEFAULT_MIN_BLOB_AREA = 20;

/**
 * Finds blobs of named colours: every pixel converted to HSV, one binary mask per colour from its
 * range, the mask's 8-connected components, those of at least `minArea` pixels kept. Blobs come
 * largest first.
 *
 * @example
 * const blobs = detectColorBlobs(rgbImageFromMessage(frame), { colors: ['red', 'green'], minArea: 30 });
 * blobs[0]?.color; // 'red'
 */
export function detectColorBlobs(image: RgbImage, options: ColorBlobOptions = {}): ColorBlob[] {
  const minArea = options.minArea ?? DEFAULT_MIN_BLOB_AREA;
  if (!Number.isFinite(minArea) || minArea < 0) {
    throw new InvalidBlobOptions(`detectColorBlobs: expected minArea to be a finite number >= 0, got ${minArea}`, {
      minArea,
    });
  }
  const colors = (options.colors ?? DEFAULT_BLOB_COLORS).map((name) => [name, rangeOf(name, options.ranges)] as const);
  const { hue, saturation, value, width, height } = toHsvPlanes(image);
  const mask = new Uint8Array(width * height);
  const blobs: ColorBlob[] = [];
  for (const [color, range] of colors) {
    for (let p = 0; p < mask.length; p++) mask[p] = hsvInRange(hue[p]!, saturation[p]!, value[p]!, range) ? 1 : 0;
    for (const component of connectedComponents(mask, width, height)) {
      if (component.area < minArea) continue;
      const boxArea = (component.maxX - component.minX + 1) * (component.maxY - component.minY + 1);
      blobs.push({ ...component, color, fill: component.area / boxArea });
    }
  }
  return blobs.sort((a, b) => b.area - a.area);
}

function rangeOf(name: string, ranges: Readonly<Record<string, HsvRange>> | undefined): HsvRange {
  const range =
    ranges !== undefined && Object.hasOwn(ranges, name)
      ? ranges[name]
      : Object.hasOwn(SIMULATOR_COLOR_RANGES, name)
        ? SIMULATOR_COLOR_RANGES[name]
        : undefined;
  if (range === undefined) {
    const known = [...new Set([...Object.keys(ranges ?? {}), ...Object.keys(SIMULATOR_COLOR_RANGES)])].sort();
    throw new UnknownColorName(
      `detectColorBlobs: unknown color '${name}'; expected one of ${known.join(', ')} or a range in options.ranges`,
      { name, known },
    );
  }
  assertHsvRange(name, range);
  return range;
}

/**
 * The blobs as a `vision_msgs/Detection2DArray`: per blob an upright box around its pixels
 * (centre and size in pixels, the box covering whole pixels), one hypothesis with `class_id` the
 * colour name and `score` the blob's {@link ColorBlob.fill}, and the blob's centroid (pixels) as
 * the hypothesis pose position. `id` is `<color>_<index>` in blob order.
 *
 * @example
 * bus.publish('detections', blobsToDetections(detectColorBlobs(image), frame.header));
 */
export function blobsToDetections(blobs: readonly ColorBlob[], header: std_msgs.Header): vision_msgs.Detection2DArray {
  return {
    header,
    detections: blobs.map((blob, index) => ({
      header,
      id: `${blob.color}_${index}`,
      bbox: {
        center: {
          position: { x: (blob.minX + blob.maxX + 1) / 2, y: (blob.minY + blob.maxY + 1) / 2 },
          theta: 0,
        },
        size_x: blob.maxX - blob.minX + 1,
        size_y: blob.maxY - blob.minY + 1,
      },
      results: [
        {
          hypothesis: { class_id: blob.color, score: blob.fill },
          pose: {
            pose: {
              position: { x: blob.centroidX + 0.5, y: blob.centroidY + 0.5, z: 0 },
              orientation: { x: 0, y: 0, z: 0, w: 1 },
            },
            covariance: new Float64Array(36),
          },
        },
      ],
    })),
  };
}
