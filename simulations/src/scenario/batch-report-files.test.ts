import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryJson, writeBatchReport } from './batch-report-files.js';
import { loadScenario, scenariosDir } from './load-scenario.js';

const scenario = loadScenario(path.join(scenariosDir(), 'empty-room-to-dock.yaml'));
const result = {
  seed: 1,
  success: true,
  reason: 'goal_reached' as const,
  endTimeS: 0.2,
  metrics: { seed: 1, success: true, time_s: 0.2 },
  starts: { robot1: { x: 0, y: 0, theta: 0 } },
  objectStarts: {},
  trajectories: {
    robot1: [
      { t: 0, x: 0, y: 0, theta: 0 },
      { t: 0.1, x: 0.02, y: -0.001, theta: 1.234 },
    ],
  },
  collisions: [],
};

describe('batch report files', () => {
  it('writes summary.json, one line per trajectory point, that reads back as the summary', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'omnimind-report-')), 'nested', 'dir');
    const files = writeBatchReport(
      out,
      scenario,
      { results: [result], errors: [], workers: 1, wallS: 0.5 },
      [1],
      new Date(0),
    );
    const text = readFileSync(files.summaryFile, 'utf8');
    expect(text).toBe(summaryJson(files.summary));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(files.summary)));
    expect(text).toContain('\n          { "t": 0.1, "x": 0.02, "y": -0.001, "theta": 1.234 }\n');
    expect(readFileSync(files.reportFile, 'utf8')).toContain('<polyline class="trajectory success" data-seed="1"');
  });
});
