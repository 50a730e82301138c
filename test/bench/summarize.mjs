// Collects what each benchmark wrote to test/bench/results/<name>.json into latest.json:
// the headline ratios against the baselines run in the same process, and every raw number.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'results');
const results = {};
for (const file of readdirSync(dir).sort()) {
  if (!file.endsWith('.json') || file === 'latest.json' || file.endsWith('.raw.json')) continue;
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  results[data.name ?? file.replace(/\.json$/, '')] = data;
}
const summary = {
  date: new Date().toISOString(),
  node: process.version,
  ratios: Object.fromEntries(Object.entries(results).map(([name, data]) => [name, data.ratios ?? null])),
  results,
};
writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
for (const [name, ratios] of Object.entries(summary.ratios)) console.log(name, JSON.stringify(ratios));
