import type { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseYamlValue, positiveInteger, positiveNumber } from '../argument-parsers.js';
import {
  addClientOptions,
  topicArgument,
  untilInterrupted,
  withControlClient,
  type ClientOptions,
} from '../control-connection.js';
import { action, type CommandEnv } from '../command-env.js';

interface PubOptions extends ClientOptions {
  readonly rate?: number;
  readonly times?: number;
  readonly once?: boolean;
}

/** Registers `omnimind topic pub <topic> <type> [yaml-message]`. */
export function registerTopicPubCommand(topic: Command, env: CommandEnv): void {
  addClientOptions(
    topic
      .command('pub')
      .description('publish a message on a topic, repeatedly at --rate until Ctrl-C, or --once / --times n')
      .argument('<topic>', 'topic name (relative names are relative to /)')
      .argument('<type>', 'message type, e.g. std_msgs/msg/String')
      .argument('[yaml-message]', 'the message as YAML; missing fields take their defaults', '{}')
      .option('--rate <hz>', 'publishing rate in Hz (wall clock)', positiveNumber, 1)
      .option('--times <n>', 'publish n times and exit', positiveInteger)
      .option('--once', 'publish once and exit'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ omnimind topic pub /chatter std_msgs/msg/String '{data: hello}' --once
  $ omnimind topic pub /cmd_vel geometry_msgs/msg/Twist '{linear: {x: 0.2}, angular: {z: 0.1}}' --rate 10 --times 20`,
    )
    .action(
      action(env, async (name: string, type: string, yamlMessage: string, options: PubOptions) => {
        const topicName = topicArgument(name);
        const message = parseYamlValue(yamlMessage, '<yaml-message>');
        const times = options.once === true ? 1 : options.times;
        const periodMs = 1000 / (options.rate ?? 1);
        return withControlClient(env.ctx, options, (client) =>
          untilInterrupted(env.ctx, async (signal) => {
            for (let count = 1; !signal.aborted; count += 1) {
              const started = Date.now();
              await client.publish(topicName, type, message);
              env.ctx.stdout.write(`publishing #${count}: ${JSON.stringify(message)}\n`);
              if (times !== undefined && count >= times) return;
              const wait = Math.max(0, periodMs - (Date.now() - started));
              try {
                await sleep(wait, undefined, { signal });
              } catch {
                return;
              }
            }
          }),
        );
      }),
    );
}
