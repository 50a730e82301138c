import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPackageShare, isPackageName } from './find-package-share.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const coreDir = path.resolve(here, '../..');

function tempTree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'omnimind-pkg-')));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('findPackageShare', () => {
  it('finds a workspace package through the node_modules link', () => {
    expect(findPackageShare('@omnimind/core', [here])).toBe(realpathSync(coreDir));
  });

  it('finds the package that encloses the start directory', () => {
    const root = tempTree({ 'pkg/package.json': '{"name": "my-robot"}', 'pkg/launch/x.yaml': '' });
    expect(findPackageShare('my-robot', [path.join(root, 'pkg/launch')])).toBe(path.join(root, 'pkg'));
  });

  it('finds an installed package in a node_modules folder up the tree, scoped or not', () => {
    const root = tempTree({
      'node_modules/plain/package.json': '{"name": "plain"}',
      'node_modules/@scope/thing/package.json': '{"name": "@scope/thing", "exports": {".": "./i.js"}}',
      'app/launch/a.yaml': '',
    });
    const start = path.join(root, 'app/launch');
    expect(findPackageShare('plain', [start])).toBe(path.join(root, 'node_modules/plain'));
    expect(findPackageShare('@scope/thing', [start])).toBe(path.join(root, 'node_modules/@scope/thing'));
  });

  it('falls back to later directories and returns undefined when nothing matches', () => {
    const root = tempTree({ 'b/node_modules/only-b/package.json': '{"name": "only-b"}', 'a/x': '' });
    expect(findPackageShare('only-b', [path.join(root, 'a'), path.join(root, 'b')])).toBe(
      path.join(root, 'b/node_modules/only-b'),
    );
    expect(findPackageShare('definitely-not-installed-xyz', [path.join(root, 'a')])).toBeUndefined();
  });

  it('refuses names that are not package names (no path tricks)', () => {
    expect(isPackageName('../etc')).toBe(false);
    expect(isPackageName('@a/b/c')).toBe(false);
    expect(isPackageName('@omnimind/core')).toBe(true);
    expect(findPackageShare('../core', [here])).toBeUndefined();
  });
});
