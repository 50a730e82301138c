import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the worlds shipped with the simulator (`worlds/` in the package). This file sits
 * two levels below the package root both as source (`src/world/`) and built (`dist/world/`).
 */
export function worldsDir(): string {
  return path.resolve(fileURLToPath(new URL('../../worlds', import.meta.url)));
}

/** Names of the shipped worlds (file names without `.yaml`), sorted. */
export function listWorlds(): readonly string[] {
  return readdirSync(worldsDir())
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();
}

/**
 * The file of a world given by name or path: a bare name (`office`: no `/` and no `.yaml`) is a
 * shipped world; anything else is a path, resolved against `baseDir` (default: the current
 * directory), so that a launch file can name worlds relative to itself.
 */
export function resolveWorldFile(nameOrPath: string, baseDir: string = process.cwd()): string {
  const bare = !nameOrPath.includes('/') && !nameOrPath.includes(path.sep) && !/\.ya?ml$/i.test(nameOrPath);
  return bare ? path.join(worldsDir(), `${nameOrPath}.yaml`) : path.resolve(baseDir, nameOrPath);
}
