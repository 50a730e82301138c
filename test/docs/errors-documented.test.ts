import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return ['generated', 'fixtures', 'testing'].includes(name) ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('docs/reference/errors.md', () => {
  it('lists every error code the core, the robots, the simulator and the plugins raise', () => {
    const documented = readFileSync(join(root, 'docs', 'reference', 'errors.md'), 'utf8');
    const missing: string[] = [];
    const plugins = readdirSync(join(root, 'plugins')).map((name) => join('plugins', name));
    const roots = ['core', 'robots', 'simulations', ...plugins].map((pkg) => join(root, pkg, 'src'));
    for (const file of roots.flatMap(sourceFiles)) {
      for (const [code] of readFileSync(file, 'utf8').matchAll(/OMNI_ERR_[A-Z0-9_]*[A-Z0-9]/g)) {
        if (!documented.includes(`\`${code}\``)) missing.push(`${code} (${relative(root, file)})`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
