import type { Command } from 'commander';
import { addClientOptions, withControlClient, type ClientOptions } from '../control-connection.js';
import { action, type CommandEnv } from '../command-env.js';
import { formatTable } from '../format-table.js';

interface ListOptions extends ClientOptions {
  readonly json?: boolean;
}

/** Registers `omnimind plugin list`. */
export function registerPluginCommands(program: Command, env: CommandEnv): void {
  const plugin = program
    .command('plugin')
    .description('inspect the plugins known to the running system')
    .addHelpText('after', '\nExamples:\n  $ omnimind plugin list');

  addClientOptions(
    plugin
      .command('list')
      .description('list plugins with their package, version, and running instances')
      .option('--json', 'print the plugins as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ omnimind plugin list\n  $ omnimind plugin list --json')
    .action(
      action(env, async (options: ListOptions) =>
        withControlClient(env.ctx, options, async (client) => {
          const plugins = await client.plugins();
          if (options.json === true) {
            env.ctx.stdout.write(`${JSON.stringify(plugins, null, 2)}\n`);
            return;
          }
          const rows = plugins.map((p) => [
            p.pkg,
            p.name,
            p.version,
            p.coreRange,
            p.instances.join(', '),
            p.description,
          ]);
          env.ctx.stdout.write(formatTable(['PACKAGE', 'PLUGIN', 'VERSION', 'CORE', 'INSTANCES', 'DESCRIPTION'], rows));
        }),
      ),
    );
}
