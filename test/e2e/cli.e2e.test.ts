/**
 * End-to-end: the real `omnimind` binary launches the demo, and a second `omnimind` process
 * inspects and drives it through the control endpoint found in the run directory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'core/dist/cli/bin.js');

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function omnimind(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<CliRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`omnimind ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

function waitForOutput(
  child: ChildProcess,
  text: () => string,
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolveMatch, reject) => {
    const check = (): void => {
      const match = pattern.exec(text());
      if (match) {
        cleanup();
        resolveMatch(match);
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`omnimind exited with ${code} before printing ${pattern}:\n${text()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${text()}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
    };
    child.stderr?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => reject(new Error(`no exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
}

describe('omnimind CLI end to end', () => {
  let runDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    // The binary runs from the compiled output; `tsc -b` is incremental, so this is quick when up to date.
    const build = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], {
      cwd: root,
      encoding: 'utf8',
    });
    const fresh = existsSync(bin) && statSync(bin).mtimeMs >= statSync(join(root, 'core/src/cli/bin.ts')).mtimeMs;
    if (!fresh)
      throw new Error(`building the workspace failed (exit ${build.status}):\n${build.stdout}${build.stderr}`);
    runDir = mkdtempSync(join(tmpdir(), 'omnimind-e2e-'));
    env = { ...process.env, OMNIMIND_RUN_DIR: runDir, OMNIMIND_CONTROL_URL: '', OMNIMIND_CONTROL_TOKEN: '' };
  }, 300_000);

  afterAll(() => {
    if (runDir) rmSync(runDir, { recursive: true, force: true });
  });

  it('runs as an executable, and through npx as the README does', () => {
    const direct = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(direct.error).toBeUndefined();
    expect(direct.status).toBe(0);
    expect(direct.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const npx = spawnSync('npx', ['--no-install', 'omnimind', '--version'], { cwd: root, encoding: 'utf8' });
    expect(npx.status, npx.stderr).toBe(0);
    expect(npx.stdout.trim()).toBe(direct.stdout.trim());
  });

  it('says so when no system runs (exit 4)', async () => {
    const result = await omnimind(['node', 'list'], env);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('no running OmniMind system found; start one with `omnimind launch <file>`');
  });

  it('launches the demo, is driven by a second process, and stops cleanly on SIGINT', async () => {
    const launch = spawn(
      process.execPath,
      [bin, 'launch', 'launch/demo.launch.yaml', 'rate_hz:=20', 'real_time_factor:=1', '--log-level', 'warn'],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let launchErr = '';
    launch.stderr.on('data', (chunk: Buffer) => (launchErr += chunk.toString('utf8')));
    try {
      const ready = await waitForOutput(
        launch,
        () => launchErr,
        /omnimind: ready: (\d+) active nodes? in (\d+) ms/,
        60_000,
      );
      expect(Number(ready[1])).toBeGreaterThanOrEqual(2);
      const runtimeFiles = readdirSync(runDir).filter((name) => name.endsWith('.json'));
      expect(runtimeFiles).toEqual([`${launch.pid}.json`]);
      expect(statSync(join(runDir, `${launch.pid}.json`)).mode & 0o777).toBe(0o600);

      const topics = await omnimind(['topic', 'list', '-t'], env);
      expect(topics.code).toBe(0);
      const heartbeatLine = topics.stdout
        .split('\n')
        .find((line) => /\/heartbeat \[omnimind_msgs\/msg\/Heartbeat\]$/.test(line));
      expect(heartbeatLine, topics.stdout).toBeDefined();
      const heartbeatTopic = (heartbeatLine ?? '').split(' ')[0] ?? '';
      const info = await omnimind(['topic', 'info', heartbeatTopic], env);
      expect(info.stdout).toContain(`Topic: ${heartbeatTopic}\nType: omnimind_msgs/msg/Heartbeat\n`);

      const echo = await omnimind(['topic', 'echo', 'heartbeat', '--once'], env);
      expect(echo.code, echo.stderr).toBe(0);
      expect(echo.stdout.endsWith('---\n')).toBe(true);
      const beat = parseYaml(echo.stdout.slice(0, -'---\n'.length)) as { seq: number; node: string };
      expect(beat.seq).toBeGreaterThanOrEqual(1);

      const nodes = await omnimind(['node', 'list', '--json'], env);
      expect(nodes.code).toBe(0);
      const list = JSON.parse(nodes.stdout) as { name: string; plugin: string; state: string }[];
      const heartbeat = list.find((node) => node.plugin === 'heartbeat');
      expect(heartbeat).toMatchObject({ state: 'active' });
      expect(list.find((node) => node.plugin === 'monitor')).toMatchObject({ state: 'active' });
      const node = heartbeat?.name ?? '';
      expect(beat.node).toBe(node);

      const before = await omnimind(['param', 'get', node, 'rate_hz'], env);
      expect(before.code, before.stderr).toBe(0);
      expect(parseYaml(before.stdout)).toBe(20);

      const accepted = await omnimind(['param', 'set', node, 'rate_hz', '10'], env);
      expect(accepted).toMatchObject({ code: 0, stdout: 'Set parameter successful\n' });
      expect(parseYaml((await omnimind(['param', 'get', node, 'rate_hz'], env)).stdout)).toBe(10);

      const wrongType = await omnimind(['param', 'set', node, 'rate_hz', 'fast'], env);
      expect(wrongType.code).toBe(5);
      expect(wrongType.stderr).toMatch(/^error\[OMNI_ERR_CLI_REJECTED\]: setting .*rate_hz was rejected: /);
      const refusedByPlugin = await omnimind(['param', 'set', node, 'topic', 'elsewhere'], env);
      expect(refusedByPlugin.code).toBe(5);
      expect(refusedByPlugin.stderr).toContain('topic is fixed once configured');
      expect(parseYaml((await omnimind(['param', 'get', node, 'rate_hz'], env)).stdout)).toBe(10);

      const deactivate = await omnimind(['lifecycle', 'set', node, 'deactivate'], env);
      expect(deactivate).toMatchObject({ code: 0, stdout: `Transitioning successful: ${node} is inactive\n` });
      expect((await omnimind(['lifecycle', 'get', node], env)).stdout).toBe('inactive\n');
      const again = await omnimind(['lifecycle', 'set', node, 'deactivate'], env);
      expect(again.code).toBe(5);

      launch.kill('SIGINT');
      expect(await exitOf(launch, 30_000)).toBe(0);
      expect(launchErr).toContain('omnimind: SIGINT received, shutting down');
      expect(readdirSync(runDir).filter((name) => name.endsWith('.json'))).toEqual([]);
    } finally {
      if (launch.exitCode === null) launch.kill('SIGKILL');
    }
  }, 120_000);

  it("runs the README's main job: the demo mission to its end, a summary, exit 0", async () => {
    const result = await omnimind(
      ['launch', 'launch/demo.launch.yaml', '--headless', '--log-level', 'warn'],
      env,
      120_000,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('mission summary (robot2)');
    expect(result.stdout).toMatch(/fetch_red_box +succeeded in [\d.]+ s/);
    expect(result.stdout).toMatch(/totals: [\d.]+ s, [\d.]+ m driven, [\d.]+ Wh used, battery \d+ %, 0 collisions/);
    expect(result.stderr).toContain('omnimind: the system shut down');
  }, 150_000);

  it('stops by itself after --duration', async () => {
    const result = await omnimind(
      ['launch', 'launch/demo.launch.yaml', '--duration', '1', '--log-level', 'warn'],
      env,
      60_000,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/omnimind: ready: \d+ active nodes? in \d+ ms/);
    expect(result.stderr).toContain('omnimind: --duration 1 s elapsed, shutting down');
    expect(readdirSync(runDir).filter((name) => name.endsWith('.json'))).toEqual([]);
  }, 90_000);

  it('refuses a bad launch file with file:line:col and exit 3, starting nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omnimind-bad-'));
    const file = join(dir, 'bad.launch.yaml');
    writeFileSync(
      file,
      ['launch:', '  - node:', '      pkg: "@omnimind/plugin-examples"', '      plugn: heartbeat', ''].join('\n'),
    );
    try {
      const result = await omnimind(['launch', file], env);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(
        new RegExp(
          `^error\\[OMNI_ERR_LAUNCH_[A-Z_]+\\]: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `,
          'm',
        ),
      );
      expect(result.stderr).not.toContain('ready');
      expect(readdirSync(runDir).filter((name) => name.endsWith('.json'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
