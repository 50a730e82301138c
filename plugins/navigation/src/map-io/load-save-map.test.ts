import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { UserInputError, type nav_msgs } from '@omnimind/core';
import { PNG } from 'pngjs';
import { loadMap } from './load-map.js';
import { encodePgm } from './pgm.js';
import { saveMap } from './save-map.js';

const dir = mkdtempSync(join(tmpdir(), 'omnimind-map-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, content);
  return path;
};

const errorOf = (fn: () => unknown): UserInputError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected an error');
};

describe('loadMap', () => {
  it('loads a YAML + PGM map into an OccupancyGrid', () => {
    const pgm = file('room.pgm', encodePgm(3, 2, Uint8Array.from([0, 254, 205, 254, 254, 0])));
    const yaml = file(
      'room.yaml',
      `image: ${pgm.split('/').pop()}\nresolution: 0.05\norigin: [-1.0, 2.5, 0.0]\nnegate: 0\noccupied_thresh: 0.65\nfree_thresh: 0.196\n`,
    );
    const { grid, metadata } = loadMap(yaml, { stamp: { sec: 5, nanosec: 0 } });
    expect(grid.info).toMatchObject({ width: 3, height: 2, resolution: 0.05, map_load_time: { sec: 5, nanosec: 0 } });
    expect(grid.info.origin.position).toEqual({ x: -1, y: 2.5, z: 0 });
    expect(grid.header.frame_id).toBe('map');
    // Bottom image row first.
    expect(Array.from(grid.data)).toEqual([0, 0, 100, 100, 0, -1]);
    expect(metadata.mode).toBe('trinary');
  });

  it('loads PNG images (grey, colour averaged, alpha as unknown in scale mode)', () => {
    const png = new PNG({ width: 2, height: 1 });
    png.data.set([255, 255, 255, 255, 0, 30, 0, 0]); // white opaque; dark green fully transparent
    const path = file('colour.png', PNG.sync.write(png));
    const yaml = file('colour.yaml', `image: ${path}\nresolution: 0.1\norigin: [0, 0, 1.5707963]\nmode: scale\n`);
    const { grid } = loadMap(yaml);
    expect(Array.from(grid.data)).toEqual([0, -1]);
    expect(grid.info.origin.orientation.z).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('points at the YAML line and column of a bad field, with a did-you-mean for typos', () => {
    const yaml = file('bad.yaml', 'image: x.pgm\nresolution: -0.05\norigin: [0, 0, 0]\noccupied_tresh: 0.6\n');
    const error = errorOf(() => loadMap(yaml));
    expect(error.code).toBe('OMNI_ERR_MAP_YAML_INVALID');
    expect(error.message).toContain(`${yaml}:2:13: `);
    expect(error.message).toContain(`${yaml}:4:1: unknown key 'occupied_tresh'; did you mean 'occupied_thresh'?`);
    const order = file('order.yaml', 'image: x.pgm\nresolution: 1\norigin: [0, 0, 0]\nfree_thresh: 0.9\n');
    expect(errorOf(() => loadMap(order)).message).toBe(
      `${order}:4:14: free_thresh: free_thresh must be below occupied_thresh`,
    );
    const missing = file('missing.yaml', 'image: x.pgm\nresolution: 1\n');
    expect(errorOf(() => loadMap(missing)).message).toContain('origin: required');
  });

  it('reports unreadable and malformed YAML', () => {
    expect(errorOf(() => loadMap(join(dir, 'nope.yaml'))).code).toBe('OMNI_ERR_MAP_YAML_NOT_FOUND');
    const broken = file('broken.yaml', 'image: [x.pgm\n');
    expect(errorOf(() => loadMap(broken)).code).toBe('OMNI_ERR_MAP_YAML_SYNTAX');
  });

  it('blames the image: line for a missing or unsupported image, and the image for a bad one', () => {
    const missing = file('noimage.yaml', 'resolution: 1\norigin: [0, 0, 0]\nimage: ghost.pgm\n');
    const notFound = errorOf(() => loadMap(missing));
    expect(notFound.code).toBe('OMNI_ERR_MAP_IMAGE_NOT_FOUND');
    expect(notFound.location).toEqual({ file: missing, line: 3, col: 8 });
    const jpeg = file('jpeg.yaml', 'image: photo.jpg\nresolution: 1\norigin: [0, 0, 0]\n');
    expect(errorOf(() => loadMap(jpeg))).toMatchObject({
      code: 'OMNI_ERR_MAP_IMAGE_UNSUPPORTED',
      location: { line: 1, col: 8 },
    });
    const badPgm = file('bad.pgm', 'P5\n2 2\n255\n\x01');
    const badYaml = file('badpgm.yaml', `image: ${badPgm}\nresolution: 1\norigin: [0, 0, 0]\n`);
    expect(errorOf(() => loadMap(badYaml))).toMatchObject({ code: 'OMNI_ERR_MAP_IMAGE_INVALID' });
    const badPng = file('bad.png', 'not a png');
    const badPngYaml = file('badpng.yaml', `image: ${badPng}\nresolution: 1\norigin: [0, 0, 0]\n`);
    expect(errorOf(() => loadMap(badPngYaml)).message).toContain('not a readable PNG image');
  });
});

describe('saveMap', () => {
  const grid = (width: number, height: number, values: number[], yaw = 0): nav_msgs.OccupancyGrid => ({
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'map' },
    info: {
      map_load_time: { sec: 0, nanosec: 0 },
      resolution: 0.05,
      width,
      height,
      origin: {
        position: { x: -3.25, y: 1.5, z: 0 },
        orientation: { x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) },
      },
    },
    data: Int8Array.from(values),
  });

  it('writes a map_server YAML and a P5 PGM', () => {
    const base = join(dir, 'saved', 'office');
    const files = saveMap(grid(2, 1, [0, 100]), base);
    expect(files).toEqual({ yamlFile: `${base}.yaml`, imageFile: `${base}.pgm` });
    expect(readFileSync(files.yamlFile, 'utf8')).toBe(
      'image: "office.pgm"\nmode: trinary\nresolution: 0.05\norigin: [-3.25, 1.5, 0]\nnegate: 0\noccupied_thresh: 0.65\nfree_thresh: 0.196\n',
    );
    expect(readFileSync(files.imageFile).subarray(0, 2).toString()).toBe('P5');
  });

  it('classifies in-between values when saving trinary', () => {
    const base = join(dir, 'between');
    saveMap(grid(5, 1, [-1, 25, 26, 64, 65]), base);
    expect(Array.from(loadMap(`${base}.yaml`).grid.data)).toEqual([-1, 0, -1, -1, 100]);
  });

  it('round-trips trinary maps through PGM and PNG, and raw maps exactly (property)', () => {
    let k = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: -1, max: 100 }), { minLength: 144, maxLength: 144 }),
        fc.constantFrom('pgm' as const, 'png' as const),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (w, h, values, imageFormat, yaw) => {
          const raw = grid(w, h, values.slice(0, w * h), yaw);
          const rawBase = join(dir, `rt-raw-${k++}`);
          saveMap(raw, rawBase, { mode: 'raw', imageFormat });
          const back = loadMap(`${rawBase}.yaml`).grid;
          expect(Array.from(back.data)).toEqual(Array.from(raw.data));
          expect(back.info.origin.position).toEqual(raw.info.origin.position);
          expect(back.info.resolution).toBe(0.05);
          expect(back.info.origin.orientation.z).toBeCloseTo(raw.info.origin.orientation.z, 9);
          expect(back.info.origin.orientation.w).toBeCloseTo(raw.info.origin.orientation.w, 9);

          const trinary = grid(
            w,
            h,
            values.slice(0, w * h).map((v) => (v < 0 ? -1 : v < 50 ? 0 : 100)),
          );
          const triBase = join(dir, `rt-tri-${k++}`);
          saveMap(trinary, triBase, { imageFormat });
          expect(Array.from(loadMap(`${triBase}.yaml`).grid.data)).toEqual(Array.from(trinary.data));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('raises OMNI_ERR_MAP_SAVE_FAILED when it cannot write', () => {
    const blocker = file('blocker', 'a file, not a folder');
    expect(() => saveMap(grid(1, 1, [0]), join(blocker, 'map'))).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_MAP_SAVE_FAILED' }),
    );
  });
});
