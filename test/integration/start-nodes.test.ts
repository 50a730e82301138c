import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { startNodes } from '@omnimind/core';
import { GREETING, journal } from '../fixtures/journal-plugins.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const silent = new Writable({ write: (_c, _e, done) => done() });

it('startNodes runs node requests and hands StartOptions.services to plugins by token', async () => {
  journal.length = 0;
  const system = await startNodes(
    [
      {
        pkg: './journal-plugins.ts',
        plugin: 'greeter',
        name: 'greeter',
        namespace: '/',
        remaps: [],
        baseDir: fixtures,
        paramLayers: [],
      },
    ],
    { logLevel: 'silent', logDestination: silent, services: [{ token: GREETING, value: { text: 'hello' } }] },
  );
  expect(system.control.nodes().map((n) => n.state)).toEqual(['active']);
  await system.shutdown();
  expect(journal).toEqual(['greeting hello']);
});

it('a node ends the whole system through SYSTEM_SHUTDOWN, in order', async () => {
  journal.length = 0;
  const system = await startNodes(
    [
      {
        pkg: './journal-plugins.ts',
        plugin: 'quitter',
        name: 'quitter',
        namespace: '/',
        remaps: [],
        baseDir: fixtures,
        paramLayers: [],
      },
    ],
    { logLevel: 'silent', logDestination: silent },
  );
  await system.done;
  expect(journal).toEqual(['deactivate /quitter']);
});
