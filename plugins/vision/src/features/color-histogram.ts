import { InvalidFeatureArgument } from './feature-errors.js';
import { toHsvPlanes } from './hsv.js';
import { assertRgbImage, type RgbImage } from './rgb-image.js';

/** Options of {@link colorHistogram}. */
export interface ColorHistogramOptions {
  /** `rgb` (default): red, green, blue; `hsv`: hue (0–360°), saturation, value (0–1). */
  readonly space?: 'rgb' | 'hsv';
  /** Bins per channel, 1–256 (default 16). */
  readonly bins?: number;
}

/**
 * Per-channel colour histogram: the three channels' histograms one after the other
 * (`3 × bins` values), each normalised to sum 1, so images of different sizes compare directly.
 *
 * @example
 * const a = colorHistogram(image, { space: 'hsv', bins: 18 });
 * cosineSimilarity(a, colorHistogram(other, { space: 'hsv', bins: 18 }));
 */
export function colorHistogram(image: RgbImage, options: ColorHistogramOptions = {}): Float32Array {
  const space = options.space ?? 'rgb';
  const bins = options.bins ?? 16;
  if (!Number.isInteger(bins) || bins < 1 || bins > 256) {
    throw new InvalidFeatureArgument(`colorHistogram: expected bins to be an integer 1–256, got ${bins}`, { bins });
  }
  if (space !== 'rgb' && space !== 'hsv') {
    throw new InvalidFeatureArgument(`colorHistogram: expected space 'rgb' or 'hsv', got '${String(space)}'`, {
      space,
    });
  }
  assertRgbImage(image, 'colorHistogram');
  const n = image.width * image.height;
  // Counted as integers and divided once, so that the shares are exact to float32 precision.
  const counts = new Uint32Array(3 * bins);
  if (space === 'rgb') {
    const { data } = image;
    const scale = bins / 256;
    for (let i = 0; i < data.length; i += 3) {
      counts[Math.floor(data[i]! * scale)]!++;
      counts[bins + Math.floor(data[i + 1]! * scale)]!++;
      counts[2 * bins + Math.floor(data[i + 2]! * scale)]!++;
    }
  } else {
    const { hue, saturation, value } = toHsvPlanes(image);
    const last = bins - 1;
    for (let p = 0; p < n; p++) {
      counts[Math.min(last, Math.floor((hue[p]! / 360) * bins))]!++;
      counts[bins + Math.min(last, Math.floor(saturation[p]! * bins))]!++;
      counts[2 * bins + Math.min(last, Math.floor(value[p]! * bins))]!++;
    }
  }
  const histogram = new Float32Array(3 * bins);
  for (let i = 0; i < counts.length; i++) histogram[i] = counts[i]! / n;
  return histogram;
}
