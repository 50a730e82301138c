import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/**
 * The absolute path of an executable: `command` itself when it contains a `/` (relative ones read
 * from `baseDir`), otherwise the first executable file called `command` in the folders of
 * `searchPath` (a `PATH`-style list). `undefined` when there is none.
 *
 * @example
 * ```ts
 * findExecutable('ffmpeg', process.env['PATH'] ?? '', process.cwd()); // '/usr/bin/ffmpeg' or undefined
 * ```
 */
export function findExecutable(command: string, searchPath: string, baseDir: string): string | undefined {
  if (command.includes('/')) {
    const path = isAbsolute(command) ? command : resolve(baseDir, command);
    return isExecutableFile(path) ? path : undefined;
  }
  for (const folder of searchPath.split(delimiter)) {
    if (folder === '') continue;
    const path = join(folder, command);
    if (isExecutableFile(path)) return path;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
