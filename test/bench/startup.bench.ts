import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { median, round3, writeResult } from './bench-helpers.js';

/**
 * `omnimind launch` of the demo until every plugin is active, against the bare start of a Node
 * process (`node -e ""`) in the same run. Runs the built CLI (`npm run bench` builds first).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'core', 'dist', 'cli', 'bin.js');
const READY = /ready: (\d+) active nodes in (\d+) ms/;

interface Sample {
  /** Wall milliseconds from spawn to the ready line (or exit, for the baseline). */
  wallMs: number;
  /** Start-up time the CLI reports itself (its own start to all nodes active). */
  reportedMs?: number;
}

function timeProcess(args: string[], waitForReady: boolean): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, OMNIMIND_RUN_DIR: join(root, '.omnimind', 'bench-run') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let sample: Sample | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = READY.exec(stderr);
      if (waitForReady && match && !sample) {
        sample = { wallMs: performance.now() - started, reportedMs: Number(match[2]) };
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!waitForReady) resolve({ wallMs: performance.now() - started });
      else if (sample) resolve(sample);
      else reject(new Error(`launch exited ${code} before ready:\n${stderr}`));
    });
  });
}

const launchSamples: Sample[] = [];
const nodeSamples: Sample[] = [];

describe('start-up: omnimind launch of the demo to all plugins active', () => {
  bench(
    'bare node process (baseline)',
    async () => {
      nodeSamples.push(await timeProcess(['-e', ''], false));
    },
    { iterations: 8, warmupIterations: 1, time: 0 },
  );
  bench(
    'omnimind launch launch/demo.launch.yaml',
    async () => {
      launchSamples.push(await timeProcess([bin, 'launch', 'launch/demo.launch.yaml'], true));
    },
    {
      iterations: 8,
      warmupIterations: 1,
      time: 0,
      teardown: () => {
        if (launchSamples.length === 0 || nodeSamples.length === 0) return;
        const launchWall = median(launchSamples.map((s) => s.wallMs));
        const nodeWall = median(nodeSamples.map((s) => s.wallMs));
        writeResult('startup', {
          unit: 'milliseconds (median)',
          launchWallMs: round3(launchWall),
          launchReportedMs: round3(median(launchSamples.map((s) => s.reportedMs ?? Number.NaN))),
          bareNodeWallMs: round3(nodeWall),
          ratios: { launchVsBareNode: round3(launchWall / nodeWall) },
          goal: 'launch to all-plugins-active under 1000 ms',
          goalMet: launchWall < 1000,
        });
      },
    },
  );
});
