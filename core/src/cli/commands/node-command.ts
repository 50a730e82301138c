import type { Command } from 'commander';
import { addClientOptions, withControlClient, type ClientOptions } from '../control-connection.js';
import { action, type CommandEnv } from '../command-env.js';
import { formatTable } from '../format-table.js';

interface ListOptions extends ClientOptions {
  readonly json?: boolean;
}

/** Registers `omnimind node list`. */
export function registerNodeCommands(program: Command, env: CommandEnv): void {
  const node = program
    .command('node')
    .description('inspect the nodes (plugin instances) of the running system')
    .addHelpText('after', '\nExamples:\n  $ omnimind node list');

  addClientOptions(
    node
      .command('list')
      .description('list nodes with their plugin, lifecycle state, restarts and errors')
      .option('--json', 'print the nodes as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ omnimind node list\n  $ omnimind node list --json')
    .action(
      action(env, async (options: ListOptions) =>
        withControlClient(env.ctx, options, async (client) => {
          const nodes = await client.nodes();
          if (options.json === true) {
            env.ctx.stdout.write(`${JSON.stringify(nodes, null, 2)}\n`);
            return;
          }
          const rows = nodes.map((n) => [
            n.name,
            n.state,
            `${n.pkg}/${n.plugin}`,
            n.version,
            String(n.restarts),
            String(n.errors),
            n.lastError ?? '',
          ]);
          env.ctx.stdout.write(
            formatTable(['NAME', 'STATE', 'PLUGIN', 'VERSION', 'RESTARTS', 'ERRORS', 'LAST ERROR'], rows),
          );
        }),
      ),
    );
}
