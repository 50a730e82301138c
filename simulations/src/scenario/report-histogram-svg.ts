import { escapeXml, num } from './svg-text.js';

/** One bar of a histogram: values in [from, to) (the last bar includes `to`), or a category. */
export interface HistogramBin {
  readonly label: string;
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** True for a range of a continuous value: the axis shows its edges rather than its label. */
  readonly range?: boolean;
}

/**
 * Bins for `values`: one per whole number when the values are whole and span at most 20; otherwise
 * Sturges' count (1 + log2 n, at most 20) of equal widths. Equal values make one bin.
 */
export function histogramBins(values: readonly number[]): HistogramBin[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (values.every(Number.isInteger) && max - min <= 20) {
    const bins: HistogramBin[] = [];
    for (let v = min; v <= max; v++)
      bins.push({ label: String(v), from: v, to: v + 1, count: values.filter((x) => x === v).length });
    return bins;
  }
  if (min === max) return [{ label: num(min), from: min, to: max, count: values.length }];
  const count = Math.min(20, Math.ceil(Math.log2(values.length)) + 1);
  const width = (max - min) / count;
  const bins = Array.from({ length: count }, (_, i) => ({
    label: `${num(min + i * width, 2)}–${num(min + (i + 1) * width, 2)}`,
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
    range: true,
  }));
  for (const value of values) {
    // The fraction of the span rather than a division by `width`, which underflows to 0 for tiny spans.
    const index = Math.min(count - 1, Math.floor(((value - min) / (max - min)) * count));
    (bins[index] as { count: number }).count += 1;
  }
  return bins;
}

/** The categories of a yes/no metric, as bins. */
export function booleanBins(values: readonly boolean[], labels: readonly [string, string]): HistogramBin[] {
  const yes = values.filter(Boolean).length;
  return [
    { label: labels[0], from: 1, to: 1, count: yes },
    { label: labels[1], from: 0, to: 0, count: values.length - yes },
  ];
}

const W = 360;
const H = 220;
const PAD = { left: 36, right: 10, top: 28, bottom: 44 };

/** A bar chart of `bins` as a standalone SVG, titled `title`. */
export function histogramSvg(title: string, bins: readonly HistogramBin[], colors?: readonly string[]): string {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const top = Math.max(1, ...bins.map((b) => b.count));
  const barW = bins.length > 0 ? plotW / bins.length : plotW;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" role="img" aria-label="${escapeXml(`Histogram of ${title}`)}">`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="13" font-weight="600">${escapeXml(title)}</text>`,
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${PAD.left + plotW}" y2="${PAD.top + plotH}" stroke="#888"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}" stroke="#888"/>`,
    `<text x="${PAD.left - 4}" y="${PAD.top + 4}" text-anchor="end" font-size="10">${top}</text>`,
    `<text x="${PAD.left - 4}" y="${PAD.top + plotH}" text-anchor="end" font-size="10">0</text>`,
  ];
  bins.forEach((bin, i) => {
    const h = (bin.count / top) * plotH;
    const x = PAD.left + i * barW;
    const color = colors?.[i] ?? '#4c78a8';
    parts.push(
      `<rect class="bar" x="${num(x + 1)}" y="${num(PAD.top + plotH - h)}" width="${num(Math.max(1, barW - 2))}" height="${num(h)}" fill="${color}"><title>${escapeXml(`${bin.label}: ${bin.count}`)}</title></rect>`,
    );
    // Labels of narrow bars would overlap: show about six of them.
    const stride = Math.ceil(bins.length / 6);
    const tick = (at: number, text: string): string =>
      `<text x="${num(at)}" y="${PAD.top + plotH + 14}" text-anchor="middle" font-size="10">${escapeXml(text)}</text>`;
    if (!bin.range && i % stride === 0) parts.push(tick(x + barW / 2, bin.label));
    if (bin.range && i % stride === 0) parts.push(tick(x, num(bin.from, 2)));
    if (bin.range && i === bins.length - 1) parts.push(tick(x + barW, num(bin.to, 2)));
  });
  parts.push('</svg>');
  return parts.join('\n');
}
