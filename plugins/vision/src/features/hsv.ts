import { assertRgbImage, type RgbImage } from './rgb-image.js';

/** Hue, saturation and value planes of an image, each `width × height` long. */
export interface HsvPlanes {
  /** Hue in degrees, 0 ≤ h < 360 (0 for grey pixels, whose hue is undefined). */
  readonly hue: Float32Array;
  /** Saturation, 0–1: (max − min) / max of r, g, b; 0 for black. */
  readonly saturation: Float32Array;
  /** Value, 0–1: max of r, g, b over 255. */
  readonly value: Float32Array;
  /** Pixels per row. */
  readonly width: number;
  /** Rows. */
  readonly height: number;
}

/**
 * Hue (degrees), saturation and value (0–1) of one RGB colour (0–255 channels), the usual hexcone
 * model: scaling r, g and b by the same factor (a darker shade) changes only the value.
 *
 * @example
 * rgbToHsv(220, 40, 40); // [0, 0.818..., 0.862...]
 */
export function rgbToHsv(red: number, green: number, blue: number): [number, number, number] {
  const max = Math.max(red, green, blue);
  const range = max - Math.min(red, green, blue);
  return [hueOf(red, green, blue, max, range), max === 0 ? 0 : range / max, max / 255];
}

function hueOf(red: number, green: number, blue: number, max: number, range: number): number {
  if (range === 0) return 0;
  let hue: number;
  if (max === red) hue = (green - blue) / range;
  else if (max === green) hue = (blue - red) / range + 2;
  else hue = (red - green) / range + 4;
  hue *= 60;
  return hue < 0 ? hue + 360 : hue;
}

/** {@link rgbToHsv} for every pixel of `image`. */
export function toHsvPlanes(image: RgbImage): HsvPlanes {
  assertRgbImage(image, 'toHsvPlanes');
  const { data, width, height } = image;
  const n = width * height;
  const hue = new Float32Array(n);
  const saturation = new Float32Array(n);
  const value = new Float32Array(n);
  for (let p = 0, i = 0; p < n; p++, i += 3) {
    const red = data[i]!;
    const green = data[i + 1]!;
    const blue = data[i + 2]!;
    const max = red > green ? (red > blue ? red : blue) : green > blue ? green : blue;
    const min = red < green ? (red < blue ? red : blue) : green < blue ? green : blue;
    const range = max - min;
    hue[p] = hueOf(red, green, blue, max, range);
    saturation[p] = max === 0 ? 0 : range / max;
    value[p] = max / 255;
  }
  return { hue, saturation, value, width, height };
}
