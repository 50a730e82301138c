import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLOR_TABLE, colorNames } from './color-table.js';
import { parseWorld } from './load-world.js';
import { WorldErrorCode } from './world-errors.js';
import { listWorlds } from './worlds-dir.js';

const reference = (name: string): string => fileURLToPath(new URL(`../../../docs/reference/${name}`, import.meta.url));
const formatDoc = readFileSync(reference('world-format.md'), 'utf8');

describe('world format reference', () => {
  it('has an example that loads', () => {
    const example = /## Example\n\n```yaml\n([^]*?)```/.exec(formatDoc)?.[1];
    expect(example).toBeDefined();
    const world = parseWorld(example ?? '', 'two-rooms.yaml', { knownRobots: ['diffbot'] });
    expect(world.name).toBe('two-rooms');
    expect(world.obstacles.map((o) => o.id)).toEqual(['table_1', 'cupboard_1']);
  });

  it('lists every colour with its value, and every alias', () => {
    for (const [name, [r, g, b]] of Object.entries(COLOR_TABLE))
      expect(formatDoc).toMatch(new RegExp(`\\| \`${name}\` +\\| ${r}, ${g}, ${b} +\\|`));
    for (const name of colorNames()) expect(formatDoc).toContain(`\`${name}\``);
  });

  it('names every error code, and the errors reference gives each its cause and fix', () => {
    const errorDocs = ['errors-worlds.part.md', 'errors.md']
      .map(reference)
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const code of Object.values(WorldErrorCode)) {
      expect(formatDoc).toContain(`\`${code}\``);
      expect(errorDocs).toMatch(new RegExp(`### \`${code}\`\\n\\n- \\*\\*Cause:\\*\\*[^]*?- \\*\\*Fix:\\*\\*`));
    }
  });

  it('describes every shipped world', () => {
    for (const name of listWorlds()) expect(formatDoc).toContain(`| \`${name}\``);
  });
});
