import { describe, expect, it } from 'vitest';
import { cellValue, formatTable } from './format-table.js';

describe('formatTable', () => {
  it('aligns columns and trims trailing space', () => {
    expect(
      formatTable(
        ['NAME', 'STATE', 'NOTE'],
        [
          ['/demo/heartbeat', 'active', ''],
          ['/m', 'inactive', 'late'],
        ],
      ),
    ).toBe('NAME             STATE     NOTE\n/demo/heartbeat  active\n/m               inactive  late\n');
  });

  it('keeps cells on one line and counts characters, not UTF-16 units', () => {
    expect(
      formatTable(
        ['A', 'B'],
        [
          ['α→β', 'x'],
          ['line\nbreak', 'y'],
        ],
      ),
    ).toBe('A           B\nα→β         x\nline⏎break  y\n');
  });

  it('renders values compactly', () => {
    expect(cellValue('text')).toBe('text');
    expect(cellValue([1, 'a'])).toBe('[1,"a"]');
    expect(cellValue({ x: 1 })).toBe('{"x":1}');
    expect(cellValue(undefined)).toBe('undefined');
  });
});
