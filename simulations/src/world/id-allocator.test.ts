import { describe, expect, it } from 'vitest';
import { IdAllocator } from './id-allocator.js';

describe('id allocator', () => {
  it('numbers ids per base from 1', () => {
    const ids = new IdAllocator([]);
    expect([ids.next('wall'), ids.next('desk'), ids.next('wall')]).toEqual(['wall_1', 'desk_1', 'wall_2']);
  });

  it('skips ids the file already uses', () => {
    const ids = new IdAllocator(['wall_1', 'wall_3']);
    expect([ids.next('wall'), ids.next('wall')]).toEqual(['wall_2', 'wall_4']);
  });

  it('makes labels id-safe', () => {
    const ids = new IdAllocator([]);
    expect(ids.next('Big Shelf!')).toBe('big_shelf_1');
    expect(ids.next('3d printer')).toBe('item_3d_printer_1');
    expect(ids.next('***')).toBe('item_1');
  });
});
