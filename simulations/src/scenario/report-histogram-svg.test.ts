import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { booleanBins, histogramBins, histogramSvg } from './report-histogram-svg.js';

describe('histograms', () => {
  it('bins small whole numbers one per value, gaps included', () => {
    expect(histogramBins([0, 2, 2, 3]).map((b) => [b.label, b.count])).toEqual([
      ['0', 1],
      ['1', 0],
      ['2', 2],
      ['3', 1],
    ]);
  });

  it("bins real values in Sturges' count of equal widths, the maximum in the last bin", () => {
    const bins = histogramBins([0, 0.5, 1, 1.5, 2, 2.5, 3, 4]);
    expect(bins).toHaveLength(4);
    expect(bins.map((b) => b.count)).toEqual([2, 2, 2, 2]);
    expect(bins[0]).toMatchObject({ from: 0, to: 1, label: '0–1', range: true });
    expect(histogramBins([2.5, 2.5])).toEqual([{ label: '2.5', from: 2.5, to: 2.5, count: 2 }]);
    expect(histogramBins([])).toEqual([]);
  });

  it('counts values whose span underflows a bin width', () => {
    expect(histogramBins([-5.4e-323, -6e-323]).reduce((sum, b) => sum + b.count, 0)).toBe(2);
  });

  it('counts every value exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const bins = histogramBins(values);
          expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(values.length);
          expect(bins.length).toBeLessThanOrEqual(21);
        },
      ),
    );
  });

  it('draws one bar per bin, with counts in tooltips and an escaped title', () => {
    const svg = histogramSvg('Time <s>', booleanBins([true, true, false], ['success', 'failure']), ['green', 'red']);
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg).toContain('<title>success: 2</title>');
    expect(svg).toContain('<title>failure: 1</title>');
    expect(svg).toContain('Time &lt;s&gt;');
  });
});
