import { describe, expect, it } from 'vitest';
import { COLOR_TABLE } from '@omnimind/simulator';
import { hasErrorCode } from '@omnimind/core';
import { rgbToHsv } from '../features/index.js';
import { DEFAULT_BLOB_COLORS, SIMULATOR_COLOR_RANGES, assertHsvRange, hsvInRange } from './color-ranges.js';

const ACHROMATIC = ['white', 'black', 'grey', 'light_grey', 'dark_grey'];

describe('simulator colour ranges', () => {
  it('has a range for every chromatic colour name of the simulator', () => {
    const chromatic = Object.keys(COLOR_TABLE).filter((name) => !ACHROMATIC.includes(name));
    expect(Object.keys(SIMULATOR_COLOR_RANGES).sort()).toEqual(chromatic.sort());
  });

  it('matches each default colour, dimmed as the camera dims it (to 40 %), in its own range and no other default', () => {
    for (const name of DEFAULT_BLOB_COLORS) {
      const rgb = COLOR_TABLE[name]!;
      for (const shade of [1, 0.8, 0.6, 0.4]) {
        for (const noise of [-2, 0, 2]) {
          const pixel = rgb.map((c) => Math.round(c * shade) + noise) as [number, number, number];
          const hsv = rgbToHsv(...pixel);
          const matches = DEFAULT_BLOB_COLORS.filter((other) => hsvInRange(...hsv, SIMULATOR_COLOR_RANGES[other]!));
          expect(matches, `${name} at ${shade} ${noise}`).toEqual([name]);
        }
      }
    }
  });

  it('matches no default colour for the greys, the default floor and sky, at any shade', () => {
    for (const name of [...ACHROMATIC, 'sky', 'beige']) {
      for (const shade of [1, 0.7, 0.4]) {
        const hsv = rgbToHsv(...(COLOR_TABLE[name]!.map((c) => Math.round(c * shade)) as [number, number, number]));
        const matches = DEFAULT_BLOB_COLORS.filter((other) => hsvInRange(...hsv, SIMULATOR_COLOR_RANGES[other]!));
        expect(matches, name).toEqual([]);
      }
    }
  });

  it('wraps hue through 0 when hueMin > hueMax', () => {
    const red = SIMULATOR_COLOR_RANGES.red!;
    expect(hsvInRange(350, 0.8, 0.8, red)).toBe(true);
    expect(hsvInRange(5, 0.8, 0.8, red)).toBe(true);
    expect(hsvInRange(180, 0.8, 0.8, red)).toBe(false);
  });

  it('refuses a range with bounds out of order or out of 0–1', () => {
    try {
      assertHsvRange('mine', {
        hueMin: 0,
        hueMax: 400,
        saturationMin: 0.5,
        saturationMax: 0.2,
        valueMin: 0,
        valueMax: 1,
      });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_VISION_BLOB_OPTIONS')).toBe(true);
      expect((error as Error).message).toMatch(/'mine'.*hueMax must be 0–360.*saturation/);
    }
  });
});
