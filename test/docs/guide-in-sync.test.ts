import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('docs/guides/plugin-authoring.md', () => {
  it('shows the plugin that test/guide runs, unchanged', () => {
    const guide = readFileSync(join(root, 'docs', 'guides', 'plugin-authoring.md'), 'utf8');
    const shown = /## 2\. The definition\n\n```ts\n([\s\S]*?)```/.exec(guide)?.[1];
    const tested = readFileSync(join(root, 'test', 'guide', 'odometry-logger.ts'), 'utf8')
      .split('\n')
      .slice(1)
      .join('\n');
    expect(shown).toBe(tested);
  });
});
