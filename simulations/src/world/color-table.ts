import type { Rgb } from '@omnimind/robots';

/**
 * Colour names a world file may use instead of `[r, g, b]`, with their RGB values (0–255).
 * `gray` and `dark_gray`/`light_gray` are accepted spellings of the `grey` names.
 */
export const COLOR_TABLE: Readonly<Record<string, Rgb>> = Object.freeze({
  red: [220, 40, 40],
  green: [40, 170, 60],
  blue: [40, 80, 220],
  yellow: [240, 210, 40],
  orange: [245, 140, 30],
  purple: [130, 60, 170],
  pink: [240, 130, 180],
  brown: [130, 85, 50],
  cyan: [40, 200, 220],
  magenta: [210, 50, 200],
  white: [245, 245, 245],
  black: [20, 20, 20],
  grey: [128, 128, 128],
  light_grey: [200, 200, 200],
  dark_grey: [70, 70, 70],
  beige: [225, 210, 175],
  wood: [170, 120, 70],
  sky: [150, 200, 240],
});

/** Other spellings, and the name in {@link COLOR_TABLE} each stands for. */
const ALIASES: Readonly<Record<string, string>> = { gray: 'grey', light_gray: 'light_grey', dark_gray: 'dark_grey' };

/** Every colour name a world file may use (table names and aliases), sorted. */
export function colorNames(): readonly string[] {
  return [...Object.keys(COLOR_TABLE), ...Object.keys(ALIASES)].sort();
}

/** The canonical table name for `name` (case-insensitive; aliases resolved), or `undefined` when unknown. */
export function canonicalColorName(name: string): string | undefined {
  const lower = name.toLowerCase();
  const canonical = ALIASES[lower] ?? lower;
  return Object.hasOwn(COLOR_TABLE, canonical) ? canonical : undefined;
}

/** The RGB value of a colour name (case-insensitive), or `undefined` when the name is unknown. */
export function colorByName(name: string): Rgb | undefined {
  const canonical = canonicalColorName(name);
  return canonical === undefined ? undefined : COLOR_TABLE[canonical];
}

/**
 * The table name whose colour is nearest to `rgb` (Euclidean distance in RGB), so that an object
 * given as `[200, 30, 30]` is still "the red box" to a person.
 *
 * @example
 * nearestColorName([200, 30, 30]); // 'red'
 */
export function nearestColorName(rgb: Rgb): string {
  let bestName = 'grey';
  let bestDistance = Infinity;
  for (const [name, value] of Object.entries(COLOR_TABLE)) {
    const distance = Math.hypot(rgb[0] - value[0], rgb[1] - value[1], rgb[2] - value[2]);
    if (distance < bestDistance) {
      bestName = name;
      bestDistance = distance;
    }
  }
  return bestName;
}
