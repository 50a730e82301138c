import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixtureSystem, ManualClock } from '../../../test/support/control-api-fixture.js';
import { TestCliContext, waitFor } from '../../../test/support/cli-test-context.js';
import { UserInputError } from '../errors/omni-error.js';
import { readRuntimeFile } from '../control/runtime-file.js';
import type { StartOptions } from '../runtime/runtime-types.js';
import type { CliDependencies, SinglePluginStartOptions } from './command-env.js';
import { runCli } from './run-cli.js';

describe('omnimind launch and run', () => {
  let runDir: string;
  let system: FixtureSystem;
  let clock: ManualClock;
  let launches: { file: string; options: StartOptions }[];
  let singles: { pkg: string; plugin: string; options: SinglePluginStartOptions }[];
  let deps: CliDependencies;

  beforeEach(() => {
    runDir = mkdtempSync(join(tmpdir(), 'omnimind-launch-'));
    clock = new ManualClock();
    system = new FixtureSystem(clock);
    launches = [];
    singles = [];
    deps = {
      startLaunch: async (file, options) => {
        launches.push({ file, options });
        return system;
      },
      startSinglePlugin: async (pkg, plugin, options) => {
        singles.push({ pkg, plugin, options });
        return system;
      },
    };
  });

  afterEach(() => {
    rmSync(runDir, { recursive: true, force: true });
  });

  function context(env: Record<string, string> = {}): TestCliContext {
    return new TestCliContext({ env: { OMNIMIND_RUN_DIR: runDir, ...env }, cwd: '/robots/demo' });
  }

  function runtimeFiles(): string[] {
    return existsSync(runDir) ? readdirSync(runDir) : [];
  }

  it('starts the launch file, serves control, and shuts down in order on the first Ctrl-C', async () => {
    const ctx = context();
    const running = runCli(
      [
        'launch',
        'launch/demo.launch.yaml',
        'use_sim_time:=true',
        'robot:=r2',
        '--param',
        'heartbeat:rate_hz:=5',
        '--param',
        'frame_id:=base_link',
        '--log-level',
        'debug',
      ],
      ctx,
      deps,
    );
    await waitFor(() => ctx.stderrText.includes('ready'));
    expect(launches).toHaveLength(1);
    expect(launches[0]?.file).toBe('/robots/demo/launch/demo.launch.yaml');
    expect(launches[0]?.options).toMatchObject({
      args: { use_sim_time: 'true', robot: 'r2' },
      paramOverrides: [
        { node: 'heartbeat', name: 'rate_hz', value: 5 },
        { node: undefined, name: 'frame_id', value: 'base_link' },
      ],
      cwd: '/robots/demo',
      logLevel: 'debug',
    });
    expect(ctx.stderrText).toMatch(
      new RegExp(
        `^omnimind: ready: 2 active nodes in \\d+ ms \\(pid ${process.pid}, control http://127\\.0\\.0\\.1:\\d+\\)\\n$`,
      ),
    );

    const file = join(runDir, `${process.pid}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readRuntimeFile(file)).toMatchObject({
      pid: process.pid,
      launchFile: '/robots/demo/launch/demo.launch.yaml',
      startedAt: system.control.startedAt,
    });
    const client = new TestCliContext({ env: { OMNIMIND_RUN_DIR: runDir } });
    expect(await runCli(['lifecycle', 'get', 'heartbeat'], client)).toBe(0);
    expect(client.stdoutText).toBe('active\n');
    expect(ctx.guards.size).toBe(1);
    expect(ctx.exitHooks.size).toBe(1);

    ctx.signal('SIGINT');
    expect(await running).toBe(0);
    expect(system.shutdownCalls).toBeGreaterThanOrEqual(1);
    expect(system.control.lifecycleGet('/demo/heartbeat')).toBe('finalized');
    expect(runtimeFiles()).toEqual([]);
    expect(ctx.guards.size).toBe(0);
    expect(ctx.signalHandlers.size).toBe(0);
    expect(ctx.exitHooks.size).toBe(0);
    expect(ctx.forcedExits).toEqual([]);
    expect(ctx.stderrText).toContain('omnimind: SIGINT received, shutting down');
    expect(ctx.stderrText).toMatch(/omnimind: stopped\n$/);
  });

  it('exits at once with 130 on a second signal, and the exit hook removes the runtime file', async () => {
    const ctx = context();
    let finishShutdown: (() => void) | undefined;
    system.shutdown = () => new Promise<void>((resolve) => (finishShutdown = resolve));
    const running = runCli(['launch', 'demo.launch.yaml'], ctx, deps);
    await waitFor(() => ctx.stderrText.includes('ready'));
    ctx.signal('SIGTERM');
    ctx.signal('SIGTERM');
    expect(ctx.forcedExits).toEqual([130]);
    expect(ctx.stderrText).toContain('omnimind: SIGTERM received again, exiting without finishing the shutdown\n');
    for (const hook of ctx.exitHooks) hook();
    expect(runtimeFiles()).toEqual([]);
    // The real process would be gone; let the in-process run finish so the test leaves nothing open.
    await waitFor(() => finishShutdown !== undefined);
    finishShutdown?.();
    expect(await running).toBe(0);
  });

  it('keeps running when plugin code throws outside any handler', async () => {
    const ctx = context();
    const running = runCli(['launch', 'demo.launch.yaml'], ctx, deps);
    await waitFor(() => ctx.stderrText.includes('ready'));
    ctx.failUncaught('uncaughtException', new TypeError('plugin exploded'));
    ctx.failUncaught('unhandledRejection', 'just a string');
    expect(ctx.stderrText).toContain(
      'omnimind: uncaughtException caught and kept running: TypeError: plugin exploded\n',
    );
    expect(ctx.stderrText).toContain('omnimind: unhandledRejection caught and kept running: just a string\n');
    expect(runtimeFiles()).toEqual([`${process.pid}.json`]);
    ctx.signal();
    expect(await running).toBe(0);
  });

  it('stops after --duration wall-clock seconds', async () => {
    const ctx = context();
    const started = Date.now();
    expect(await runCli(['launch', 'demo.launch.yaml', '--duration', '0.2'], ctx, deps)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(ctx.stderrText).toContain('omnimind: --duration 0.2 s elapsed, shutting down\n');
    expect(runtimeFiles()).toEqual([]);
  });

  it('--headless sets headless: true on every node that declares it', async () => {
    const ctx = context();
    expect(await runCli(['launch', 'demo.launch.yaml', '--headless', '--duration', '0'], ctx, deps)).toBe(0);
    expect(launches[0]?.options.paramOverrides).toEqual([{ name: 'headless', value: true }]);
  });

  it('stops when the system clock reaches --until', async () => {
    const ctx = context();
    const running = runCli(['launch', 'demo.launch.yaml', '--until', '5'], ctx, deps);
    await waitFor(() => ctx.stderrText.includes('ready'));
    clock.advanceTo(4999);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(system.shutdownCalls).toBe(0);
    clock.advanceTo(5000);
    expect(await running).toBe(0);
    expect(ctx.stderrText).toContain('omnimind: clock reached 5 s (--until), shutting down\n');
  });

  it('exits 0 when the system is shut down through the control endpoint', async () => {
    const ctx = context();
    const running = runCli(['launch', 'demo.launch.yaml'], ctx, deps);
    await waitFor(() => ctx.stderrText.includes('ready'));
    const { createControlClient } = await import('../control/control-client.js');
    const { resolveControlTarget } = await import('../control/instance-discovery.js');
    const client = createControlClient(resolveControlTarget({ runDir, env: {} }));
    await client.shutdown();
    client.close();
    expect(await running).toBe(0);
    expect(ctx.stderrText).toContain('omnimind: the system shut down\n');
    expect(runtimeFiles()).toEqual([]);
  });

  it('prints a launch validation error with its location and exits 3, leaving nothing behind', async () => {
    const ctx = context();
    const failing: CliDependencies = {
      startLaunch: async () => {
        throw new UserInputError('OMNI_ERR_LAUNCH_UNKNOWN_KEY', "unknown key 'plugn' (did you mean 'plugin'?)", {
          file: '/robots/demo/bad.launch.yaml',
          line: 4,
          col: 7,
        });
      },
    };
    expect(await runCli(['launch', 'bad.launch.yaml'], ctx, failing)).toBe(3);
    expect(ctx.stderrText).toBe(
      "error[OMNI_ERR_LAUNCH_UNKNOWN_KEY]: /robots/demo/bad.launch.yaml:4:7: unknown key 'plugn' (did you mean 'plugin'?)\n",
    );
    expect(runtimeFiles()).toEqual([]);
    expect(ctx.guards.size).toBe(0);
    expect(ctx.signalHandlers.size).toBe(0);
  });

  it('shuts the system down again (exit 1) when the runtime file cannot be written', async () => {
    const blocker = join(runDir, 'blocker');
    writeFileSync(blocker, '');
    const ctx = new TestCliContext({ env: { OMNIMIND_RUN_DIR: join(blocker, 'run') } });
    expect(await runCli(['launch', 'demo.launch.yaml'], ctx, deps)).toBe(1);
    expect(ctx.stderrText).toMatch(/^error: ENOTDIR/);
    expect(system.shutdownCalls).toBe(1);
    expect(ctx.exitHooks.size).toBe(0);
  });

  it('exits 1 when the start fails at run time', async () => {
    const ctx = context();
    const failing: CliDependencies = {
      startLaunch: async () => {
        throw new Error('plugin heartbeat failed to activate');
      },
    };
    expect(await runCli(['launch', 'demo.launch.yaml'], ctx, failing)).toBe(1);
    expect(ctx.stderrText).toBe('error: plugin heartbeat failed to activate\n');
  });

  it('refuses malformed arguments with exit 2 before starting anything', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['launch', 'demo.launch.yaml', 'oops'],
        /^error\[OMNI_ERR_LAUNCH_ARGUMENT_SYNTAX\]: malformed launch argument 'oops'/,
      ],
      [
        ['launch', 'demo.launch.yaml', '--param', 'rate_hz=5'],
        /^error\[OMNI_ERR_CLI_USAGE\]: <--param>:1:10: malformed --param/,
      ],
      [['launch', 'demo.launch.yaml', '--param', 'a:b c:=1'], /parameter name 'b c'/],
      [['launch', 'demo.launch.yaml', '--control', 'not an address'], /malformed --control/],
      [['launch', 'demo.launch.yaml', '--control', '0.0.0.0:7000'], /set OMNIMIND_CONTROL_TOKEN/],
      [['launch', 'demo.launch.yaml', '--duration', '-1'], /option '--duration <seconds>' argument '-1' is invalid/],
      [['launch', 'demo.launch.yaml', '--log-level', 'loud'], /Allowed choices are trace, debug/],
      [['launch'], /missing required argument 'file'/],
      [['run', '@omnimind/plugin-examples', 'heartbeat', '-r', 'chatter'], /malformed --remap 'chatter'/],
    ];
    for (const [argv, expected] of cases) {
      const ctx = context();
      expect(await runCli(argv, ctx, deps), argv.join(' ')).toBe(2);
      expect(ctx.stderrText, argv.join(' ')).toMatch(expected);
    }
    expect(launches).toEqual([]);
    expect(singles).toEqual([]);
  });

  it('serves control on a Unix socket given with --control', async () => {
    const ctx = context();
    const socketPath = join(runDir, 'control.sock');
    const running = runCli(['launch', 'demo.launch.yaml', '--control', socketPath], ctx, deps);
    await waitFor(() => ctx.stderrText.includes('ready'));
    expect(ctx.stderrText).toContain(`control unix:${socketPath})`);
    expect(readRuntimeFile(join(runDir, `${process.pid}.json`))).toMatchObject({ socketPath });
    const client = new TestCliContext({ env: { OMNIMIND_RUN_DIR: runDir } });
    expect(await runCli(['node', 'list', '--json'], client)).toBe(0);
    expect(JSON.parse(client.stdoutText)).toHaveLength(2);
    ctx.signal();
    expect(await running).toBe(0);
    expect(existsSync(socketPath)).toBe(false);
  });

  it('binds a non-loopback --control only with OMNIMIND_CONTROL_TOKEN, and uses that token', async () => {
    const token = 'a-shared-secret-for-remote-control';
    const ctx = context({ OMNIMIND_CONTROL_TOKEN: token });
    const running = runCli(['launch', 'demo.launch.yaml', '--control', '127.0.0.1:0'], ctx, deps);
    await waitFor(() => ctx.stderrText.includes('ready'));
    expect(readRuntimeFile(join(runDir, `${process.pid}.json`))?.token).toBe(token);
    ctx.signal();
    expect(await running).toBe(0);
  });

  it('runs a single plugin with its name, namespace, parameters and remaps', async () => {
    const ctx = context();
    const running = runCli(
      [
        'run',
        '@omnimind/plugin-examples',
        'heartbeat',
        '--name',
        'beat',
        '--namespace',
        '/robot',
        '-p',
        'rate_hz:=10',
        '-p',
        'tags:=[a, b]',
        '-r',
        'heartbeat:=/robot/pulse',
        '--duration',
        '0.05',
      ],
      ctx,
      deps,
    );
    expect(await running).toBe(0);
    expect(singles).toHaveLength(1);
    expect(singles[0]).toMatchObject({
      pkg: '@omnimind/plugin-examples',
      plugin: 'heartbeat',
      options: {
        name: 'beat',
        namespace: '/robot',
        paramOverrides: [
          { node: undefined, name: 'rate_hz', value: 10 },
          { node: undefined, name: 'tags', value: ['a', 'b'] },
        ],
        remaps: [{ from: 'heartbeat', to: '/robot/pulse' }],
        logLevel: 'info',
      },
    });
    expect(ctx.stderrText).toContain('omnimind: ready: 2 active nodes');
  });
});
