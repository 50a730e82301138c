import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBatchReport } from './batch-report-files.js';
import { episodeWorkerFile, runBatch, workerExecArgv, type EpisodeEvent } from './batch-runner.js';
import type { BatchSummary } from './batch-summary.js';
import { loadScenario, scenariosDir } from './load-scenario.js';

const emptyRoom = loadScenario(path.join(scenariosDir(), 'empty-room-to-dock.yaml'));
const short = { ...emptyRoom, timeLimitS: 25 };

describe('the batch runner', () => {
  it('runs 2 seeds on 2 worker threads and writes summary.json and report.html', async () => {
    // Worker threads run the built package: `npm test` builds it first (tsc -b).
    expect(existsSync(episodeWorkerFile()), `${episodeWorkerFile()} is missing: run npm run build`).toBe(true);
    const events: EpisodeEvent[] = [];
    const run = await runBatch(short, { seeds: [1, 2], workers: 2, onEpisode: (e) => events.push(e) });
    expect(run.errors).toEqual([]);
    expect(run.workers).toBe(2);
    expect(events.map((e) => e.finished)).toEqual([1, 2]);
    expect(events.map((e) => e.seed).sort()).toEqual([1, 2]);

    const out = mkdtempSync(path.join(tmpdir(), 'omnimind-batch-'));
    const files = writeBatchReport(out, short, run, [1, 2], new Date('2025-01-01T00:00:00Z'));
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as BatchSummary;
    expect(summary).toEqual(JSON.parse(JSON.stringify(files.summary)));
    expect(summary.scenario).toMatchObject({ name: 'empty-room-to-dock', world: 'empty-room', robots: ['robot1'] });
    expect(summary.episodes.map((e) => [e.seed, e.success, e.reason])).toEqual([
      [1, true, 'goal_reached'],
      [2, true, 'goal_reached'],
    ]);
    expect(Object.keys(summary.episodes[0]?.metrics ?? {}).sort()).toEqual(
      ['collisions', 'energy_wh', 'path_length_m', 'seed', 'success', 'time_s'].sort(),
    );
    expect(summary.aggregates.success_rate).toBe(1);
    for (const metric of ['time_s', 'collisions', 'path_length_m', 'energy_wh'] as const)
      expect(summary.aggregates[metric]).toEqual({
        n: 2,
        mean: expect.any(Number),
        median: expect.any(Number),
        p90: expect.any(Number),
        min: expect.any(Number),
        max: expect.any(Number),
      });
    expect(summary).toMatchObject({ seeds: [1, 2], workers: 2, errors: [], created_at: '2025-01-01T00:00:00.000Z' });

    // Worker threads run the build, this thread the sources: the results are the same.
    const inline = await runBatch(short, { seeds: [2], workers: 1, mode: 'inline' });
    expect(inline.results).toEqual(run.results.filter((r) => r.seed === 2));

    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<svg[^>]*class="map"/);
    expect(html.match(/<polyline class="trajectory success" data-seed="[12]"/g)).toHaveLength(2);
    expect(html.match(/<svg[^>]*class="histogram"/g)).toHaveLength(5);
  });

  it('does not pass export conditions on to workers', () => {
    expect(
      workerExecArgv([
        '--require',
        'x.cjs',
        '--conditions',
        'source',
        '--conditions=node',
        '-C',
        'dev',
        '--enable-source-maps',
      ]),
    ).toEqual(['--require', 'x.cjs', '--enable-source-maps']);
  });

  it('stops before any episode when a node is misconfigured, saying where', async () => {
    const broken = { ...short, nodes: [{ ...short.nodes[0], plugin: 'goal-drivr' }] } as typeof short;
    const events: EpisodeEvent[] = [];
    await expect(runBatch(broken, { seeds: [1, 2], workers: 2, onEpisode: (e) => events.push(e) })).rejects.toThrow(
      expect.objectContaining({
        code: 'OMNI_ERR_UNKNOWN_PLUGIN',
        message: expect.stringMatching(
          /empty-room-to-dock\.yaml:10:5: .*no plugin 'goal-drivr'; did you mean 'goal-driver'\?/,
        ),
      }),
    );
    expect(events).toEqual([]);
  });

  it('records an episode that cannot run and goes on with the others', async () => {
    // A plugin that fails when it starts: plain JavaScript, so that worker threads load it as it is.
    const dir = mkdtempSync(path.join(tmpdir(), 'omnimind-failing-'));
    const plugin = path.join(dir, 'failing-plugin.mjs');
    writeFileSync(
      plugin,
      `export const failing = { name: 'failing', version: '0.1.0', coreRange: '^0.1.0',
        [Symbol.for('omnimind.plugin')]: true, configure() { throw new Error('cannot start'); } };\n`,
    );
    const failing = {
      ...short,
      nodes: [{ ...short.nodes[0], pkg: plugin, plugin: 'failing', params: {}, paramLocations: {} }],
    } as typeof short;
    const run = await runBatch(failing, { seeds: [1, 2], workers: 2, episode: { logLevel: 'silent' } });
    expect(run.results).toEqual([]);
    expect(run.errors.map((e) => e.seed).sort()).toEqual([1, 2]);
    expect(run.errors[0]?.message).toMatch(/cannot start/);
  });
});
