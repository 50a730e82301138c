import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixtureControlApi } from '../../../test/support/control-api-fixture.js';
import { createControlClient } from './control-client.js';
import { startControlServer } from './control-server.js';
import { isProcessAlive, listInstances, resolveControlTarget, selectInstance } from './instance-discovery.js';
import { defaultRunDir, readRuntimeFile, writeRuntimeFile, type RuntimeFileInfo } from './runtime-file.js';

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid ?? 999_999_999;
}

function info(pid: number, extra: Partial<RuntimeFileInfo> = {}): RuntimeFileInfo {
  return {
    version: 1,
    pid,
    url: `http://127.0.0.1:${10000 + (pid % 1000)}`,
    token: `token-${pid}`,
    launchFile: `/robots/${pid}.launch.yaml`,
    startedAt: new Date(1_700_000_000_000 + pid).toISOString(),
    ...extra,
  };
}

describe('runtime files', () => {
  let runDir: string;

  beforeEach(() => {
    runDir = join(mkdtempSync(join(tmpdir(), 'omnimind-run-')), 'run');
  });

  afterEach(() => {
    rmSync(join(runDir, '..'), { recursive: true, force: true });
  });

  it('defaults to ~/.omnimind/run unless OMNIMIND_RUN_DIR is set', () => {
    expect(defaultRunDir({ HOME: '/home/robot' })).toBe('/home/robot/.omnimind/run');
    expect(defaultRunDir({ HOME: '/home/robot', OMNIMIND_RUN_DIR: '/srv/run' })).toBe('/srv/run');
  });

  it('writes a 0600 file in a 0700 directory and removes it', () => {
    const file = writeRuntimeFile(runDir, info(process.pid));
    expect(file.path).toBe(join(runDir, `${process.pid}.json`));
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(runDir).mode & 0o777).toBe(0o700);
    expect(readRuntimeFile(file.path)).toEqual(info(process.pid));
    file.remove();
    file.remove();
    expect(existsSync(file.path)).toBe(false);
  });

  it('rejects malformed files when reading', () => {
    writeRuntimeFile(runDir, info(process.pid));
    const path = join(runDir, 'bad.json');
    for (const content of [
      '{',
      '{"version":2}',
      JSON.stringify({ ...info(1), token: 5 }),
      JSON.stringify({ ...info(1), url: undefined }),
    ]) {
      writeFileSync(path, content);
      expect(readRuntimeFile(path), content).toBeUndefined();
    }
  });

  it('lists live instances, deletes files of dead processes and skips malformed ones', () => {
    const dead = deadPid();
    expect(isProcessAlive(dead)).toBe(false);
    expect(isProcessAlive(process.pid)).toBe(true);
    writeRuntimeFile(runDir, info(process.pid));
    const stale = writeRuntimeFile(runDir, info(dead));
    writeFileSync(join(runDir, '4242.json'), 'not json');
    const instances = listInstances(runDir);
    expect(instances.map((i) => i.pid)).toEqual([process.pid]);
    expect(existsSync(stale.path)).toBe(false);
    expect(readFileSync(join(runDir, '4242.json'), 'utf8')).toBe('not json');
  });

  it('returns nothing when the run directory does not exist', () => {
    expect(listInstances(join(runDir, 'missing'))).toEqual([]);
  });
});

describe('selecting an instance', () => {
  const alive = (pid: number) => pid !== 3;
  let runDir: string;

  beforeEach(() => {
    runDir = mkdtempSync(join(tmpdir(), 'omnimind-run-'));
  });

  afterEach(() => {
    rmSync(runDir, { recursive: true, force: true });
  });

  it('says how to start a system when none runs', () => {
    expect(() => selectInstance([])).toThrow(
      'no running OmniMind system found; start one with `omnimind launch <file>`',
    );
    try {
      selectInstance([]);
    } catch (error) {
      expect(error).toMatchObject({ code: 'OMNI_ERR_NO_RUNNING_SYSTEM' });
    }
  });

  it('picks the only instance, or the one asked for', () => {
    writeRuntimeFile(runDir, info(1));
    expect(resolveControlTarget({ runDir, isAlive: alive, env: {} })).toEqual({ url: info(1).url, token: 'token-1' });
    writeRuntimeFile(runDir, info(2, { url: undefined, socketPath: '/run/two.sock' }));
    expect(resolveControlTarget({ runDir, isAlive: alive, env: {}, instance: 2 })).toEqual({
      socketPath: '/run/two.sock',
      token: 'token-2',
    });
  });

  it('lists the candidates when several run and none was chosen', () => {
    writeRuntimeFile(runDir, info(1));
    writeRuntimeFile(runDir, info(2));
    writeRuntimeFile(runDir, info(3));
    let caught: unknown;
    try {
      resolveControlTarget({ runDir, isAlive: alive, env: {} });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'OMNI_ERR_INSTANCE_AMBIGUOUS', details: { running: [1, 2] } });
    const message = (caught as Error).message;
    expect(message).toContain('2 OmniMind systems are running; choose one with --instance <pid>');
    expect(message).toContain('pid 1');
    expect(message).toContain('/robots/2.launch.yaml');
    expect(message).not.toContain('pid 3');
  });

  it('names the running ones when the chosen pid is not among them', () => {
    writeRuntimeFile(runDir, info(1));
    expect(() => resolveControlTarget({ runDir, isAlive: alive, env: {}, instance: 7 })).toThrow(
      /no running OmniMind system with pid 7; running:\n {2}pid 1/,
    );
  });

  it('uses OMNIMIND_CONTROL_URL with its token instead of the run directory', () => {
    expect(
      resolveControlTarget({
        runDir,
        env: { OMNIMIND_CONTROL_URL: 'http://10.0.0.5:7000', OMNIMIND_CONTROL_TOKEN: 't' },
      }),
    ).toEqual({
      url: 'http://10.0.0.5:7000',
      token: 't',
    });
    expect(
      resolveControlTarget({
        runDir,
        env: { OMNIMIND_CONTROL_URL: 'unix:/run/omnimind/a.sock', OMNIMIND_CONTROL_TOKEN: 't' },
      }),
    ).toEqual({
      socketPath: '/run/omnimind/a.sock',
      token: 't',
    });
    expect(() => resolveControlTarget({ runDir, env: { OMNIMIND_CONTROL_URL: 'http://10.0.0.5:7000' } })).toThrow(
      /OMNIMIND_CONTROL_TOKEN/,
    );
  });

  it('finds a real server through its runtime file', async () => {
    const server = await startControlServer(new FixtureControlApi());
    writeRuntimeFile(runDir, {
      version: 1,
      pid: process.pid,
      url: server.url,
      token: server.token,
      startedAt: new Date().toISOString(),
    });
    const client = createControlClient(resolveControlTarget({ runDir, env: {} }));
    expect((await client.info()).pid).toBe(process.pid);
    client.close();
    await server.close();
  });
});
