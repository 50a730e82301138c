import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const NPM_NAME = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/i;

/** True when `name` is a valid npm package name (scoped or not). */
export function isPackageName(name: string): boolean {
  return name.length <= 214 && NPM_NAME.test(name);
}

/**
 * Finds the directory of the npm package `name` (the directory of its `package.json`), searching
 * from each of `fromDirs` in turn: first the enclosing package itself (a launch file that names its
 * own package), then `node_modules` folders up the tree (which is where npm links workspace
 * packages), then Node's own resolution (which also honours `NODE_PATH`). Returns `undefined`
 * when nothing is found or `name` is not a package name.
 */
export function findPackageShare(name: string, fromDirs: readonly string[]): string | undefined {
  if (!isPackageName(name)) return undefined;
  for (const start of fromDirs) {
    const found = findEnclosing(name, start) ?? findInNodeModules(name, start) ?? findWithNode(name, start);
    if (found) return found;
  }
  return undefined;
}

function ancestors(start: string): string[] {
  const out: string[] = [];
  let dir = path.resolve(start);
  for (;;) {
    out.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) return out;
    dir = parent;
  }
}

function packageNameAt(dir: string): string | undefined {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string') {
      return parsed.name;
    }
  } catch {
    // An unreadable package.json is simply not a match.
  }
  return undefined;
}

function findEnclosing(name: string, start: string): string | undefined {
  return ancestors(start).find((dir) => packageNameAt(dir) === name);
}

function findInNodeModules(name: string, start: string): string | undefined {
  for (const dir of ancestors(start)) {
    const candidate = path.join(dir, 'node_modules', ...name.split('/'));
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
  }
  return undefined;
}

function findWithNode(name: string, start: string): string | undefined {
  try {
    const require = createRequire(path.join(path.resolve(start), 'noop.js'));
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}
