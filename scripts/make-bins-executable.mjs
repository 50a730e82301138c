// npm links a package's bin when it installs, before `prepare` has compiled it, so the compiled
// file would keep the mode TypeScript gave it. Make every workspace bin executable after a build.
import { chmodSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packages = manifest.workspaces.flatMap((pattern) =>
  pattern.endsWith('/*')
    ? readdirSync(join(root, pattern.slice(0, -2))).map((name) => join(pattern.slice(0, -2), name))
    : [pattern],
);
for (const dir of ['.', ...packages]) {
  const file = join(root, dir, 'package.json');
  if (!existsSync(file)) continue;
  const bins = JSON.parse(readFileSync(file, 'utf8')).bin ?? {};
  for (const target of typeof bins === 'string' ? [bins] : Object.values(bins)) {
    const path = join(root, dir, target);
    if (existsSync(path)) chmodSync(path, 0o755);
  }
}
