import type { Command } from 'commander';
import { stringify as toYaml } from 'yaml';
import type { ControlClient } from '../../control/control-client.js';
import type { EchoedMessage } from '../../control/control-api.js';
import { positiveInteger } from '../argument-parsers.js';
import {
  addClientOptions,
  topicArgument,
  topicToRead,
  untilInterrupted,
  withControlClient,
  type ClientOptions,
} from '../control-connection.js';
import { CLI_ERROR_CODES, StreamEndedError } from '../cli-errors.js';
import { action, type CommandEnv } from '../command-env.js';
import { formatHzStats, HzMeter } from '../hz-meter.js';

/** Help of the topic argument of commands that read a topic. */
export const READ_TOPIC_HELP =
  'topic name; a relative name that is the end of exactly one topic completes to it (heartbeat → /demo/heartbeat)';

interface EchoOptions extends ClientOptions {
  readonly once?: boolean;
  readonly count?: number;
  readonly json?: boolean;
}

interface HzOptions extends ClientOptions {
  readonly window?: number;
  readonly count?: number;
}

/** Registers `omnimind topic echo <topic>`. */
export function registerTopicEchoCommand(topic: Command, env: CommandEnv): void {
  addClientOptions(
    topic
      .command('echo')
      .description('print the messages of a topic as they arrive (until Ctrl-C)')
      .argument('<topic>', READ_TOPIC_HELP)
      .option('--once', 'print one message and exit')
      .option('--count <n>', 'print n messages and exit', positiveInteger)
      .option(
        '--json',
        'one JSON object per line with the envelope (topic, type, seq, publisher, publishTime, message)',
      ),
  )
    .addHelpText(
      'after',
      `
Messages print as YAML documents separated by '---'; bigints appear as strings, typed arrays as lists.

Examples:
  $ omnimind topic echo heartbeat --once
  $ omnimind topic echo /scan --count 10 --json | jq .message.ranges`,
    )
    .action(
      action(env, async (name: string, options: EchoOptions) => {
        // Checked before connecting: a malformed name is a usage error even when nothing runs.
        topicArgument(name);
        const limit = options.once === true ? 1 : options.count;
        return withControlClient(env.ctx, options, async (client) => {
          const topicName = await topicToRead(client, name);
          return untilInterrupted(env.ctx, async (signal) => {
            let printed = 0;
            for await (const message of client.echo(topicName, { signal })) {
              env.ctx.stdout.write(
                options.json === true ? `${JSON.stringify(message)}\n` : `${toYaml(message.message)}---\n`,
              );
              printed += 1;
              if (limit !== undefined && printed >= limit) return;
            }
            if (!signal.aborted) throw streamEnded(topicName);
          });
        });
      }),
    );
}

/** Registers `omnimind topic hz <topic>`. */
export function registerTopicHzCommand(topic: Command, env: CommandEnv): void {
  addClientOptions(
    topic
      .command('hz')
      .description('print the publish rate of a topic once a second (until Ctrl-C)')
      .argument('<topic>', READ_TOPIC_HELP)
      .option('--window <n>', 'number of intervals the statistics cover', positiveInteger, 10_000)
      .option('--count <n>', 'print n reports and exit', positiveInteger),
  )
    .addHelpText(
      'after',
      `
The rate is measured on message stamps, so it is in the system's clock (sim time when used).

Examples:
  $ omnimind topic hz heartbeat
  $ omnimind topic hz /scan --window 50 --count 5`,
    )
    .action(
      action(env, async (name: string, options: HzOptions) => {
        // Checked before connecting: a malformed name is a usage error even when nothing runs.
        topicArgument(name);
        return withControlClient(env.ctx, options, async (client) => {
          const topicName = await topicToRead(client, name);
          return untilInterrupted(env.ctx, (signal) => measureRate(env, client, topicName, options, signal));
        });
      }),
    );
}

async function measureRate(
  env: CommandEnv,
  client: ControlClient,
  topicName: string,
  options: HzOptions,
  outer: AbortSignal,
): Promise<void> {
  const meter = new HzMeter(options.window ?? 10_000);
  const stop = new AbortController();
  const onOuterAbort = (): void => stop.abort();
  outer.addEventListener('abort', onOuterAbort, { once: true });
  let reports = 0;
  let lastTotal = 0;
  const reporter = setInterval(() => {
    const stats = meter.stats();
    if (stats === undefined || meter.total === lastTotal) env.ctx.stdout.write('no new messages\n');
    else env.ctx.stdout.write(formatHzStats(stats));
    lastTotal = meter.total;
    reports += 1;
    if (options.count !== undefined && reports >= options.count) stop.abort();
  }, 1000);
  try {
    for await (const message of client.echo(topicName, { signal: stop.signal })) {
      meter.add(stampMs(message));
    }
    if (!stop.signal.aborted) throw streamEnded(topicName);
  } finally {
    clearInterval(reporter);
    outer.removeEventListener('abort', onOuterAbort);
  }
}

function stampMs(message: EchoedMessage): number {
  return message.publishTime.sec * 1000 + message.publishTime.nanosec / 1e6;
}

function streamEnded(topicName: string): StreamEndedError {
  return new StreamEndedError(
    CLI_ERROR_CODES.streamEnded,
    `the running system closed the stream of ${topicName} (it is shutting down)`,
  );
}
