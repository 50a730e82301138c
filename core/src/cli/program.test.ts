import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { TestCliContext } from '../../../test/support/cli-test-context.js';
import { coreVersion } from './package-info.js';
import { buildProgram } from './program.js';
import { runCli } from './run-cli.js';

function leafAndGroupCommands(command: Command, path: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const subPath = [...path, sub.name()];
    return [subPath, ...leafAndGroupCommands(sub, subPath)];
  });
}

describe('the omnimind program', () => {
  it('prints its version', async () => {
    const ctx = new TestCliContext();
    expect(await runCli(['--version'], ctx)).toBe(0);
    expect(ctx.stdoutText).toBe(`${coreVersion()}\n`);
  });

  it('prints help with every command, examples and the exit codes', async () => {
    const ctx = new TestCliContext();
    expect(await runCli(['--help'], ctx)).toBe(0);
    for (const name of ['launch', 'run', 'topic', 'param', 'node', 'lifecycle', 'plugin', 'doctor']) {
      expect(ctx.stdoutText).toMatch(new RegExp(`\\n  ${name} `));
    }
    expect(ctx.stdoutText).toContain('Examples:');
    expect(ctx.stdoutText).toContain('Exit codes: 0 ok, 1 runtime failure, 2 usage error');
  });

  it('has --help with examples on every command', async () => {
    const program = buildProgram(new TestCliContext(), {}, () => undefined);
    const commands = leafAndGroupCommands(program).filter((path) => path[path.length - 1] !== 'help');
    expect(commands.length).toBeGreaterThanOrEqual(20);
    for (const path of commands) {
      const ctx = new TestCliContext();
      expect(await runCli([...path, '--help'], ctx), path.join(' ')).toBe(0);
      expect(ctx.stdoutText, path.join(' ')).toMatch(/^Usage: omnimind /);
      expect(ctx.stdoutText, path.join(' ')).toContain('Examples:\n  $ omnimind ');
    }
  });

  it('lists the subcommands of topic, param, node, lifecycle and plugin', () => {
    const program = buildProgram(new TestCliContext(), {}, () => undefined);
    const names = leafAndGroupCommands(program).map((path) => path.join(' '));
    expect(names).toEqual(
      expect.arrayContaining([
        'topic list',
        'topic echo',
        'topic hz',
        'topic pub',
        'topic info',
        'param list',
        'param get',
        'param set',
        'param dump',
        'node list',
        'lifecycle get',
        'lifecycle set',
        'plugin list',
      ]),
    );
  });

  it('exits 2 on usage errors, with a suggestion', async () => {
    const cases: [string[], string][] = [
      [['lauch', 'x.yaml'], "error: unknown command 'lauch'\n(Did you mean launch?)"],
      [['topic', 'echo'], "error: missing required argument 'topic'"],
      [
        ['topic', 'echo', 'x', '--count', '0'],
        "option '--count <n>' argument '0' is invalid. expected an integer ≥ 1.",
      ],
      [['topic', 'hz', 'x', '--window', 'many'], "argument 'many' is invalid"],
      [['topic', 'pub', 'x', 'std_msgs/msg/String', '--rate', '0'], 'expected a number > 0.'],
      [['param', 'get', 'node'], "error: missing required argument 'name'"],
      [['node', 'list', '--instance', 'abc'], "argument 'abc' is invalid"],
      [['node', 'list', 'extra'], 'error: too many arguments'],
      [['topic', 'list', '--bogus'], "error: unknown option '--bogus'"],
      [
        ['topic', 'echo', 'bad name', '--once'],
        "error[OMNI_ERR_CLI_USAGE]: <topic>:1:1: invalid topic name 'bad name'",
      ],
    ];
    for (const [argv, expected] of cases) {
      const ctx = new TestCliContext({ env: { OMNIMIND_RUN_DIR: '/nonexistent/omnimind-run' } });
      expect(await runCli(argv, ctx), argv.join(' ')).toBe(2);
      expect(ctx.stderrText, argv.join(' ')).toContain(expected);
    }
  });

  it('shows the group help (exit 2) when a group is called without a subcommand', async () => {
    const ctx = new TestCliContext();
    expect(await runCli(['topic'], ctx)).toBe(2);
    expect(ctx.stderrText).toContain('Usage: omnimind topic [options] [command]');
  });
});
