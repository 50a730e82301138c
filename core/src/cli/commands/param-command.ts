import type { Command } from 'commander';
import { stringify as toYaml } from 'yaml';
import { parseYamlValue } from '../argument-parsers.js';
import { addClientOptions, nodeArgument, withControlClient, type ClientOptions } from '../control-connection.js';
import { CLI_ERROR_CODES, OperationRejectedError } from '../cli-errors.js';
import { action, type CommandEnv } from '../command-env.js';
import { cellValue, formatTable } from '../format-table.js';

interface JsonOption extends ClientOptions {
  readonly json?: boolean;
}

/** Registers `omnimind param list|get|set|dump`. */
export function registerParamCommands(program: Command, env: CommandEnv): void {
  const param = program
    .command('param')
    .description('read and change the parameters of running nodes')
    .addHelpText(
      'after',
      `
Node names may be fully qualified (/demo/heartbeat) or a base name (heartbeat) that matches one node.

Examples:
  $ omnimind param list
  $ omnimind param get heartbeat rate_hz
  $ omnimind param set heartbeat rate_hz 5
  $ omnimind param dump /demo/heartbeat > heartbeat.params.yaml`,
    );

  addClientOptions(
    param
      .command('list')
      .description('list parameters with their type, value and where the value came from')
      .argument('[node]', 'only this node')
      .option('--json', 'print the entries as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ omnimind param list\n  $ omnimind param list heartbeat --json')
    .action(
      action(env, async (node: string | undefined, options: JsonOption) =>
        withControlClient(env.ctx, options, async (client) => {
          const entries = await client.paramList(node === undefined ? undefined : await nodeArgument(client, node));
          if (options.json === true) {
            env.ctx.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
            return;
          }
          const rows = entries.map((entry) => [
            entry.node,
            entry.name,
            entry.type,
            cellValue(entry.value),
            entry.readOnly ? `${entry.source} (read-only)` : entry.source,
          ]);
          env.ctx.stdout.write(formatTable(['NODE', 'NAME', 'TYPE', 'VALUE', 'SOURCE'], rows));
        }),
      ),
    );

  addClientOptions(
    param
      .command('get')
      .description('print the value of a parameter (as YAML)')
      .argument('<node>', 'node name')
      .argument('<name>', 'parameter name')
      .option('--json', 'print the whole entry (value, type, source, ...) as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ omnimind param get heartbeat rate_hz')
    .action(
      action(env, async (node: string, name: string, options: JsonOption) =>
        withControlClient(env.ctx, options, async (client) => {
          const entry = await client.paramGet(await nodeArgument(client, node), name);
          env.ctx.stdout.write(options.json === true ? `${JSON.stringify(entry, null, 2)}\n` : toYaml(entry.value));
        }),
      ),
    );

  addClientOptions(
    param
      .command('set')
      .description('change a parameter of a running node; exits 5 when the node rejects the value')
      .argument('<node>', 'node name')
      .argument('<name>', 'parameter name')
      .argument('<yaml-value>', 'new value as YAML: 5, true, hello, [1, 2], {x: 1}'),
  )
    .addHelpText(
      'after',
      "\nExamples:\n  $ omnimind param set heartbeat rate_hz 5\n  $ omnimind param set /demo/monitor topics '[a, b]'",
    )
    .action(
      action(env, async (node: string, name: string, text: string, options: ClientOptions) => {
        const value = parseYamlValue(text, '<yaml-value>');
        return withControlClient(env.ctx, options, async (client) => {
          const fullName = await nodeArgument(client, node);
          const result = await client.paramSet(fullName, name, value);
          if (!result.successful) {
            throw new OperationRejectedError(
              CLI_ERROR_CODES.rejected,
              `setting ${fullName} ${name} was rejected: ${result.reason || 'no reason given'}`,
              { details: { node: fullName, name, reason: result.reason } },
            );
          }
          env.ctx.stdout.write('Set parameter successful\n');
        });
      }),
    );

  addClientOptions(
    param
      .command('dump')
      .description('print parameters as a ROS 2 parameter file (YAML)')
      .argument('[node]', 'only this node'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ omnimind param dump > current.params.yaml\n  $ omnimind param dump heartbeat',
    )
    .action(
      action(env, async (node: string | undefined, options: ClientOptions) =>
        withControlClient(env.ctx, options, async (client) => {
          const dump = await client.paramDump(node === undefined ? undefined : await nodeArgument(client, node));
          env.ctx.stdout.write(toYaml(dump));
        }),
      ),
    );
}
