import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { OmniError, UserInputError, type CliContext } from '@omnimind/core';
import { defaultWorkers } from './default-workers.js';
import { listScenariosCommand, listWorldsCommand } from './sim-list-commands.js';
import { simRunCommand, type SimRunOptions } from './sim-run-command.js';
import { SimUsageError } from './sim-usage-error.js';

function positiveInteger(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new InvalidArgumentError('expected a whole number ≥ 1.');
  return Number(text);
}

/**
 * Builds the `omnimind sim` command line. Output goes to `ctx`; commander never exits the process.
 * `record` receives the exit code of the subcommand that ran.
 */
export function buildSimProgram(ctx: CliContext, record: (code: number) => void): Command {
  const program = new Command('omnimind sim');
  program
    .exitOverride()
    .configureOutput({ writeOut: (text) => ctx.stdout.write(text), writeErr: (text) => ctx.stderr.write(text) })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    .description('run simulation scenarios: many seeds in parallel, with a summary and an HTML report')
    .helpCommand(false)
    .addHelpText(
      'after',
      `
Examples:
  $ omnimind sim run simulations/scenarios/empty-room-to-dock.yaml --seeds 1..50
  $ omnimind sim run office-kitchen-table --seeds 1,2,7 --workers 2 --out results/kitchen
  $ omnimind sim worlds
  $ omnimind sim scenarios

Exit codes: 0 every episode ran (whether or not it met its goal), 1 an episode could not run,
2 usage error, 3 bad scenario or world file.`,
    );

  program
    .command('run')
    .description('run one episode of a scenario per seed, in parallel worker threads')
    .argument('<scenario>', 'scenario file (.yaml), or the name of a shipped scenario')
    .option('--seeds <list>', 'seeds: ranges and lists such as 1..50, 1,2,7 or 1..3,10', '1..10')
    .option('--workers <n>', `worker threads (default: CPUs - 1 = ${defaultWorkers()})`, positiveInteger)
    .option('--out <dir>', 'output folder (default: ./sim-results/<scenario>-<timestamp>)')
    .option('--quiet', 'no progress bar: one line per finished episode')
    .option('--in-process', 'run the episodes one after another in this process, without worker threads')
    .option('--log-level <level>', "log level of the episodes' nodes", 'warn')
    .addHelpText(
      'after',
      `
Writes summary.json (every episode and the mean, median and p90 of each metric) and report.html
(the map with every trajectory, and a histogram per metric) into the output folder.

Examples:
  $ omnimind sim run simulations/scenarios/empty-room-to-dock.yaml
  $ omnimind sim run empty-room-to-dock --seeds 1..50 --workers 4
  $ omnimind sim run my-scenario.yaml --seeds 1,2,7 --out results/try1 --quiet`,
    )
    .action(async (scenario: string, options: SimRunOptions) => record(await simRunCommand(ctx, scenario, options)));

  program
    .command('worlds')
    .description('list the worlds shipped with the simulator')
    .addHelpText(
      'after',
      `
Examples:
  $ omnimind sim worlds`,
    )
    .action(() => record(listWorldsCommand(ctx)));

  program
    .command('scenarios')
    .description('list the scenarios shipped with the simulator')
    .addHelpText(
      'after',
      `
Examples:
  $ omnimind sim scenarios`,
    )
    .action(() => record(listScenariosCommand(ctx)));
  return program;
}

/**
 * Runs `omnimind sim <args>` and resolves with the exit code; errors are printed as
 * `error[CODE]: message`.
 */
export async function runSim(args: readonly string[], ctx: CliContext): Promise<number> {
  let code = 0;
  const program = buildSimProgram(ctx, (c) => (code = c));
  try {
    await program.parseAsync([...args], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof OmniError) ctx.stderr.write(`error[${error.code}]: ${error.message}\n`);
    else ctx.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof SimUsageError) return 2;
    return error instanceof UserInputError ? 3 : 1;
  }
}
