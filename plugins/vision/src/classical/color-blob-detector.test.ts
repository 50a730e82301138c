import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { imageFrom, renderSvg } from '../features/testing/render-svg.js';
import { blobsToDetections, detectColorBlobs } from './color-blob-detector.js';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="120">
  <rect width="160" height="120" fill="rgb(128,128,128)"/>
  <rect x="10" y="20" width="30" height="40" fill="rgb(220,40,40)"/>
  <circle cx="110" cy="60" r="20" fill="rgb(24,102,36)"/>
  <rect x="60" y="90" width="3" height="3" fill="rgb(240,210,40)"/>
</svg>`;

describe('detectColorBlobs', () => {
  it('finds a red box and a dimmed green disc on grey, with boxes and centroids, largest first, dropping specks', async () => {
    const blobs = detectColorBlobs(await renderSvg(svg));
    expect(blobs.map((b) => b.color)).toEqual(['green', 'red']);
    const [green, red] = blobs;
    expect(red).toMatchObject({ area: 1200, minX: 10, maxX: 39, minY: 20, maxY: 59, fill: 1 });
    expect(red!.centroidX).toBeCloseTo(24.5, 6);
    expect(green!.area).toBeGreaterThan(Math.PI * 19 * 19);
    expect(green!.centroidX).toBeCloseTo(109.5, 0);
    expect(green!.fill).toBeCloseTo(Math.PI / 4, 1);
    // The 3×3 yellow speck is under the default minimum area; asked for with a lower one, it is found.
    expect(detectColorBlobs(await renderSvg(svg), { colors: ['yellow'], minArea: 9 })).toHaveLength(1);
  });

  it('builds a Detection2DArray with class_id the colour and the box around whole pixels', async () => {
    const header = { stamp: { sec: 3, nanosec: 5 }, frame_id: 'camera_link' };
    const { detections, header: h } = blobsToDetections(
      detectColorBlobs(await renderSvg(svg), { colors: ['red'] }),
      header,
    );
    expect(h).toBe(header);
    expect(detections).toHaveLength(1);
    const [red] = detections;
    expect(red!.id).toBe('red_0');
    expect(red!.results[0]!.hypothesis).toEqual({ class_id: 'red', score: 1 });
    expect(red!.bbox).toEqual({ center: { position: { x: 25, y: 40 }, theta: 0 }, size_x: 30, size_y: 40 });
    expect(red!.results[0]!.pose.pose.position).toEqual({ x: 25, y: 40, z: 0 });
  });

  it('accepts custom ranges by name', () => {
    const image = imageFrom(20, 10, (x) => (x < 10 ? [200, 200, 200] : [0, 0, 0]));
    const blobs = detectColorBlobs(image, {
      colors: ['bright'],
      ranges: { bright: { hueMin: 0, hueMax: 360, saturationMin: 0, saturationMax: 0.1, valueMin: 0.7, valueMax: 1 } },
    });
    expect(blobs).toEqual([expect.objectContaining({ color: 'bright', area: 100, minX: 0, maxX: 9 })]);
  });

  it('refuses an unknown colour, listing the known ones, and a negative minimum area', () => {
    const image = imageFrom(4, 4, () => [0, 0, 0]);
    try {
      detectColorBlobs(image, { colors: ['reed'] });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_VISION_UNKNOWN_COLOR')).toBe(true);
      expect((error as Error).message).toMatch(/unknown color 'reed'; expected one of .*red/);
    }
    try {
      detectColorBlobs(image, { minArea: -1 });
      expect.unreachable();
    } catch (error) {
      expect(hasErrorCode(error, 'OMNI_ERR_VISION_BLOB_OPTIONS')).toBe(true);
    }
  });
});
