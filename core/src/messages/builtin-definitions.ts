import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageRegistry } from './message-registry.js';

/** Where the built-in definitions live. */
export interface BuiltinDefinitionDirs {
  /** The ROS 2 Jazzy definitions of `@foxglove/rosmsg-msgs-common` (`<pkg>/msg/<Type>.msg`). */
  readonly common: string;
  /** Our own packages (`core/msg/<pkg>/{msg,srv,action}`). */
  readonly own: string;
}

/** The name under which the common definitions are reported (never a machine path). */
const COMMON_LABEL = '@foxglove/rosmsg-msgs-common/msgdefs/ros2jazzy';

/** Locates the built-in definition folders, from the sources or the compiled package alike. */
export function builtinDefinitionDirs(): BuiltinDefinitionDirs {
  const require = createRequire(import.meta.url);
  const commonPackage = dirname(require.resolve('@foxglove/rosmsg-msgs-common/package.json'));
  return {
    common: join(commonPackage, 'msgdefs', 'ros2jazzy'),
    // Both src/messages and dist/messages sit two levels below the package root.
    own: fileURLToPath(new URL('../../msg', import.meta.url)),
  };
}

/**
 * Registers every built-in definition into `registry`: the common ROS 2 packages first, then our
 * own packages (which may add services to a common package, such as `lifecycle_msgs/srv`).
 */
export function loadBuiltinDefinitions(registry: MessageRegistry, dirs = builtinDefinitionDirs()): void {
  for (const pkg of readdirSync(dirs.common).sort()) {
    const msgDir = join(dirs.common, pkg, 'msg');
    for (const file of readdirSync(msgDir).sort()) {
      if (!file.endsWith('.msg')) continue;
      // Each file holds the type followed by its dependencies; only the first section is its own.
      const text = readFileSync(join(msgDir, file), 'utf8').split(/^={10,}\s*$/m)[0] ?? '';
      registry.register(`${pkg}/msg/${basename(file, '.msg')}`, text, { source: `${COMMON_LABEL}/${pkg}/msg/${file}` });
    }
  }
  registry.loadPackageDir(dirs.own);
  registry.check();
}
