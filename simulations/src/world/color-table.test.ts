import { describe, expect, it } from 'vitest';
import { COLOR_TABLE, canonicalColorName, colorByName, colorNames, nearestColorName } from './color-table.js';

describe('colour table', () => {
  it('has the colours people name objects by', () => {
    for (const name of ['red', 'green', 'blue', 'yellow', 'orange', 'purple', 'white', 'black', 'grey'])
      expect(colorByName(name)).toBeDefined();
  });

  it('accepts any case and the gray spellings', () => {
    expect(colorByName('RED')).toEqual(COLOR_TABLE['red']);
    expect(canonicalColorName('Gray')).toBe('grey');
    expect(canonicalColorName('light_gray')).toBe('light_grey');
    expect(colorNames()).toContain('gray');
  });

  it('knows no other names, not even object properties', () => {
    expect(colorByName('redd')).toBeUndefined();
    expect(colorByName('toString')).toBeUndefined();
    expect(colorByName('__proto__')).toBeUndefined();
  });

  it('names an RGB value by the nearest colour', () => {
    expect(nearestColorName([200, 30, 30])).toBe('red');
    expect(nearestColorName([0, 0, 255])).toBe('blue');
    expect(nearestColorName([250, 250, 250])).toBe('white');
    for (const [name, rgb] of Object.entries(COLOR_TABLE)) expect(nearestColorName(rgb)).toBe(name);
  });

  it('keeps every channel within 0-255', () => {
    for (const rgb of Object.values(COLOR_TABLE))
      for (const channel of rgb) expect(channel >= 0 && channel <= 255 && Number.isInteger(channel)).toBe(true);
  });
});
