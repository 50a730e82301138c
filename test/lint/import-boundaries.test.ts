import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (lint)', () => {
  it('forbid the core to import a plugin, by package or by path', async () => {
    expect(
      await boundaryErrors(
        "import { heartbeat } from '@omnimind/plugin-examples';\nexport { heartbeat };\n",
        'core/src/x.ts',
      ),
    ).toEqual([expect.stringContaining('core must not import a plugin package')]);
    expect(
      await boundaryErrors(
        "import { heartbeat } from '../../plugins/examples/src/index.js';\nexport { heartbeat };\n",
        'core/src/x.ts',
      ),
    ).toEqual([expect.stringContaining('core must not import plugin code by path')]);
  });

  it('let the core import its own modules', async () => {
    expect(
      await boundaryErrors(
        "import { PluginHost } from '../plugin-host/plugin-host.js';\nexport { PluginHost };\n",
        'core/src/runtime/x.ts',
      ),
    ).toEqual([]);
  });

  it('make plugins use the core through its entry point only', async () => {
    expect(
      await boundaryErrors(
        "import { MessageBus } from '@omnimind/core';\nexport { MessageBus };\n",
        'plugins/examples/src/x.ts',
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        "import { MessageBus } from '@omnimind/core/src/bus/message-bus.js';\nexport { MessageBus };\n",
        'plugins/examples/src/x.ts',
      ),
    ).toContainEqual(expect.stringContaining('import the package entry point, not its internals'));
    expect(
      await boundaryErrors(
        "import { MessageBus } from '../../../core/src/bus/message-bus.js';\nexport { MessageBus };\n",
        'plugins/examples/src/x.ts',
      ),
    ).toContainEqual(expect.stringContaining('import @omnimind/core, not core files by path'));
  });
});
