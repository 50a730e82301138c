import { describe, expect, it } from 'vitest';
import { symmetryScore } from './symmetry-score.js';
import { imageFrom, renderSvg } from './testing/render-svg.js';

describe('symmetryScore', () => {
  it('scores a mirror-symmetric picture 1 and half black half white 0', async () => {
    const face = await renderSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"><rect width="64" height="48" fill="#ddd"/><circle cx="20" cy="18" r="6" fill="#222"/><circle cx="44" cy="18" r="6" fill="#222"/><rect x="22" y="32" width="20" height="5" fill="#a22"/></svg>',
    );
    // Anti-aliased circle edges are rendered very slightly asymmetric.
    expect(symmetryScore(face)).toBeCloseTo(1, 3);
    expect(symmetryScore(imageFrom(10, 4, (x) => (x < 5 ? [0, 0, 0] : [255, 255, 255])))).toBeCloseTo(0, 6);
  });

  it('scores an off-centre object lower than the same object centred', async () => {
    const square = (x: number) =>
      renderSvg(
        `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32"><rect width="64" height="32" fill="#fff"/><rect x="${x}" y="8" width="16" height="16" fill="#000"/></svg>`,
      );
    const centred = symmetryScore(await square(24));
    const aside = symmetryScore(await square(4));
    expect(centred).toBeCloseTo(1, 3);
    expect(aside).toBeLessThan(0.8);
  });
});
