import type { Command } from 'commander';
import { addClientOptions, topicToRead, withControlClient, type ClientOptions } from '../control-connection.js';
import { action, type CommandEnv } from '../command-env.js';
import { formatTable } from '../format-table.js';
import { READ_TOPIC_HELP, registerTopicEchoCommand, registerTopicHzCommand } from './topic-stream-commands.js';
import { registerTopicPubCommand } from './topic-pub-command.js';

interface ListOptions extends ClientOptions {
  readonly showTypes?: boolean;
  readonly all?: boolean;
  readonly json?: boolean;
}

interface InfoOptions extends ClientOptions {
  readonly json?: boolean;
}

/** Registers `omnimind topic list|echo|hz|pub|info`. */
export function registerTopicCommands(program: Command, env: CommandEnv): void {
  const topic = program
    .command('topic')
    .description('inspect and publish on the topics of the running system')
    .addHelpText(
      'after',
      `
Examples:
  $ omnimind topic list -t
  $ omnimind topic echo heartbeat --once
  $ omnimind topic hz heartbeat
  $ omnimind topic pub /cmd_vel geometry_msgs/msg/Twist '{linear: {x: 0.2}}' --once
  $ omnimind topic info /heartbeat`,
    );

  addClientOptions(
    topic
      .command('list')
      .description('list the topics of the running system')
      .option('-t, --show-types', 'show the message type of each topic')
      .option('-a, --all', 'include hidden topics (a name part starting with _)')
      .option('--json', 'print the full topic descriptions as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ omnimind topic list\n  $ omnimind topic list -t --all')
    .action(
      action(env, async (options: ListOptions) =>
        withControlClient(env.ctx, options, async (client) => {
          const topics = (await client.topics(options.all === true)).sort((a, b) => a.name.localeCompare(b.name));
          if (options.json === true) {
            env.ctx.stdout.write(`${JSON.stringify(topics, null, 2)}\n`);
            return;
          }
          for (const info of topics) {
            env.ctx.stdout.write(options.showTypes === true ? `${info.name} [${info.type}]\n` : `${info.name}\n`);
          }
        }),
      ),
    );

  registerTopicEchoCommand(topic, env);
  registerTopicHzCommand(topic, env);
  registerTopicPubCommand(topic, env);

  addClientOptions(
    topic
      .command('info')
      .description('show the type, publishers, subscriptions and rate of a topic')
      .argument('<topic>', READ_TOPIC_HELP)
      .option('--json', 'print the description as JSON'),
  )
    .addHelpText('after', '\nExamples:\n  $ omnimind topic info heartbeat')
    .action(
      action(env, async (name: string, options: InfoOptions) =>
        withControlClient(env.ctx, options, async (client) => {
          const info = await client.topicInfo(await topicToRead(client, name));
          if (options.json === true) {
            env.ctx.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
            return;
          }
          const out = env.ctx.stdout;
          out.write(`Topic: ${info.name}\nType: ${info.type}\n`);
          out.write(`Messages: ${info.messageCount}  Rate: ${info.rateHz.toFixed(2)} Hz\n`);
          const endpoints = [...info.publishers, ...info.subscriptions].map((endpoint) => [
            endpoint.kind,
            endpoint.node,
            endpoint.qos.reliability,
            endpoint.qos.durability,
            `${endpoint.qos.history}(${endpoint.qos.depth})`,
          ]);
          out.write(`Publisher count: ${info.publishers.length}\nSubscription count: ${info.subscriptions.length}\n`);
          if (endpoints.length > 0) {
            out.write('\n');
            out.write(formatTable(['KIND', 'NODE', 'RELIABILITY', 'DURABILITY', 'HISTORY'], endpoints));
          }
        }),
      ),
    );
}
