import { CommanderError } from 'commander';
import type { CliContext } from './cli-context.js';
import type { CliDependencies } from './command-env.js';
import { reportError } from './error-report.js';
import { EXIT_CODES, exitCodeForError } from './exit-codes.js';
import { buildProgram } from './program.js';

/**
 * Runs the `omnimind` command line `argv` (the arguments after the program name) and resolves
 * with the exit code; it never exits the process itself. Errors are printed to `ctx.stderr` as
 * `error[CODE]: message`.
 *
 * @example
 * const code = await runCli(['topic', 'list'], createNodeCliContext());
 */
export async function runCli(argv: readonly string[], ctx: CliContext, deps: CliDependencies = {}): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  const program = buildProgram(ctx, deps, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // Commander has already printed its own message (usage errors, help, version).
    if (!(error instanceof CommanderError)) reportError(ctx, error);
    return exitCodeForError(error);
  }
}
