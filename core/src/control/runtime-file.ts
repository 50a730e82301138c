import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * What a running OmniMind process writes into the run directory so that the CLI can find its
 * control endpoint. The file holds the token: it is created with mode 0600.
 */
export interface RuntimeFileInfo {
  /** Format version of this file. */
  readonly version: 1;
  readonly pid: number;
  /** `http://127.0.0.1:<port>` when the endpoint listens on TCP. */
  readonly url?: string;
  /** The Unix domain socket path when it listens on a socket. */
  readonly socketPath?: string;
  readonly token: string;
  /** Absolute path of the launch file, or a description such as `run @omnimind/plugin-examples heartbeat`. */
  readonly launchFile?: string;
  /** ISO 8601 time the system started. */
  readonly startedAt: string;
}

/** A runtime file this process wrote; `remove()` deletes it (idempotent, never throws). */
export interface RuntimeFile {
  readonly path: string;
  readonly info: RuntimeFileInfo;
  remove(): void;
}

/** The run directory: `$OMNIMIND_RUN_DIR`, or `~/.omnimind/run`. */
export function defaultRunDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env['OMNIMIND_RUN_DIR'];
  if (configured !== undefined && configured !== '') return configured;
  return join(env['HOME'] ?? homedir(), '.omnimind', 'run');
}

/** The runtime file path of process `pid` in `runDir`. */
export function runtimeFilePath(runDir: string, pid: number): string {
  return join(runDir, `${pid}.json`);
}

/**
 * Writes the runtime file of `info.pid` atomically (temporary file, then rename) with mode 0600,
 * creating the run directory with mode 0700 when missing.
 */
export function writeRuntimeFile(runDir: string, info: RuntimeFileInfo): RuntimeFile {
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const path = runtimeFilePath(runDir, info.pid);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  let removed = false;
  return {
    path,
    info,
    remove() {
      if (removed) return;
      removed = true;
      rmSync(path, { force: true });
    },
  };
}

/** Reads and checks a runtime file; undefined when it is missing, unreadable or malformed. */
export function readRuntimeFile(path: string): RuntimeFileInfo | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  return isRuntimeFileInfo(data) ? data : undefined;
}

function isRuntimeFileInfo(data: unknown): data is RuntimeFileInfo {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  const hasAddress = typeof record['url'] === 'string' || typeof record['socketPath'] === 'string';
  return (
    record['version'] === 1 &&
    Number.isSafeInteger(record['pid']) &&
    (record['pid'] as number) > 0 &&
    typeof record['token'] === 'string' &&
    typeof record['startedAt'] === 'string' &&
    hasAddress &&
    (record['launchFile'] === undefined || typeof record['launchFile'] === 'string')
  );
}
