import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestCliContext } from '../../../test/support/cli-test-context.js';
import { discoverCliCommands } from './cli-extensions.js';
import { runCli } from './run-cli.js';

/** Makes a project folder with an installed package that adds the `greet` command. */
function projectWithExtension(moduleText: string): string {
  const root = mkdtempSync(join(tmpdir(), 'omnimind-ext-'));
  const pkg = join(root, 'node_modules', '@omnimind', 'greeter');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({
      name: '@omnimind/greeter',
      omnimind: {
        cli: { module: './cli.mjs', commands: { greet: 'Say hello', launch: 'Not allowed to replace a built-in' } },
      },
    }),
  );
  writeFileSync(join(pkg, 'cli.mjs'), moduleText);
  mkdirSync(join(root, 'app', 'deep'), { recursive: true });
  return root;
}

const greeter = `export const commands = [{
  name: 'greet',
  async run(args, ctx) {
    if (args.includes('--help')) { ctx.stdout.write('Usage: omnimind greet <name>\\n'); return 0; }
    if (args.length === 0) { ctx.stderr.write('greet: name required\\n'); return 2; }
    ctx.stdout.write('hello ' + args.join(' ') + '\\n');
    return 0;
  },
}];`;

describe('commands added by installed packages', () => {
  it('finds them from any folder below the project, without importing anything', () => {
    const root = projectWithExtension('throw new Error("must not be imported while discovering")');
    expect(discoverCliCommands([join(root, 'app', 'deep')])).toEqual([
      {
        name: 'greet',
        summary: 'Say hello',
        pkg: '@omnimind/greeter',
        module: join(root, 'node_modules/@omnimind/greeter/cli.mjs'),
      },
      expect.objectContaining({ name: 'launch' }),
    ]);
  });

  it('runs them with every argument passed through, and never replaces a built-in command', async () => {
    const root = projectWithExtension(greeter);
    const extensionCommands = discoverCliCommands([root]);
    const ctx = new TestCliContext();
    expect(await runCli(['greet', 'robot', '--loud'], ctx, { extensionCommands })).toBe(0);
    expect(ctx.stdoutText).toBe('hello robot --loud\n');

    const help = new TestCliContext();
    expect(await runCli(['greet', '--help'], help, { extensionCommands })).toBe(0);
    expect(help.stdoutText).toBe('Usage: omnimind greet <name>\n');

    const usage = new TestCliContext();
    expect(await runCli(['greet'], usage, { extensionCommands })).toBe(2);

    const list = new TestCliContext();
    await runCli(['--help'], list, { extensionCommands });
    expect(list.stdoutText).toContain('Say hello (from @omnimind/greeter)');
    expect(list.stdoutText).not.toContain('Not allowed');
  });

  it('says clearly when a package declares a command its module does not export', async () => {
    const root = projectWithExtension('export const commands = [];');
    const ctx = new TestCliContext();
    expect(await runCli(['greet', 'x'], ctx, { extensionCommands: discoverCliCommands([root]) })).toBe(1);
    expect(ctx.stderrText).toMatch(
      /error\[OMNI_ERR_CLI_EXTENSION\]: package '@omnimind\/greeter' declares the command 'greet'/,
    );
  });
});
