import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { definePlugin, isPluginDefinition } from './define-plugin.js';
import { loadPluginModule, pickPlugin } from './plugin-loader.js';

const here = dirname(fileURLToPath(import.meta.url));
const where = { file: 'x.launch.yaml', line: 4, col: 12 };

describe('loading plugin modules', () => {
  it('finds plugins exported by name, in a default export, or in an array', async () => {
    expect([...(await loadPluginModule('./fixtures/test-plugins.ts', here)).plugins.keys()]).toContain('steady');
    expect([...(await loadPluginModule('./fixtures/default-export-plugins.ts', here)).plugins.keys()]).toEqual([
      'alpha',
      'beta',
    ]);
    expect([...(await loadPluginModule(join(here, 'fixtures/array-export-plugins.ts'), '/')).plugins.keys()]).toEqual([
      'gamma',
    ]);
  });

  it('loads a workspace package by name', async () => {
    const module = await loadPluginModule('@omnimind/plugin-examples', here);
    expect(pickPlugin(module, 'heartbeat').version).toBe('0.1.0');
  });

  it('says what to install for a missing package, and where it was asked for', async () => {
    await expect(loadPluginModule('@omnimind/plugin-nope', here, where)).rejects.toThrow(
      /^x\.launch\.yaml:4:12: cannot find plugin package '@omnimind\/plugin-nope' \(install it with `npm install @omnimind\/plugin-nope`/,
    );
    await expect(loadPluginModule('./fixtures/missing.ts', here, where)).rejects.toMatchObject({
      code: 'OMNI_ERR_PLUGIN_NOT_FOUND',
    });
  });

  it('suggests the closest plugin name', async () => {
    const module = await loadPluginModule('./fixtures/default-export-plugins.ts', here);
    expect(() => pickPlugin(module, 'alpah', where)).toThrow(
      /no plugin 'alpah'; did you mean 'alpha'\? Available: alpha, beta/,
    );
  });
});

describe('definePlugin', () => {
  it('brands valid definitions and rejects incomplete ones at once', () => {
    const ok = definePlugin({ name: 'ok-1', version: '1.0.0', coreRange: '^0.1.0', configure: () => ({}) });
    expect(isPluginDefinition(ok)).toBe(true);
    expect(isPluginDefinition({ ...ok })).toBe(true);
    expect(isPluginDefinition({ name: 'x' })).toBe(false);
    expect(() => definePlugin({ name: 'Bad Name', version: '', coreRange: '', configure: undefined as never })).toThrow(
      /name 'Bad Name' must be lower-case.*version is required.*coreRange is required.*configure\(ctx\) is required/,
    );
  });
});
