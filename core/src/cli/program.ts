import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { CliContext } from './cli-context.js';
import type { CliDependencies, CommandEnv } from './command-env.js';
import { registerDoctorCommand } from './commands/doctor-command.js';
import { registerLaunchCommand } from './commands/launch-command.js';
import { registerLifecycleCommands } from './commands/lifecycle-command.js';
import { registerNodeCommands } from './commands/node-command.js';
import { registerParamCommands } from './commands/param-command.js';
import { registerPluginCommands } from './commands/plugin-command.js';
import { registerRunCommand } from './commands/run-command.js';
import { registerTopicCommands } from './commands/topic-command.js';
import { coreVersion } from './package-info.js';
import { discoverCliCommands, registerExtensionCommands } from './cli-extensions.js';

/** The core package's folder: extensions installed next to the core are found from here too. */
const coreRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the `omnimind` commander program. Output goes to `ctx`; commander never exits the
 * process (it throws a `CommanderError` that {@link runCli} turns into an exit code).
 */
export function buildProgram(ctx: CliContext, deps: CliDependencies, setExitCode: (code: number) => void): Command {
  const env: CommandEnv = { ctx, deps, setExitCode };
  const program = new Command('omnimind');
  // Settings first: subcommands created with `.command()` inherit them.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    .description('OmniMind: start robot systems from launch files and inspect them while they run')
    .version(coreVersion(), '-V, --version', 'print the version of @omnimind/core')
    .helpCommand(true)
    .addHelpText(
      'after',
      `
Examples:
  $ omnimind launch launch/demo.launch.yaml
  $ omnimind topic echo heartbeat --once
  $ omnimind param set heartbeat rate_hz 5
  $ omnimind doctor

Exit codes: 0 ok, 1 runtime failure, 2 usage error, 3 launch/config validation failed,
4 no running system or endpoint unreachable, 5 operation rejected, 130 interrupted.`,
    );
  registerLaunchCommand(program, env);
  registerRunCommand(program, env);
  registerTopicCommands(program, env);
  registerParamCommands(program, env);
  registerNodeCommands(program, env);
  registerLifecycleCommands(program, env);
  registerPluginCommands(program, env);
  registerDoctorCommand(program, env);
  registerExtensionCommands(program, env, deps.extensionCommands ?? discoverCliCommands([ctx.cwd, coreRoot]));
  return program;
}
