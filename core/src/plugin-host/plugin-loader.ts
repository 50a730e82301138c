import { createRequire } from 'node:module';
import { isAbsolute, resolve as resolvePath, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closest } from 'fastest-levenshtein';
import { UserInputError, type SourceLocation } from '../errors/omni-error.js';
import { isPluginDefinition, type DefinedPlugin } from './define-plugin.js';

/** The plugins one module (package or file) exports. */
export interface LoadedPluginModule {
  readonly pkg: string;
  readonly plugins: ReadonlyMap<string, DefinedPlugin>;
}

/** A plugin package or file that cannot be found or imported. */
export class PluginNotFoundError extends UserInputError {
  constructor(message: string, location: SourceLocation | undefined, cause?: unknown) {
    super('OMNI_ERR_PLUGIN_NOT_FOUND', message, location, { cause });
  }
}

/** A module that loads but has no plugin of the requested name. */
export class UnknownPluginError extends UserInputError {
  constructor(message: string, location: SourceLocation | undefined) {
    super('OMNI_ERR_UNKNOWN_PLUGIN', message, location);
  }
}

const isPathSpecifier = (pkg: string): boolean => pkg.startsWith('.') || isAbsolute(pkg);

/**
 * Imports the module a launch file names in `pkg`: a relative or absolute path to a module file,
 * or a package name resolved from `baseDir` (the launch file's folder) and then from the core.
 * Collects every plugin definition it exports: named exports, the default export, and a `plugins` array.
 */
export async function loadPluginModule(
  pkg: string,
  baseDir: string,
  location?: SourceLocation,
): Promise<LoadedPluginModule> {
  let module: Record<string, unknown>;
  try {
    if (isPathSpecifier(pkg)) {
      module = (await import(pathToFileURL(resolvePath(baseDir, pkg)).href)) as Record<string, unknown>;
    } else {
      module = await importPackage(pkg, baseDir);
    }
  } catch (error) {
    const missing = (error as { code?: string }).code;
    const why =
      missing === 'ERR_MODULE_NOT_FOUND' || missing === 'MODULE_NOT_FOUND'
        ? `cannot find plugin package '${pkg}' (install it with \`npm install ${pkg}\`, or give a relative path to a module)`
        : `cannot load plugin package '${pkg}': ${(error as Error).message}`;
    throw new PluginNotFoundError(why, location, error);
  }
  const plugins = new Map<string, DefinedPlugin>();
  const consider = (value: unknown): void => {
    if (isPluginDefinition(value)) plugins.set(value.name, value);
  };
  for (const value of Object.values(module)) {
    consider(value);
    if (Array.isArray(value)) value.forEach(consider);
  }
  const fallback = module['default'];
  if (fallback && typeof fallback === 'object' && !isPluginDefinition(fallback)) {
    for (const value of Object.values(fallback)) consider(value);
  }
  return { pkg, plugins };
}

/** Picks one plugin from a loaded module, with a did-you-mean when the name is wrong. */
export function pickPlugin(module: LoadedPluginModule, name: string, location?: SourceLocation): DefinedPlugin {
  const found = module.plugins.get(name);
  if (found) return found;
  const names = [...module.plugins.keys()];
  const suggestion = names.length > 0 ? closest(name, names) : undefined;
  throw new UnknownPluginError(
    `package '${module.pkg}' has no plugin '${name}'` +
      (suggestion ? `; did you mean '${suggestion}'?` : '') +
      ` Available: ${names.join(', ') || '(none)'}`,
    location,
  );
}

async function importPackage(pkg: string, baseDir: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pkg)) as Record<string, unknown>;
  } catch (firstError) {
    // Not resolvable from the core: try from the launch file's folder (a project's own node_modules).
    try {
      const resolved = createRequire(join(baseDir, 'noop.js')).resolve(pkg);
      return (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
    } catch {
      throw firstError;
    }
  }
}
