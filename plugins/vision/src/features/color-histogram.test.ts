import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '@omnimind/core';
import { colorHistogram } from './color-histogram.js';
import { rgbToHsv, toHsvPlanes } from './hsv.js';
import { cosineSimilarity } from './similarity.js';
import { imageFrom, renderSvg } from './testing/render-svg.js';

describe('colorHistogram', () => {
  it('counts a half-red half-blue image in the right rgb bins, each channel summing to 1', () => {
    const image = imageFrom(10, 10, (x) => (x < 5 ? [255, 0, 0] : [0, 0, 255]));
    const h = colorHistogram(image, { bins: 4 });
    expect(Array.from(h)).toEqual([0.5, 0, 0, 0.5, 1, 0, 0, 0, 0.5, 0, 0, 0.5].map((v) => expect.closeTo(v, 6)));
  });

  it('in hsv puts hue by angle: red in the first bin, blue at 240°', () => {
    const image = imageFrom(4, 4, (x) => (x < 2 ? [220, 40, 40] : [0, 0, 255]));
    const h = colorHistogram(image, { space: 'hsv', bins: 12 });
    expect(h[0]).toBeCloseTo(0.5, 6);
    expect(h[8]).toBeCloseTo(0.5, 6);
    expect(h[12 + 9]! + h[12 + 11]!).toBeCloseTo(1, 6);
  });

  it('finds a darker copy closer in hue-saturation than a different picture', async () => {
    const scene = await renderSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect width="60" height="40" fill="#c03030"/><circle cx="40" cy="20" r="12" fill="#30a040"/></svg>',
    );
    const darker = { ...scene, data: scene.data.map((v) => Math.round(v * 0.7)) };
    const other = await renderSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect width="60" height="40" fill="#2050c0"/></svg>',
    );
    const hueSat = (h: Float32Array) => h.subarray(0, 36);
    const a = colorHistogram(scene, { space: 'hsv', bins: 18 });
    expect(cosineSimilarity(hueSat(a), hueSat(colorHistogram(darker, { space: 'hsv', bins: 18 })))).toBeGreaterThan(
      0.95,
    );
    expect(cosineSimilarity(hueSat(a), hueSat(colorHistogram(other, { space: 'hsv', bins: 18 })))).toBeLessThan(0.6);
  });

  it('converts colours to hsv the usual way, per pixel and for planes', () => {
    const [h, s, v] = rgbToHsv(220, 40, 40);
    expect([h, s, v]).toEqual([0, expect.closeTo(180 / 220, 6), expect.closeTo(220 / 255, 6)]);
    expect(rgbToHsv(40, 80, 220)[0]).toBeCloseTo(240 - (60 * 40) / 180, 6);
    expect(rgbToHsv(240, 130, 180)[0]).toBeCloseTo(360 - (60 * 50) / 110, 6);
    expect(rgbToHsv(0, 0, 0)).toEqual([0, 0, 0]);
    const planes = toHsvPlanes(imageFrom(1, 1, () => [40, 170, 60]));
    expect(planes.hue[0]).toBeCloseTo(rgbToHsv(40, 170, 60)[0], 4);
  });

  it('refuses a bin count outside 1–256', () => {
    const image = imageFrom(2, 2, () => [0, 0, 0]);
    for (const bins of [0, 1.5, 257]) {
      try {
        colorHistogram(image, { bins });
        expect.unreachable();
      } catch (error) {
        expect(hasErrorCode(error, 'OMNI_ERR_VISION_FEATURE_ARGUMENT')).toBe(true);
      }
    }
  });
});
