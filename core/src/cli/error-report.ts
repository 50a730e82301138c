import { OmniError } from '../errors/omni-error.js';
import type { CliContext } from './cli-context.js';

/**
 * Prints an error the way every command does: `error[CODE]: message` (a user input error's
 * message starts with `file:line:col`). The stack is added when `OMNIMIND_DEBUG` is set.
 */
export function reportError(ctx: CliContext, error: unknown): void {
  const debug = ctx.env['OMNIMIND_DEBUG'] !== undefined && ctx.env['OMNIMIND_DEBUG'] !== '';
  if (error instanceof OmniError) {
    ctx.stderr.write(`error[${error.code}]: ${error.message}\n`);
  } else {
    ctx.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  if (debug && error instanceof Error && error.stack !== undefined) ctx.stderr.write(`${error.stack}\n`);
}

/** One-line description of an unexpected failure, for warnings. */
export function describeFailure(error: unknown): string {
  if (error instanceof OmniError) return `[${error.code}] ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
