import { Option, type Command } from 'commander';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { OmniError } from '../../errors/omni-error.js';
import { parseLaunchArguments } from '../../launch/launch-arguments.js';
import {
  collect,
  nonNegativeNumber,
  parseControlAddress,
  parseParamOverride,
  type ControlAddress,
} from '../argument-parsers.js';
import { CliUsageError } from '../cli-errors.js';
import { action, loadRuntime, type CommandEnv } from '../command-env.js';
import { hostSystem } from '../system-host.js';

/** Log levels accepted by `--log-level`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** Options `launch` and `run` share. */
export interface HostingOptions {
  readonly duration?: number;
  readonly until?: number;
  readonly logLevel?: string;
  readonly control?: string;
}

/** Adds `--duration`, `--until`, `--log-level` and `--control` to a command that starts a system. */
export function addHostingOptions(command: Command): Command {
  return command
    .option('--duration <seconds>', 'stop after this many wall-clock seconds', nonNegativeNumber)
    .option('--until <seconds>', 'stop when the system clock (sim time when used) reaches this time', nonNegativeNumber)
    .addOption(new Option('--log-level <level>', 'log level of the running system').choices(LOG_LEVELS).default('info'))
    .option(
      '--control <address>',
      'where the control endpoint listens: a port, host:port, or a Unix socket path (default: 127.0.0.1, any free port)',
    );
}

/** Parses `--control` up front so that a typo fails before anything starts. */
export function controlAddressOf(options: HostingOptions): ControlAddress | undefined {
  return options.control === undefined ? undefined : parseControlAddress(options.control);
}

interface LaunchOptions extends HostingOptions {
  readonly param?: string[];
  readonly headless?: boolean;
}

/** Registers `omnimind launch <file> [name:=value ...]`. */
export function registerLaunchCommand(program: Command, env: CommandEnv): void {
  const command = program
    .command('launch')
    .description('start the plugins of a launch file and keep them running until Ctrl-C')
    .argument('<file>', 'launch file (*.launch.yaml)')
    .argument('[args...]', 'launch arguments as name:=value')
    .option('--param <[node:]name:=value>', 'override a parameter (repeatable); the value is YAML', collect, [])
    .option('--headless', 'no live terminal display: sets `headless: true` on every node that declares it (for CI)');
  addHostingOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ omnimind launch launch/demo.launch.yaml
  $ omnimind launch launch/demo.launch.yaml use_sim_time:=true --param heartbeat:rate_hz:=5
  $ omnimind launch robot.launch.yaml --duration 30 --control ./omnimind.sock
  $ omnimind launch launch/demo.launch.yaml --headless --duration 600

The ready line goes to stderr once every node is up. The first Ctrl-C shuts down in order
(exit 0); a second one exits at once (exit 130).`,
    )
    .action(
      action(env, async (file: string, args: string[], options: LaunchOptions) => {
        const startedAtMs = performance.now();
        const launchArgs = launchArgumentsOf(args);
        const paramOverrides = (options.param ?? []).map((text) => parseParamOverride(text, '--param'));
        if (options.headless === true) paramOverrides.push(parseParamOverride('headless:=true', '--headless'));
        const control = controlAddressOf(options);
        const absolute = resolve(env.ctx.cwd, file);
        return hostSystem(
          env,
          async () => {
            const startLaunch = env.deps.startLaunch ?? (await loadRuntime()).startLaunch;
            return startLaunch(absolute, {
              args: launchArgs,
              paramOverrides,
              cwd: env.ctx.cwd,
              ...(options.logLevel !== undefined ? { logLevel: options.logLevel } : {}),
              ...(env.ctx.logDestination !== undefined ? { logDestination: env.ctx.logDestination } : {}),
            });
          },
          {
            description: absolute,
            startedAtMs,
            ...(control !== undefined ? { control } : {}),
            ...(options.duration !== undefined ? { durationS: options.duration } : {}),
            ...(options.until !== undefined ? { untilS: options.until } : {}),
          },
        );
      }),
    );
}

function launchArgumentsOf(args: readonly string[]): Record<string, string> {
  try {
    return parseLaunchArguments(args);
  } catch (error) {
    // A malformed `name:=value` is a command-line mistake (exit 2), not a launch-file one.
    if (error instanceof OmniError) {
      throw new CliUsageError(error.code, error.message, undefined, { cause: error, details: { ...error.details } });
    }
    throw error;
  }
}
