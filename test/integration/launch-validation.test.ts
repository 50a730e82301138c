import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { startLaunch } from '@omnimind/core';
import { journal } from '../fixtures/journal-plugins.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'journal-plugins.ts');
const silent = new Writable({ write: (_c, _e, done) => done() });

/** Writes a launch file into a fresh folder; returns its path. */
function launchFile(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'omnimind-launch-'));
  const file = join(dir, 'test.launch.yaml');
  writeFileSync(file, body);
  return file;
}

const node = (plugin: string, name: string, extra = '') =>
  `  - node:\n      pkg: ${JSON.stringify(fixture)}\n      plugin: ${plugin}\n      name: ${name}\n${extra}`;

async function startError(file: string): Promise<{ code: string; message: string }> {
  try {
    const system = await startLaunch(file, { logLevel: 'silent', logDestination: silent });
    await system.shutdown();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the launch to fail');
}

describe('startLaunch validates everything before anything starts', () => {
  beforeEach(() => {
    journal.length = 0;
  });

  it('starts a valid launch, in dependency order, and shuts it down in reverse', async () => {
    const file = launchFile(
      `launch:\n${node('recorder_a', 'a', '      param:\n        - {name: gain, value: 2.5}\n')}${node('recorder_c', 'c')}`,
    );
    const system = await startLaunch(file, { logLevel: 'silent', logDestination: silent });
    expect(system.control.nodes().map((n) => [n.name, n.state])).toEqual([
      ['/c', 'active'],
      ['/a', 'active'],
    ]);
    expect(system.control.paramGet('/a', 'gain')).toMatchObject({
      value: 2.5,
      source: expect.stringMatching(/^launch:.*test\.launch\.yaml:7:/),
    });
    await system.shutdown();
    expect(journal).toEqual(['configure /c', 'configure /a', 'activate /c', 'activate /a', 'deactivate /c']);
  });

  it('unknown plugin: points at the plugin key, suggests the closest, starts nothing', async () => {
    const file = launchFile(`launch:\n${node('recorder_c', 'c')}${node('recorder_d', 'd')}`);
    const error = await startError(file);
    expect(error.code).toBe('OMNI_ERR_UNKNOWN_PLUGIN');
    expect(error.message).toContain(`${file}:8:15: `);
    expect(error.message).toMatch(/no plugin 'recorder_d'; did you mean 'recorder_[abc]'/);
    expect(journal).toEqual([]);
  });

  it('unknown plugin package: points at the pkg key', async () => {
    const file = launchFile('launch:\n  - node:\n      pkg: "@omnimind/plugin-does-not-exist"\n      plugin: x\n');
    const error = await startError(file);
    expect(error.code).toBe('OMNI_ERR_PLUGIN_NOT_FOUND');
    expect(error.message).toContain(`${file}:3:12: `);
    expect(error.message).toContain('npm install @omnimind/plugin-does-not-exist');
  });

  it('param of the wrong type: points at the value in the launch file', async () => {
    const file = launchFile(
      `launch:\n${node('recorder_c', 'c')}${node('recorder_a', 'a', '      param:\n        - name: gain\n          value: loud\n')}`,
    );
    const error = await startError(file);
    expect(error.code).toBe('OMNI_ERR_PARAM_INVALID');
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1[0-9]:\\d+: `));
    expect(error.message).toMatch(/parameter 'gain' of node '\/a'.*expected number/);
    expect(journal).toEqual([]);
  });

  it('param override from the command line of the wrong type, or for an unknown node', async () => {
    const file = launchFile(`launch:\n${node('recorder_c', 'c')}${node('recorder_a', 'a')}`);
    await expect(
      startLaunch(file, {
        logLevel: 'silent',
        logDestination: silent,
        paramOverrides: [{ node: 'a', name: 'gain', value: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'OMNI_ERR_PARAM_INVALID' });
    await expect(
      startLaunch(file, {
        logLevel: 'silent',
        logDestination: silent,
        paramOverrides: [{ node: 'nobody', name: 'gain', value: 1 }],
      }),
    ).rejects.toMatchObject({ code: 'OMNI_ERR_UNKNOWN_NODE' });
    expect(journal).toEqual([]);
  });

  it('dependsOn cycle: names the chain and starts nothing', async () => {
    const file = launchFile(`launch:\n${node('recorder_a', 'a')}${node('recorder_b', 'b')}`);
    const error = await startError(file);
    expect(error.code).toBe('OMNI_ERR_DEPENDENCY_CYCLE');
    expect(error.message).toContain(`${file}:2:5: `);
    expect(error.message).toMatch(/\/a -> \/b -> \/a/);
    expect(journal).toEqual([]);
  });

  it('a missing dependency is reported with what the launch provides', async () => {
    const error = await startError(launchFile(`launch:\n${node('recorder_a', 'a')}`));
    expect(error.code).toBe('OMNI_ERR_PLUGIN_DEPENDENCY');
    expect(error.message).toMatch(/depends on 'b'/);
  });
});
