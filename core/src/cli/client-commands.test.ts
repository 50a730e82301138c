import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixtureControlApi } from '../../../test/support/control-api-fixture.js';
import { TestCliContext, waitFor } from '../../../test/support/cli-test-context.js';
import { startControlServer, type ControlServer } from '../control/control-server.js';
import { writeRuntimeFile } from '../control/runtime-file.js';
import { runCli } from './run-cli.js';

describe('commands that talk to a running system', () => {
  let runDir: string;
  let api: FixtureControlApi;
  let server: ControlServer;

  beforeEach(async () => {
    runDir = mkdtempSync(join(tmpdir(), 'omnimind-cli-'));
    api = new FixtureControlApi();
    server = await startControlServer(api);
    writeRuntimeFile(runDir, {
      version: 1,
      pid: process.pid,
      url: server.url,
      token: server.token,
      launchFile: '/demo/demo.launch.yaml',
      startedAt: api.startedAt,
    });
  });

  afterEach(async () => {
    await server.close();
    rmSync(runDir, { recursive: true, force: true });
  });

  function context(): TestCliContext {
    return new TestCliContext({ env: { OMNIMIND_RUN_DIR: runDir } });
  }

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string; ctx: TestCliContext }> {
    const ctx = context();
    const code = await runCli(argv, ctx);
    return { code, out: ctx.stdoutText, err: ctx.stderrText, ctx };
  }

  describe('topic', () => {
    it('lists topics, with types, hidden ones, or as JSON', async () => {
      expect(await run('topic', 'list')).toMatchObject({ code: 0, out: '/demo/chatter\n/demo/heartbeat\n' });
      expect((await run('topic', 'list', '-t')).out).toBe(
        '/demo/chatter [std_msgs/msg/String]\n/demo/heartbeat [omnimind_msgs/msg/Heartbeat]\n',
      );
      expect((await run('topic', 'list', '--all')).out).toContain('/_hidden/debug\n');
      const json = JSON.parse((await run('topic', 'list', '--json')).out) as { name: string; publishers: unknown[] }[];
      expect(json.map((t) => t.name)).toEqual(['/demo/chatter', '/demo/heartbeat']);
      expect(json[0]?.publishers).toHaveLength(1);
    });

    it('describes a topic', async () => {
      const { code, out } = await run('topic', 'info', 'demo/heartbeat');
      expect(code).toBe(0);
      expect(out).toContain('Topic: /demo/heartbeat\nType: omnimind_msgs/msg/Heartbeat\n');
      expect(out).toContain('Publisher count: 1\nSubscription count: 1\n');
      expect(out).toMatch(/publisher\s+\/demo\/heartbeat\s+reliable\s+volatile\s+keep_last\(10\)/);
    });

    it('echoes one message as YAML with --once', async () => {
      const ctx = context();
      const running = runCli(['topic', 'echo', 'demo/heartbeat', '--once'], ctx);
      await waitFor(() => api.listenerCount('/demo/heartbeat') === 1);
      api.emit('/demo/heartbeat', { count: 7n, ok: true, data: new Uint8Array([1, 2]) });
      api.emit('/demo/heartbeat', { count: 8n });
      expect(await running).toBe(0);
      expect(ctx.stdoutText).toBe('count: "7"\nok: true\ndata:\n  - 1\n  - 2\n---\n');
      await waitFor(() => api.listenerCount('/demo/heartbeat') === 0);
    });

    it('echoes --count messages as JSON envelopes', async () => {
      const ctx = context();
      const running = runCli(['topic', 'echo', '/demo/heartbeat', '--count', '2', '--json'], ctx);
      await waitFor(() => api.listenerCount('/demo/heartbeat') === 1);
      for (let i = 0; i < 3; i += 1) api.emit('/demo/heartbeat', { i }, { sec: i, nanosec: 0 });
      expect(await running).toBe(0);
      const lines = ctx.stdoutText
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toEqual([
        expect.objectContaining({ seq: 1, message: { i: 0 }, publishTime: { sec: 0, nanosec: 0 } }),
        expect.objectContaining({ seq: 2, message: { i: 1 }, topic: '/demo/heartbeat' }),
      ]);
    });

    it('stops echo on Ctrl-C with exit 0, and forces exit 130 on a second one', async () => {
      const ctx = context();
      const running = runCli(['topic', 'echo', 'demo/heartbeat'], ctx);
      await waitFor(() => api.listenerCount('/demo/heartbeat') === 1);
      api.emit('/demo/heartbeat', { n: 1 });
      await waitFor(() => ctx.stdoutText.includes('n: 1'));
      ctx.signal('SIGINT');
      ctx.signal('SIGINT');
      expect(await running).toBe(0);
      expect(ctx.forcedExits).toEqual([130]);
      await waitFor(() => api.listenerCount('/demo/heartbeat') === 0);
      expect(ctx.signalHandlers.size).toBe(0);
    });

    it('exits 4 when the system goes away during an echo', async () => {
      const ctx = context();
      const running = runCli(['topic', 'echo', 'demo/heartbeat'], ctx);
      await waitFor(() => api.listenerCount('/demo/heartbeat') === 1);
      await server.close();
      expect(await running).toBe(4);
      expect(ctx.stderrText).toContain('error[OMNI_ERR_CLI_STREAM_ENDED]');
    });

    it('completes a relative name that ends exactly one topic, and refuses an ambiguous one', async () => {
      const ctx = context();
      const running = runCli(['topic', 'echo', 'heartbeat', '--once'], ctx);
      await waitFor(() => api.listenerCount('/demo/heartbeat') === 1);
      api.emit('/demo/heartbeat', { beat: 1 });
      expect(await running).toBe(0);
      expect(ctx.stdoutText).toBe('beat: 1\n---\n');
      expect((await run('topic', 'info', 'heartbeat')).out).toContain('Topic: /demo/heartbeat\n');
      api.publish('/robot2/heartbeat', 'omnimind_msgs/msg/Heartbeat', {});
      const ambiguous = await run('topic', 'info', 'heartbeat');
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.err).toBe(
        "error[OMNI_ERR_CLI_USAGE]: <topic>:1:1: topic name 'heartbeat' is ambiguous; use one of: /demo/heartbeat, /robot2/heartbeat\n",
      );
    });

    it('refuses to echo an unknown topic', async () => {
      const { code, err } = await run('topic', 'echo', 'nope', '--once');
      expect(code).toBe(5);
      expect(err).toBe("error[OMNI_ERR_TOPIC_NOT_FOUND]: no topic named '/nope'\n");
    });

    it('measures the rate on message stamps', async () => {
      const ctx = context();
      const running = runCli(['topic', 'hz', 'demo/heartbeat', '--count', '1'], ctx);
      await waitFor(() => api.listenerCount('/demo/heartbeat') === 1);
      for (let i = 0; i < 5; i += 1) api.emit('/demo/heartbeat', {}, { sec: 100 + i * 0.25, nanosec: 0 });
      expect(await running).toBe(0);
      expect(ctx.stdoutText).toBe('average rate: 4.000\n\tmin: 0.250s max: 0.250s std dev: 0.00000s window: 4\n');
    });

    it('publishes a YAML message --times at --rate', async () => {
      const { code, out } = await run(
        'topic',
        'pub',
        'demo/chatter',
        'std_msgs/msg/String',
        '{data: hi}',
        '--times',
        '3',
        '--rate',
        '50',
      );
      expect(code).toBe(0);
      expect(api.published).toHaveLength(3);
      expect(api.published[0]).toEqual({
        topic: '/demo/chatter',
        type: 'std_msgs/msg/String',
        message: { data: 'hi' },
      });
      expect(out).toBe(
        ['publishing #1: {"data":"hi"}', 'publishing #2: {"data":"hi"}', 'publishing #3: {"data":"hi"}', ''].join('\n'),
      );
    });

    it('publishes once with an empty message by default, until Ctrl-C otherwise', async () => {
      expect((await run('topic', 'pub', '/demo/chatter', 'std_msgs/msg/String', '--once')).code).toBe(0);
      expect(api.published).toEqual([{ topic: '/demo/chatter', type: 'std_msgs/msg/String', message: {} }]);
      const ctx = context();
      const running = runCli(['topic', 'pub', '/demo/chatter', 'std_msgs/msg/String', 'data: x', '--rate', '100'], ctx);
      await waitFor(() => api.published.length >= 3);
      ctx.signal('SIGINT');
      expect(await running).toBe(0);
    });

    it('reports bad YAML with its position (exit 2) and a rejected message (exit 5)', async () => {
      const bad = await run('topic', 'pub', '/demo/chatter', 'std_msgs/msg/String', '{data: [1, 2}', '--once');
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/^error\[OMNI_ERR_CLI_VALUE\]: <<yaml-message>>:1:\d+: not valid YAML/);
      expect(api.published).toEqual([]);
      const mismatch = await run('topic', 'pub', '/demo/chatter', 'std_msgs/msg/Int32', '{data: 1}', '--once');
      expect(mismatch.code).toBe(5);
      expect(mismatch.err).toContain('error[OMNI_ERR_MESSAGE_TYPE_MISMATCH]');
    });
  });

  describe('param', () => {
    it('lists parameters as a table or JSON', async () => {
      const { code, out } = await run('param', 'list');
      expect(code).toBe(0);
      const lines = out.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^NODE\s+NAME\s+TYPE\s+VALUE\s+SOURCE$/);
      expect(lines).toHaveLength(5);
      expect(out).toMatch(/\/demo\/heartbeat\s+plugin_version\s+string\s+1\.0\.0\s+default \(read-only\)/);
      const json = JSON.parse((await run('param', 'list', 'monitor', '--json')).out) as unknown;
      expect(json).toEqual(api.paramList('/demo/monitor'));
    });

    it('gets a value as YAML, by base or full node name', async () => {
      expect(await run('param', 'get', 'heartbeat', 'rate_hz')).toMatchObject({ code: 0, out: '2\n' });
      expect((await run('param', 'get', '/demo/heartbeat', 'frame_id')).out).toBe('base_link\n');
      const json = JSON.parse((await run('param', 'get', 'heartbeat', 'rate_hz', '--json')).out) as unknown;
      expect(json).toMatchObject({ node: '/demo/heartbeat', name: 'rate_hz', value: 2, source: 'default' });
    });

    it('sets a value typed as YAML, and exits 5 when the node rejects it', async () => {
      expect(await run('param', 'set', 'heartbeat', 'rate_hz', '5.5')).toMatchObject({
        code: 0,
        out: 'Set parameter successful\n',
      });
      expect(api.paramGet('/demo/heartbeat', 'rate_hz')).toMatchObject({ value: 5.5, source: 'runtime' });
      const rejected = await run('param', 'set', 'heartbeat', 'rate_hz', 'fast');
      expect(rejected.code).toBe(5);
      expect(rejected.err).toBe(
        'error[OMNI_ERR_CLI_REJECTED]: setting /demo/heartbeat rate_hz was rejected: expected number, got string\n',
      );
      expect((await run('param', 'set', 'heartbeat', 'plugin_version', '2.0.0')).code).toBe(5);
      expect(api.paramGet('/demo/heartbeat', 'rate_hz').value).toBe(5.5);
    });

    it('dumps a ROS 2 parameter file', async () => {
      const { code, out } = await run('param', 'dump');
      expect(code).toBe(0);
      expect(parseYaml(out)).toEqual(api.paramDump());
      expect(out).toContain('/demo/heartbeat:\n  ros__parameters:\n    rate_hz: 2\n');
      expect(parseYaml((await run('param', 'dump', 'monitor')).out)).toEqual({
        '/demo/monitor': { ros__parameters: { timeout_s: 1.5 } },
      });
    });

    it('exits 5 for an unknown parameter', async () => {
      const { code, err } = await run('param', 'get', 'heartbeat', 'nope');
      expect(code).toBe(5);
      expect(err).toContain('error[OMNI_ERR_PARAM_UNKNOWN]');
    });
  });

  describe('node, lifecycle and plugin', () => {
    it('lists nodes', async () => {
      const { code, out } = await run('node', 'list');
      expect(code).toBe(0);
      expect(out.split('\n')[0]).toMatch(/^NAME\s+STATE\s+PLUGIN\s+VERSION\s+RESTARTS\s+ERRORS\s+LAST ERROR$/);
      expect(out).toMatch(
        /\/demo\/monitor\s+active\s+@omnimind\/plugin-examples\/monitor\s+1\.0\.0\s+0\s+1\s+heartbeat late/,
      );
      expect(JSON.parse((await run('node', 'list', '--json')).out)).toEqual(api.nodes());
    });

    it('gets and sets lifecycle states, exiting 5 on an invalid transition', async () => {
      expect(await run('lifecycle', 'get', 'heartbeat')).toMatchObject({ code: 0, out: 'active\n' });
      expect(await run('lifecycle', 'set', 'heartbeat', 'deactivate')).toMatchObject({
        code: 0,
        out: 'Transitioning successful: /demo/heartbeat is inactive\n',
      });
      expect(api.lifecycleGet('/demo/heartbeat')).toBe('inactive');
      const invalid = await run('lifecycle', 'set', 'heartbeat', 'deactivate');
      expect(invalid.code).toBe(5);
      expect(invalid.err).toBe(
        'error[OMNI_ERR_LIFECYCLE_INVALID_TRANSITION]: cannot deactivate /demo/heartbeat while inactive\n',
      );
    });

    it('refuses an unknown transition name before contacting the system (exit 2)', async () => {
      const { code, err } = await run('lifecycle', 'set', 'heartbeat', 'explode');
      expect(code).toBe(2);
      expect(err).toContain(
        "error: command-argument value 'explode' is invalid for argument 'transition'. Allowed choices are configure, activate, deactivate, cleanup, shutdown.",
      );
      expect(api.lifecycleGet('/demo/heartbeat')).toBe('active');
    });

    it('exits 5 for an unknown node', async () => {
      const { code, err } = await run('lifecycle', 'get', '/demo/ghost');
      expect(code).toBe(5);
      expect(err).toBe("error[OMNI_ERR_NODE_NOT_FOUND]: no node named '/demo/ghost'\n");
    });

    it('lists plugins', async () => {
      const { code, out } = await run('plugin', 'list');
      expect(code).toBe(0);
      expect(out).toMatch(
        /@omnimind\/plugin-examples\s+heartbeat\s+1\.0\.0\s+\^0\.1\.0\s+\/demo\/heartbeat\s+heartbeat example/,
      );
    });
  });

  describe('finding the system', () => {
    it('exits 4 with a hint when nothing runs', async () => {
      const ctx = new TestCliContext({ env: { OMNIMIND_RUN_DIR: join(runDir, 'empty') } });
      expect(await runCli(['node', 'list'], ctx)).toBe(4);
      expect(ctx.stderrText).toBe(
        'error[OMNI_ERR_NO_RUNNING_SYSTEM]: no running OmniMind system found; start one with `omnimind launch <file>`\n',
      );
    });

    it('asks for --instance when several run (exit 2), and uses it', async () => {
      const other = await startControlServer(new FixtureControlApi());
      const parentPid = process.ppid;
      writeRuntimeFile(runDir, {
        version: 1,
        pid: parentPid,
        url: other.url,
        token: other.token,
        startedAt: new Date().toISOString(),
      });
      try {
        const ambiguous = await run('node', 'list');
        expect(ambiguous.code).toBe(2);
        expect(ambiguous.err).toContain('2 OmniMind systems are running; choose one with --instance <pid>');
        expect(ambiguous.err).toContain(`pid ${process.pid}`);
        expect(ambiguous.err).toContain(`pid ${parentPid}`);
        await run('lifecycle', 'set', 'heartbeat', 'deactivate', '--instance', String(process.pid));
        expect(api.lifecycleGet('/demo/heartbeat')).toBe('inactive');
        expect((await run('lifecycle', 'get', '/demo/heartbeat', '--instance', String(parentPid))).out).toBe(
          'active\n',
        );
        expect((await run('node', 'list', '--instance', '1234567')).code).toBe(4);
      } finally {
        await other.close();
      }
    });

    it('exits 4 when the endpoint is unreachable or refuses the token', async () => {
      await server.close();
      const gone = await run('node', 'list');
      expect(gone.code).toBe(4);
      expect(gone.err).toMatch(
        /^error\[OMNI_ERR_CONTROL_UNREACHABLE\]: cannot reach the control endpoint at http:\/\/127\.0\.0\.1:\d+/,
      );
      server = await startControlServer(api);
      writeRuntimeFile(runDir, {
        version: 1,
        pid: process.pid,
        url: server.url,
        token: 'a-token-that-is-not-the-right-one',
        startedAt: api.startedAt,
      });
      const refused = await run('node', 'list');
      expect(refused.code).toBe(4);
      expect(refused.err).toContain('error[OMNI_ERR_CONTROL_UNAUTHORIZED]');
    });

    it('reaches an endpoint named by OMNIMIND_CONTROL_URL and OMNIMIND_CONTROL_TOKEN', async () => {
      const ctx = new TestCliContext({
        env: {
          OMNIMIND_RUN_DIR: join(runDir, 'empty'),
          OMNIMIND_CONTROL_URL: server.url,
          OMNIMIND_CONTROL_TOKEN: server.token,
        },
      });
      expect(await runCli(['lifecycle', 'get', '/demo/monitor'], ctx)).toBe(0);
      expect(ctx.stdoutText).toBe('active\n');
    });
  });
});
