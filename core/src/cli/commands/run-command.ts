import type { Command } from 'commander';
import { performance } from 'node:perf_hooks';
import { collect, parseParamOverride, parseRemap } from '../argument-parsers.js';
import { action, loadRuntime, type CommandEnv } from '../command-env.js';
import { hostSystem } from '../system-host.js';
import { addHostingOptions, controlAddressOf, type HostingOptions } from './launch-command.js';

interface RunOptions extends HostingOptions {
  readonly name?: string;
  readonly namespace?: string;
  readonly param?: string[];
  readonly remap?: string[];
}

/** Registers `omnimind run <pkg> <plugin>`: one plugin instance, without a launch file. */
export function registerRunCommand(program: Command, env: CommandEnv): void {
  const command = program
    .command('run')
    .description('start a single plugin instance and keep it running until Ctrl-C')
    .argument('<pkg>', 'package that provides the plugin, e.g. @omnimind/plugin-examples')
    .argument('<plugin>', 'plugin name within the package, e.g. heartbeat')
    .option('--name <name>', 'node name (default: the plugin name)')
    .option('--namespace <ns>', 'namespace of the node (default: /)')
    .option('-p, --param <name:=value>', 'set a parameter (repeatable); the value is YAML', collect, [])
    .option('-r, --remap <from:=to>', 'remap a topic, service or action name (repeatable)', collect, []);
  addHostingOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ omnimind run @omnimind/plugin-examples heartbeat
  $ omnimind run @omnimind/plugin-examples heartbeat --name beat --namespace /robot -p rate_hz:=10
  $ omnimind run @omnimind/plugin-examples monitor -r heartbeat:=/robot/heartbeat --duration 5`,
    )
    .action(
      action(env, async (pkg: string, plugin: string, options: RunOptions) => {
        const startedAtMs = performance.now();
        const paramOverrides = (options.param ?? []).map((text) => parseParamOverride(text, '--param'));
        const remaps = (options.remap ?? []).map(parseRemap);
        const control = controlAddressOf(options);
        return hostSystem(
          env,
          async () => {
            const startSinglePlugin = env.deps.startSinglePlugin ?? (await loadRuntime()).startSinglePlugin;
            return startSinglePlugin(pkg, plugin, {
              paramOverrides,
              remaps,
              cwd: env.ctx.cwd,
              ...(options.name !== undefined ? { name: options.name } : {}),
              ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
              ...(options.logLevel !== undefined ? { logLevel: options.logLevel } : {}),
              ...(env.ctx.logDestination !== undefined ? { logDestination: env.ctx.logDestination } : {}),
            });
          },
          {
            description: `run ${pkg} ${plugin}`,
            startedAtMs,
            ...(control !== undefined ? { control } : {}),
            ...(options.duration !== undefined ? { durationS: options.duration } : {}),
            ...(options.until !== undefined ? { untilS: options.until } : {}),
          },
        );
      }),
    );
}
