import { constants } from 'node:fs';
import { access, readFile, readdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { delimiter, dirname, join } from 'node:path';

/** What `omnimind doctor` looks at; each has a real default and may be replaced in tests. */
export interface DoctorProbes {
  /** The running Node version, without the `v`. */
  readonly nodeVersion: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the search for a workspace starts. */
  readonly cwd: string;
  /** Imports a module by specifier (package name). */
  importModule(specifier: string): Promise<unknown>;
  /** The path of an executable found on `PATH`, or undefined. */
  findExecutable(name: string): Promise<string | undefined>;
  /** Sends `PING` to a Redis server; resolves with its first reply line, rejects when unreachable. */
  redisPing(host: string, port: number, timeoutMs: number): Promise<string>;
}

/** The probes of the real machine. */
export function realDoctorProbes(env: Readonly<Record<string, string | undefined>>, cwd: string): DoctorProbes {
  return {
    nodeVersion: process.versions.node,
    env,
    cwd,
    importModule: (specifier) => import(specifier) as Promise<unknown>,
    findExecutable: (name) => findOnPath(name, env['PATH'] ?? ''),
    redisPing,
  };
}

/** Looks for an executable file called `name` in the directories of `path` (a `PATH` value). */
export async function findOnPath(name: string, path: string): Promise<string | undefined> {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function redisPing(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host, port });
    let reply = '';
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(reply.slice(0, end));
      }
    });
    socket.once('error', reject);
  });
}

/** A workspace package found by {@link findWorkspacePackages}. */
export interface WorkspacePackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
}

/**
 * The packages of the npm workspace around `cwd` (nearest package.json with `workspaces`),
 * undefined when `cwd` is not inside one. Supports `dir` and `dir/*` patterns.
 */
export async function findWorkspacePackages(cwd: string): Promise<WorkspacePackage[] | undefined> {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const manifest = await readJson(join(dir, 'package.json'));
    const patterns = manifest?.['workspaces'];
    if (Array.isArray(patterns)) {
      const packages: WorkspacePackage[] = [];
      for (const pattern of patterns.filter((p): p is string => typeof p === 'string')) {
        const dirs = pattern.endsWith('/*')
          ? await subdirectories(join(dir, pattern.slice(0, -2)))
          : [join(dir, pattern)];
        for (const packageDir of dirs) {
          const pkg = await readJson(join(packageDir, 'package.json'));
          if (typeof pkg?.['name'] === 'string') {
            packages.push({ name: pkg['name'], version: String(pkg['version'] ?? '?'), dir: packageDir });
          }
        }
      }
      return packages.sort((a, b) => a.name.localeCompare(b.name));
    }
    if (dirname(dir) === dir) return undefined;
  }
}

async function subdirectories(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => join(dir, entry.name));
  } catch {
    return [];
  }
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
