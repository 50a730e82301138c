import { Option, type Command } from 'commander';
import { createControlClient, type ControlClient } from '../control/control-client.js';
import { resolveControlTarget } from '../control/instance-discovery.js';
import { joinNames, topicNameProblem } from '../names/topic-names.js';
import { positiveInteger } from './argument-parsers.js';
import type { CliContext } from './cli-context.js';
import { CLI_ERROR_CODES, CliUsageError } from './cli-errors.js';
import { EXIT_CODES } from './exit-codes.js';

/** Options every command that talks to a running system accepts. */
export interface ClientOptions {
  readonly instance?: number;
}

/** Adds `--instance <pid>` to a command that talks to a running system. */
export function addClientOptions(command: Command): Command {
  return command.addOption(
    new Option('--instance <pid>', 'which running system to talk to, when several run').argParser(positiveInteger),
  );
}

/** Finds the running system (see `--instance`), connects, runs `body`, and disconnects. */
export async function withControlClient<T>(
  ctx: CliContext,
  options: ClientOptions,
  body: (client: ControlClient) => Promise<T>,
): Promise<T> {
  const target = resolveControlTarget({
    env: ctx.env,
    ...(options.instance !== undefined ? { instance: options.instance } : {}),
  });
  const client = createControlClient(target);
  try {
    return await body(client);
  } finally {
    client.close();
  }
}

/**
 * A topic name typed on the command line, made absolute the way ROS 2 tools do (relative names
 * are relative to `/`).
 */
export function topicArgument(name: string): string {
  const absolute = joinNames('/', name);
  const problem = topicNameProblem(absolute);
  if (problem !== undefined) {
    throw new CliUsageError(CLI_ERROR_CODES.usage, `invalid topic name '${name}': ${problem}`, {
      file: '<topic>',
      line: 1,
      col: 1,
    });
  }
  return absolute;
}

/**
 * A topic to read from (echo, hz, info). An absolute name is used as is. A relative name is
 * relative to `/` as in ROS 2 tools; when no such topic exists but exactly one topic ends with
 * it (`heartbeat` → `/demo/heartbeat`), that one is used, and several matches are an error.
 */
export async function topicToRead(client: ControlClient, name: string): Promise<string> {
  const absolute = topicArgument(name);
  if (name.startsWith('/')) return absolute;
  const topics = await client.topics(true);
  if (topics.some((topic) => topic.name === absolute)) return absolute;
  const matches = topics.filter((topic) => topic.name.endsWith(absolute));
  if (matches.length === 1 && matches[0] !== undefined) return matches[0].name;
  if (matches.length > 1) {
    throw new CliUsageError(
      CLI_ERROR_CODES.usage,
      `topic name '${name}' is ambiguous; use one of: ${matches.map((topic) => topic.name).join(', ')}`,
      { file: '<topic>', line: 1, col: 1 },
    );
  }
  return absolute;
}

/**
 * A node name typed on the command line. A fully qualified name is used as is; a base name
 * (`heartbeat`) is looked up among the running nodes, and must match exactly one of them.
 */
export async function nodeArgument(client: ControlClient, name: string): Promise<string> {
  if (name.startsWith('/')) return name;
  const nodes = await client.nodes();
  const matches = nodes.filter((node) => node.name === `/${name}` || node.name.endsWith(`/${name}`));
  if (matches.length === 1 && matches[0] !== undefined) return matches[0].name;
  if (matches.length > 1) {
    throw new CliUsageError(
      CLI_ERROR_CODES.usage,
      `node name '${name}' is ambiguous; use one of: ${matches.map((node) => node.name).join(', ')}`,
      { file: '<node>', line: 1, col: 1 },
    );
  }
  return `/${name}`;
}

/**
 * Runs a streaming command until it finishes or the user presses Ctrl-C: the first SIGINT or
 * SIGTERM aborts `signal` (a normal end, exit 0), a second one exits at once with 130.
 */
export async function untilInterrupted<T>(ctx: CliContext, body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const remove = ctx.onSignal(() => {
    if (controller.signal.aborted) ctx.forceExit(EXIT_CODES.interrupted);
    else controller.abort();
  });
  try {
    return await body(controller.signal);
  } finally {
    remove();
  }
}
