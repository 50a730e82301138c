import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { OmniError } from '../errors/omni-error.js';
import type { CliContext } from './cli-context.js';
import { action, type CommandEnv } from './command-env.js';

/**
 * A command another package adds to `omnimind`, as `omnimind <name> ...` (the simulator adds
 * `sim`). It receives the raw arguments after its name, handles its own `--help`, and resolves
 * with the exit code.
 */
export interface CliCommandExtension {
  readonly name: string;
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

/** What the module named by a package's `omnimind.cli.module` exports. */
export interface CliExtensionModule {
  readonly commands: readonly CliCommandExtension[];
}

/** A command found in a package's manifest: `"omnimind": { "cli": { "module": ..., "commands": { name: summary } } }`. */
export interface DiscoveredCommand {
  readonly name: string;
  readonly summary: string;
  readonly pkg: string;
  /** Absolute path of the module exporting `commands`. */
  readonly module: string;
}

interface Manifest {
  name?: string;
  omnimind?: { cli?: { module?: string; commands?: Record<string, string> } };
}

/**
 * Finds the commands that installed `@omnimind/*` packages add, looking in every `node_modules`
 * from each start folder up to the root. Reads manifests only: nothing is imported until the
 * command runs. The first package to claim a name wins.
 */
export function discoverCliCommands(startDirs: readonly string[]): DiscoveredCommand[] {
  const found = new Map<string, DiscoveredCommand>();
  const seenDirs = new Set<string>();
  for (const start of startDirs) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const scope = join(dir, 'node_modules', '@omnimind');
      if (!seenDirs.has(scope) && existsSync(scope)) {
        seenDirs.add(scope);
        for (const entry of readdirSync(scope).sort()) collect(join(scope, entry), found);
      }
      if (dirname(dir) === dir) break;
    }
  }
  return [...found.values()];
}

function collect(packageDir: string, found: Map<string, DiscoveredCommand>): void {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return;
  }
  const cli = manifest.omnimind?.cli;
  if (!cli?.module || !cli.commands) return;
  for (const [name, summary] of Object.entries(cli.commands)) {
    if (!found.has(name))
      found.set(name, { name, summary, pkg: manifest.name ?? packageDir, module: join(packageDir, cli.module) });
  }
}

/**
 * Adds a proxy command for each discovered extension command whose name is free. The proxy
 * passes every argument (options included) through to the extension.
 */
export function registerExtensionCommands(
  program: Command,
  env: CommandEnv,
  commands: readonly DiscoveredCommand[],
): void {
  const taken = new Set(program.commands.map((c) => c.name()));
  for (const discovered of commands) {
    if (taken.has(discovered.name)) continue;
    taken.add(discovered.name);
    program
      .command(discovered.name)
      .description(`${discovered.summary} (from ${discovered.pkg})`)
      .helpOption(false)
      .allowUnknownOption(true)
      .allowExcessArguments(true)
      .argument('[args...]')
      .action(
        action(env, async (args: string[] = []) => {
          const module = (await import(pathToFileURL(discovered.module).href)) as Partial<CliExtensionModule>;
          const command = module.commands?.find((c) => c.name === discovered.name);
          if (!command) {
            throw new OmniError(
              'OMNI_ERR_CLI_EXTENSION',
              `package '${discovered.pkg}' declares the command '${discovered.name}' but its module ${discovered.module} does not export it in 'commands'`,
            );
          }
          return command.run(args, env.ctx);
        }),
      );
  }
}
