import { Argument, type Command } from 'commander';
import type { LifecycleTransitionLabel } from '../../control/control-api.js';
import { addClientOptions, nodeArgument, withControlClient, type ClientOptions } from '../control-connection.js';
import { action, type CommandEnv } from '../command-env.js';

/** Transitions `omnimind lifecycle set` accepts. */
export const LIFECYCLE_TRANSITIONS: readonly LifecycleTransitionLabel[] = [
  'configure',
  'activate',
  'deactivate',
  'cleanup',
  'shutdown',
];

/** Registers `omnimind lifecycle get|set`. */
export function registerLifecycleCommands(program: Command, env: CommandEnv): void {
  const lifecycle = program
    .command('lifecycle')
    .description('read and drive the managed lifecycle of a node')
    .addHelpText(
      'after',
      `
States: unconfigured, inactive, active, finalized (and the transition states between them).

Examples:
  $ omnimind lifecycle get heartbeat
  $ omnimind lifecycle set heartbeat deactivate
  $ omnimind lifecycle set heartbeat activate`,
    );

  addClientOptions(
    lifecycle.command('get').description('print the lifecycle state of a node').argument('<node>', 'node name'),
  )
    .addHelpText('after', '\nExamples:\n  $ omnimind lifecycle get /demo/heartbeat')
    .action(
      action(env, async (node: string, options: ClientOptions) =>
        withControlClient(env.ctx, options, async (client) => {
          env.ctx.stdout.write(`${await client.lifecycleGet(await nodeArgument(client, node))}\n`);
        }),
      ),
    );

  addClientOptions(
    lifecycle
      .command('set')
      .description('request a lifecycle transition; exits 5 when it is not valid in the current state')
      .argument('<node>', 'node name')
      .addArgument(new Argument('<transition>', 'transition to request').choices(LIFECYCLE_TRANSITIONS)),
  )
    .addHelpText('after', '\nExamples:\n  $ omnimind lifecycle set heartbeat deactivate')
    .action(
      action(env, async (node: string, transition: LifecycleTransitionLabel, options: ClientOptions) =>
        withControlClient(env.ctx, options, async (client) => {
          const fullName = await nodeArgument(client, node);
          const state = await client.lifecycleSet(fullName, transition);
          env.ctx.stdout.write(`Transitioning successful: ${fullName} is ${state}\n`);
        }),
      ),
    );
}
