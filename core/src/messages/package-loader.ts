import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { MessageDefinitionError } from './message-errors.js';
import type { MessageRegistry } from './message-registry.js';
import { isValidPackageName } from './type-names.js';
import type { InterfaceKind } from './type-names.js';

const KINDS: readonly InterfaceKind[] = ['msg', 'srv', 'action'];

/**
 * Registers the interface files of one ROS package folder, or of every package folder directly
 * inside `dir`, into `registry`; see {@link MessageRegistry.loadPackageDir}.
 *
 * @returns the canonical names registered (messages, services and actions), sorted
 * @throws MessageDefinitionError for a missing folder, a bad package name, a malformed file or a
 *   field type that no registered package defines
 */
export function loadPackageDir(registry: MessageRegistry, dir: string): string[] {
  if (!isDirectory(dir)) {
    throw new MessageDefinitionError(`no such folder '${dir}'; expected a ROS package with msg/, srv/ or action/`);
  }
  const packages = isPackageDir(dir)
    ? [dir]
    : readdirSync(dir)
        .sort()
        .map((entry) => join(dir, entry))
        .filter(isPackageDir);
  if (packages.length === 0) {
    throw new MessageDefinitionError(`'${dir}' holds no ROS package: expected msg/, srv/ or action/ folders`);
  }

  const interfaces: string[] = [];
  const messages: string[] = [];
  for (const packageDir of packages) {
    const pkg = packageName(packageDir);
    for (const kind of KINDS) {
      const kindDir = join(packageDir, kind);
      if (!isDirectory(kindDir)) continue;
      const files = readdirSync(kindDir)
        .filter((file) => extname(file) === `.${kind}`)
        .sort();
      for (const file of files) {
        const path = join(kindDir, file);
        const type = `${pkg}/${kind}/${basename(file, `.${kind}`)}`;
        messages.push(...registry.register(type, readFileSync(path, 'utf8'), { source: path }));
        interfaces.push(type);
      }
    }
  }
  registry.check(messages);
  return interfaces.sort();
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function isPackageDir(dir: string): boolean {
  return KINDS.some((kind) => isDirectory(join(dir, kind)));
}

// package.xml is authoritative in ROS; the folder name is the convention when it is absent.
function packageName(packageDir: string): string {
  const manifest = join(packageDir, 'package.xml');
  let name = basename(packageDir);
  let location: { file: string; line: number; col: number } | undefined;
  if (existsSync(manifest)) {
    const xml = readFileSync(manifest, 'utf8');
    const match = /<name>\s*([^<]*?)\s*<\/name>/.exec(xml);
    if (match?.[1]) {
      name = match[1];
      const before = xml.slice(0, match.index);
      const line = before.split('\n').length;
      location = { file: manifest, line, col: match.index - before.lastIndexOf('\n') };
    }
  }
  if (!isValidPackageName(name)) {
    throw new MessageDefinitionError(
      `'${name}' is not a valid ROS package name (lower-case letters, digits and underscores, starting with a letter)`,
      location ?? { file: packageDir, line: 1, col: 1 },
    );
  }
  return name;
}
