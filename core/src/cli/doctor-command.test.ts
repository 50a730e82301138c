import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestCliContext } from '../../../test/support/cli-test-context.js';
import type { DoctorResult } from './doctor-checks.js';
import { findOnPath, findWorkspacePackages } from './doctor-probes.js';
import { runCli } from './run-cli.js';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

describe('omnimind doctor', () => {
  let dir: string;
  let binDir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'omnimind-doctor-'));
    binDir = join(dir, 'bin');
    mkdirSync(binDir);
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function tool(name: string): string {
    const path = join(binDir, name);
    writeFileSync(path, '#!/bin/sh\nexit 0\n');
    chmodSync(path, 0o755);
    return path;
  }

  async function doctor(
    env: Record<string, string>,
    nodeVersion?: string,
  ): Promise<{ code: number; results: DoctorResult[]; ctx: TestCliContext }> {
    const ctx = new TestCliContext({ env: { PATH: binDir, ...env }, cwd: dir });
    const code = await runCli(['doctor', '--json'], ctx, {
      doctor: nodeVersion === undefined ? {} : { nodeVersion },
    });
    return { code, results: JSON.parse(ctx.stdoutText) as DoctorResult[], ctx };
  }

  it('finds optional tools on PATH and reports the missing ones with how to install them', async () => {
    const sox = tool('sox');
    tool('chromium-browser');
    writeFileSync(join(binDir, 'ffmpeg'), 'not executable');
    const { results } = await doctor({ REDIS_URL: 'redis://127.0.0.1:1' });
    const byName = new Map(results.map((r) => [r.name, r]));
    expect(byName.get('sox')).toEqual({ name: 'sox', required: false, status: 'ok', detail: sox });
    expect(byName.get('chromium')).toMatchObject({ status: 'ok', detail: join(binDir, 'chromium-browser') });
    expect(byName.get('ffmpeg')).toMatchObject({ status: 'missing', required: false, hint: 'apt-get install ffmpeg' });
    expect(byName.get('redis')).toMatchObject({ status: 'missing', required: false });
    expect(byName.get('redis')?.detail).toContain('127.0.0.1:1 unreachable');
    expect(byName.get('ros2')).toMatchObject({
      status: 'missing',
      detail: 'optional: ROS 2 bridge; ROS_DISTRO is not set',
    });
    expect(byName.get('rclnodejs')).toMatchObject({ status: 'missing', detail: 'optional: needs ROS 2 sourced first' });
  });

  it('talks to Redis where REDIS_URL points', async () => {
    const server = createServer((socket) => socket.on('data', () => socket.write('+PONG\r\n')));
    const port = await listen(server);
    try {
      const { results } = await doctor({ REDIS_URL: `redis://127.0.0.1:${port}` });
      expect(results.find((r) => r.name === 'redis')).toMatchObject({
        status: 'ok',
        detail: `127.0.0.1:${port} answers PING`,
      });
    } finally {
      server.close();
    }
  });

  it('sees ROS 2 when sourced and tries to import rclnodejs', async () => {
    const { results } = await doctor({ ROS_DISTRO: 'jazzy' });
    expect(results.find((r) => r.name === 'ros2')).toMatchObject({ status: 'ok', detail: 'ROS_DISTRO=jazzy' });
    const rclnodejs = results.find((r) => r.name === 'rclnodejs');
    expect(rclnodejs?.status).toMatch(/^(ok|missing)$/);
    expect(rclnodejs?.required).toBe(false);
  });

  it('fails (exit 1) when the Node version does not satisfy the engines range', async () => {
    const { code, results } = await doctor({}, '18.19.0');
    expect(code).toBe(1);
    expect(results[0]).toMatchObject({
      name: 'node',
      required: true,
      status: 'failed',
      detail: 'v18.19.0 (needs >=20.19)',
    });
  });

  it('exits 0 exactly when every required check passes, and prints a table with hints', async () => {
    const ctx = new TestCliContext({ env: { PATH: binDir, REDIS_URL: 'redis://127.0.0.1:1' }, cwd: process.cwd() });
    const code = await runCli(['doctor'], ctx);
    const lines = ctx.stdoutText.split('\n');
    expect(lines[0]).toMatch(/^CHECK\s+STATUS\s+REQUIRED\s+DETAIL$/);
    expect(ctx.stdoutText).toMatch(/\nnode\s+ok\s+yes\s+v\d+\.\d+\.\d+ \(needs >=20\.19\)\n/);
    expect(ctx.stdoutText).toMatch(/\nsox\s+missing\s+no\s+optional: audio capture and playback\n/);
    expect(ctx.stdoutText).toContain('\nTo install or fix:\n  chromium: apt-get install chromium');
    const failedRequired = /\n\S+\s+FAILED\s+yes\s/.test(ctx.stdoutText);
    expect(code).toBe(failedRequired ? 1 : 0);
    expect(ctx.stdoutText).toContain(failedRequired ? 'A required check failed.' : 'All required checks passed.');
  });

  it('checks every package of the workspace it runs in', async () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ws', workspaces: ['core', 'plugins/*'] }));
    for (const [sub, name] of [
      ['core', '@omnimind/core'],
      ['plugins/broken', '@omnimind/plugin-does-not-exist'],
    ] as const) {
      mkdirSync(join(dir, sub), { recursive: true });
      writeFileSync(join(dir, sub, 'package.json'), JSON.stringify({ name, version: '9.9.9' }));
    }
    expect((await findWorkspacePackages(join(dir, 'plugins', 'broken')))?.map((p) => p.name)).toEqual([
      '@omnimind/core',
      '@omnimind/plugin-does-not-exist',
    ]);
    const { code, results } = await doctor({});
    expect(code).toBe(1);
    expect(results.find((r) => r.name === '@omnimind/plugin-does-not-exist')).toMatchObject({
      required: true,
      status: 'failed',
      hint: 'run `npm install` and `npm run build` at the workspace root',
    });
  });

  it('reports when it is not inside a workspace', async () => {
    expect(await findWorkspacePackages('/')).toBeUndefined();
    expect(await findOnPath('sh', '/nonexistent:/bin:/usr/bin')).toMatch(/\/sh$/);
    expect(await findOnPath('definitely-not-a-tool', '/bin')).toBeUndefined();
  });
});
