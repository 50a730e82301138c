import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AmbiguousInstanceError, CONTROL_ERROR_CODES, ControlError, NoRunningSystemError } from './control-errors.js';
import { describeTarget, type ControlTarget } from './control-target.js';
import { defaultRunDir, readRuntimeFile, type RuntimeFileInfo } from './runtime-file.js';

/** A running OmniMind process found in the run directory. */
export interface DiscoveredInstance extends RuntimeFileInfo {
  /** Path of its runtime file. */
  readonly file: string;
}

/** Options of {@link listInstances}. */
export interface ListInstancesOptions {
  /** Whether process `pid` is alive (default: signal 0). */
  readonly isAlive?: (pid: number) => boolean;
}

/** True when a process with this pid exists (even one owned by another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The running instances in `runDir`, oldest first. Runtime files of processes that no longer
 * exist are deleted on the way; malformed files are skipped (and left alone).
 */
export function listInstances(runDir: string, options: ListInstancesOptions = {}): DiscoveredInstance[] {
  const isAlive = options.isAlive ?? isProcessAlive;
  let names: string[];
  try {
    names = readdirSync(runDir);
  } catch {
    return [];
  }
  const instances: DiscoveredInstance[] = [];
  for (const name of names) {
    if (!/^\d+\.json$/.test(name)) continue;
    const file = join(runDir, name);
    const info = readRuntimeFile(file);
    if (info === undefined) continue;
    if (!isAlive(info.pid)) {
      rmSync(file, { force: true });
      continue;
    }
    instances.push({ ...info, file });
  }
  return instances.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.pid - b.pid);
}

/** One line per instance, for error messages and `--instance` hints. */
export function describeInstances(instances: readonly DiscoveredInstance[]): string {
  return instances
    .map(
      (instance) =>
        `  pid ${instance.pid}  started ${instance.startedAt}  ${instance.launchFile ?? '(no launch file)'}  ${describeTarget(instance)}`,
    )
    .join('\n');
}

/**
 * Picks the instance to talk to: the one with pid `pid` when given, otherwise the only one.
 * Throws {@link NoRunningSystemError} when none (or not that one) runs, and
 * {@link AmbiguousInstanceError} listing them when several run and no pid was given.
 */
export function selectInstance(instances: readonly DiscoveredInstance[], pid?: number): DiscoveredInstance {
  if (pid !== undefined) {
    const found = instances.find((instance) => instance.pid === pid);
    if (found !== undefined) return found;
    const known = instances.length === 0 ? 'none is running' : `running:\n${describeInstances(instances)}`;
    throw new NoRunningSystemError(
      CONTROL_ERROR_CODES.instanceNotFound,
      `no running OmniMind system with pid ${pid}; ${known}`,
      { details: { pid, running: instances.map((instance) => instance.pid) } },
    );
  }
  const [first, ...others] = instances;
  if (first === undefined) {
    throw new NoRunningSystemError(
      CONTROL_ERROR_CODES.noRunningSystem,
      'no running OmniMind system found; start one with `omnimind launch <file>`',
    );
  }
  if (others.length > 0) {
    throw new AmbiguousInstanceError(
      CONTROL_ERROR_CODES.instanceAmbiguous,
      `${instances.length} OmniMind systems are running; choose one with --instance <pid>:\n${describeInstances(instances)}`,
      { details: { running: instances.map((instance) => instance.pid) } },
    );
  }
  return first;
}

/** Options of {@link resolveControlTarget}. */
export interface ResolveTargetOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Run directory (default {@link defaultRunDir}). */
  readonly runDir?: string;
  /** Pid given with `--instance`. */
  readonly instance?: number;
  readonly isAlive?: (pid: number) => boolean;
}

/**
 * Finds the control endpoint to talk to. `OMNIMIND_CONTROL_URL` (with `OMNIMIND_CONTROL_TOKEN`)
 * names one explicitly, for an endpoint on another machine; otherwise the run directory is searched.
 */
export function resolveControlTarget(options: ResolveTargetOptions = {}): ControlTarget {
  const env = options.env ?? process.env;
  const url = env['OMNIMIND_CONTROL_URL'];
  if (url !== undefined && url !== '' && options.instance === undefined) {
    const token = env['OMNIMIND_CONTROL_TOKEN'];
    if (token === undefined || token === '') {
      throw new ControlError(
        CONTROL_ERROR_CODES.address,
        'OMNIMIND_CONTROL_URL is set but OMNIMIND_CONTROL_TOKEN is not; both are needed to reach an endpoint by URL',
      );
    }
    return url.startsWith('unix:') ? { socketPath: url.slice('unix:'.length), token } : { url, token };
  }
  const runDir = options.runDir ?? defaultRunDir(env);
  const instance = selectInstance(
    listInstances(runDir, options.isAlive === undefined ? {} : { isAlive: options.isAlive }),
    options.instance,
  );
  return instance.socketPath !== undefined
    ? { socketPath: instance.socketPath, token: instance.token }
    : { url: instance.url ?? '', token: instance.token };
}
