import { InvalidBlobOptions } from './color-blob-errors.js';

/**
 * A colour as a box in HSV space. Hue runs from `hueMin` to `hueMax` in degrees and wraps through
 * 0 when `hueMin > hueMax` (red: 345 to 12); saturation and value are 0–1, bounds included.
 */
export interface HsvRange {
  readonly hueMin: number;
  readonly hueMax: number;
  readonly saturationMin: number;
  readonly saturationMax: number;
  readonly valueMin: number;
  readonly valueMax: number;
}

/**
 * HSV ranges of the simulator's chromatic colour names (its world colour table). The simulator's
 * camera darkens a surface uniformly with distance, down to 40 % at its far limit, which keeps hue
 * and saturation and lowers value: so the ranges are tight in hue and saturation and wide in
 * value. Achromatic names (white, black, the greys) are left out: under that dimming a far white
 * wall is a near grey one, and no range can tell them apart.
 */
export const SIMULATOR_COLOR_RANGES: Readonly<Record<string, HsvRange>> = Object.freeze({
  red: range(345, 12, 0.6, 1, 0.15, 1),
  orange: range(22, 40, 0.76, 1, 0.3, 1),
  yellow: range(44, 62, 0.6, 1, 0.3, 1),
  green: range(95, 160, 0.5, 1, 0.15, 1),
  cyan: range(175, 200, 0.6, 1, 0.2, 1),
  blue: range(212, 250, 0.6, 1, 0.15, 1),
  purple: range(265, 292, 0.45, 1, 0.15, 1),
  magenta: range(295, 318, 0.6, 1, 0.2, 1),
  pink: range(320, 344, 0.3, 0.65, 0.35, 1),
  brown: range(15, 36, 0.45, 0.74, 0.12, 0.56),
  wood: range(20, 38, 0.45, 0.74, 0.25, 0.72),
  beige: range(35, 52, 0.12, 0.34, 0.55, 1),
  sky: range(195, 215, 0.25, 0.5, 0.55, 1),
});

/**
 * The colours {@link detectColorBlobs} looks for by default: every simulator colour whose range
 * overlaps no other's. Left out: `wood` (the hue and saturation of `brown`, so the two cannot be
 * told apart once dimmed), `beige` (barely saturated) and `sky` (the camera's background).
 */
export const DEFAULT_BLOB_COLORS: readonly string[] = Object.freeze([
  'red',
  'orange',
  'yellow',
  'green',
  'cyan',
  'blue',
  'purple',
  'magenta',
  'pink',
  'brown',
]);

function range(
  hueMin: number,
  hueMax: number,
  saturationMin: number,
  saturationMax: number,
  valueMin: number,
  valueMax: number,
): HsvRange {
  return Object.freeze({ hueMin, hueMax, saturationMin, saturationMax, valueMin, valueMax });
}

/** True when the HSV colour (hue in degrees, saturation and value 0–1) lies in `range`. */
export function hsvInRange(hue: number, saturation: number, value: number, range: HsvRange): boolean {
  const hueInside =
    range.hueMin <= range.hueMax
      ? hue >= range.hueMin && hue <= range.hueMax
      : hue >= range.hueMin || hue <= range.hueMax;
  return (
    hueInside &&
    saturation >= range.saturationMin &&
    saturation <= range.saturationMax &&
    value >= range.valueMin &&
    value <= range.valueMax
  );
}

/** Throws {@link InvalidBlobOptions} unless `range` has hues in 0–360 and saturation/value bounds in 0–1, min ≤ max. */
export function assertHsvRange(name: string, range: HsvRange): void {
  const problems: string[] = [];
  for (const key of ['hueMin', 'hueMax'] as const) {
    if (!(range?.[key] >= 0 && range[key] <= 360)) problems.push(`${key} must be 0–360, got ${range?.[key]}`);
  }
  for (const channel of ['saturation', 'value'] as const) {
    const min = range?.[`${channel}Min`];
    const max = range?.[`${channel}Max`];
    if (!(min >= 0 && max <= 1 && min <= max))
      problems.push(`${channel} must satisfy 0 ≤ min ≤ max ≤ 1, got ${min}–${max}`);
  }
  if (problems.length > 0) {
    throw new InvalidBlobOptions(`color range '${name}': ${problems.join('; ')}`, { name, range, problems });
  }
}
