import type { World } from '../world/world-types.js';
import type { BatchSummary, MetricAggregate } from './batch-summary.js';
import { booleanBins, histogramBins, histogramSvg } from './report-histogram-svg.js';
import { mapSvg } from './report-map-svg.js';
import type { Goal, MetricName } from './scenario-types.js';
import { escapeXml, num } from './svg-text.js';

/** How each metric is titled in the report. */
const METRIC_TITLES: Readonly<Record<MetricName, string>> = {
  success: 'Goal met',
  time_s: 'Time (s)',
  collisions: 'Collisions',
  path_length_m: 'Path length (m)',
  energy_wh: 'Energy (Wh)',
};

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1f2328; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; }
.muted { color: #656d76; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
td.ok { color: #1a7f37; font-weight: 600; } td.fail { color: #cf222e; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
.legend span { display: inline-block; margin-right: 16px; }
.swatch { display: inline-block; width: 12px; height: 12px; vertical-align: -1px; margin-right: 4px; border-radius: 2px; }
svg.map { border: 1px solid #d0d7de; max-width: 100%; height: auto; }
`;

function aggregateRow(metric: MetricName, value: MetricAggregate): string {
  const cells = [value.n, value.mean, value.median, value.p90, value.min, value.max].map(
    (v) => `<td>${num(v, 3)}</td>`,
  );
  return `<tr><td>${escapeXml(METRIC_TITLES[metric])}</td>${cells.join('')}</tr>`;
}

function episodeRow(summary: BatchSummary, metrics: readonly MetricName[], index: number): string {
  const episode = summary.episodes[index];
  if (!episode) return '';
  const cells = metrics
    .filter((m) => m !== 'success')
    .map((m) => {
      const value = episode.metrics[m];
      return `<td>${typeof value === 'number' ? num(value, 3) : ''}</td>`;
    });
  const hits = episode.collisions.map((c) => `${c.with.join('+') || '?'} at ${num(c.t, 1)} s`).join('; ');
  return (
    `<tr><td>${episode.seed}</td><td class="${episode.success ? 'ok' : 'fail'}">${episode.success ? 'success' : 'failure'}</td>` +
    `<td>${escapeXml(episode.reason.replace('_', ' '))}</td>${cells.join('')}<td>${escapeXml(hits)}</td></tr>`
  );
}

/**
 * The batch report: one self-contained HTML page (inline CSS and SVG, no script, nothing fetched)
 * with the scenario, the aggregates, the map with every trajectory, a histogram per metric and a
 * row per episode.
 */
export function reportHtml(summary: BatchSummary, world: World, goal: Goal): string {
  const metrics = summary.scenario.metrics;
  const numeric = metrics.filter((m): m is Exclude<MetricName, 'success'> => m !== 'success');
  const charts: string[] = [];
  if (metrics.includes('success'))
    charts.push(
      histogramSvg(
        METRIC_TITLES.success,
        booleanBins(
          summary.episodes.map((e) => e.success),
          ['success', 'failure'],
        ),
        ['#2ea043', '#d1242f'],
      ),
    );
  for (const metric of numeric) {
    const values = summary.episodes.map((e) => e.metrics[metric]).filter((v): v is number => typeof v === 'number');
    charts.push(histogramSvg(METRIC_TITLES[metric], histogramBins(values)));
  }
  const aggregates = numeric
    .map((m) => {
      const value = summary.aggregates[m];
      return value ? aggregateRow(m, value) : '';
    })
    .join('\n');
  const rate = summary.aggregates.success_rate;
  const s = summary.scenario;
  const errors = summary.errors.length
    ? `<h2>Episodes that could not run</h2><ul>${summary.errors.map((e) => `<li>seed ${e.seed}: [${escapeXml(e.code)}] ${escapeXml(e.message)}</li>`).join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(`${s.name}: scenario report`)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeXml(s.name)}</h1>
<p class="muted">${escapeXml(s.description)}</p>
<p>World <b>${escapeXml(s.world)}</b>, robots ${escapeXml(s.robots.join(', '))}. Goal: ${escapeXml(s.goal)}, within ${num(s.time_limit_s)} s of simulated time.<br>
${summary.episodes.length} episodes (seeds ${escapeXml(seedList(summary.seeds))}) on ${summary.workers} worker${summary.workers === 1 ? '' : 's'} in ${num(summary.wall_s, 1)} s${rate === undefined ? '' : `; <b>success rate ${num(rate * 100, 1)}%</b>`}.</p>
<h2>Aggregates</h2>
<table><tr><th>metric</th><th>n</th><th>mean</th><th>median</th><th>p90</th><th>min</th><th>max</th></tr>
${aggregates}
</table>
<h2>Trajectories</h2>
<p class="legend"><span><i class="swatch" style="background:#2ea043"></i>goal met</span><span><i class="swatch" style="background:#d1242f"></i>goal not met</span><span><i class="swatch" style="background:#fb8500"></i>collision</span><span><i class="swatch" style="background:rgba(46,160,67,0.3)"></i>goal area</span></p>
${mapSvg(world, goal, summary.episodes)}
<h2>Distributions</h2>
<div class="charts">
${charts.join('\n')}
</div>
<h2>Episodes</h2>
<table><tr><th>seed</th><th>result</th><th>ended by</th>${numeric.map((m) => `<th>${escapeXml(METRIC_TITLES[m])}</th>`).join('')}<th>collisions with</th></tr>
${summary.episodes.map((_, i) => episodeRow(summary, metrics, i)).join('\n')}
</table>
${errors}
<p class="muted">Written ${escapeXml(summary.created_at)} from ${escapeXml(s.file)}.</p>
</body>
</html>
`;
}

/** Seeds as short ranges: `1..5, 9`. */
export function seedList(seeds: readonly number[]): string {
  const sorted = [...new Set(seeds)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    ranges.push(j > i ? `${sorted[i]}..${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return ranges.join(', ');
}
