import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixtureControlApi } from '../../../test/support/control-api-fixture.js';
import { createControlClient, type ControlClient } from './control-client.js';
import { ControlUnreachableError, RemoteControlError } from './control-errors.js';
import { startControlServer, type ControlServer } from './control-server.js';
import { toJsonSafe } from './json-safe.js';

async function rawPost(
  server: ControlServer,
  path: string,
  body: string,
  headers: Record<string, string> = { Authorization: `Bearer ${server.token}` },
  method = 'POST',
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(method === 'GET' ? {} : { body }) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('control server over TCP', () => {
  let api: FixtureControlApi;
  let server: ControlServer;
  let client: ControlClient;
  const serverErrors: unknown[] = [];

  beforeEach(async () => {
    api = new FixtureControlApi();
    serverErrors.length = 0;
    server = await startControlServer(api, { onError: (error) => serverErrors.push(error) });
    client = createControlClient(server.target);
  });

  afterEach(async () => {
    client.close();
    await server.close();
  });

  it('listens on 127.0.0.1 with a 32-byte random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
    expect(server.target).toEqual({ url: server.url, token: server.token });
  });

  it('rejects requests without a token or with a wrong one', async () => {
    const none = await rawPost(server, '/v1/nodes', '{}', {});
    expect(none.status).toBe(401);
    expect(none.json['code']).toBe('OMNI_ERR_CONTROL_UNAUTHORIZED');
    const wrong = await rawPost(server, '/v1/nodes', '{}', { Authorization: `Bearer ${server.token}x` });
    expect(wrong.status).toBe(401);
    const wrongScheme = await rawPost(server, '/v1/nodes', '{}', { Authorization: `Basic ${server.token}` });
    expect(wrongScheme.status).toBe(401);
    const good = await rawPost(server, '/v1/nodes', '{}');
    expect(good.status).toBe(200);
    expect(good.json['result']).toEqual(api.nodes());
  });

  it('a client with the wrong token gets the unauthorized code back', async () => {
    const intruder = createControlClient({ url: server.url ?? '', token: 'not-the-token-at-all' });
    const error = await intruder.nodes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteControlError);
    expect(error).toMatchObject({ code: 'OMNI_ERR_CONTROL_UNAUTHORIZED', status: 401 });
    intruder.close();
  });

  it('round-trips every query method', async () => {
    expect(await client.info()).toEqual(api.info());
    expect(await client.nodes()).toEqual(api.nodes());
    expect(await client.plugins()).toEqual(api.plugins());
    expect(await client.lifecycleGet('/demo/heartbeat')).toBe('active');
    expect(await client.paramList()).toEqual(api.paramList());
    expect(await client.paramList('/demo/monitor')).toEqual(api.paramList('/demo/monitor'));
    expect(await client.paramGet('/demo/heartbeat', 'rate_hz')).toMatchObject({ value: 2, type: 'number' });
    expect(await client.paramDump()).toEqual(api.paramDump());
    expect(await client.topics()).toEqual(toJsonSafe(api.topics()));
    expect((await client.topics(true)).map((t) => t.name)).toContain('/_hidden/debug');
    expect((await client.topics()).map((t) => t.name)).not.toContain('/_hidden/debug');
    expect(await client.topicInfo('/demo/chatter')).toEqual(toJsonSafe(api.topicInfo('/demo/chatter')));
    expect(await client.services()).toEqual(api.services());
    expect(await client.actions()).toEqual([]);
  });

  it('round-trips the methods that change state', async () => {
    expect(await client.lifecycleSet('/demo/heartbeat', 'deactivate')).toBe('inactive');
    expect(api.lifecycleGet('/demo/heartbeat')).toBe('inactive');
    expect(await client.paramSet('/demo/heartbeat', 'rate_hz', 5)).toEqual({ successful: true, reason: '' });
    expect(api.paramGet('/demo/heartbeat', 'rate_hz').value).toBe(5);
    expect(await client.paramSet('/demo/heartbeat', 'rate_hz', 'fast')).toEqual({
      successful: false,
      reason: 'expected number, got string',
    });
    await client.publish('/demo/chatter', 'std_msgs/msg/String', { data: 'hi' });
    await client.publish('/demo/chatter', undefined, { data: 'untyped' });
    expect(api.published).toEqual([
      { topic: '/demo/chatter', type: 'std_msgs/msg/String', message: { data: 'hi' } },
      { topic: '/demo/chatter', type: undefined, message: { data: 'untyped' } },
    ]);
    await client.shutdown();
    expect(api.shutdownCalls).toBe(1);
  });

  it('keeps error codes, with a status per kind of rejection', async () => {
    const invalid = await client.lifecycleSet('/demo/heartbeat', 'activate').catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(RemoteControlError);
    expect(invalid).toMatchObject({
      code: 'OMNI_ERR_LIFECYCLE_INVALID_TRANSITION',
      status: 409,
      remoteName: 'OmniError',
      details: { node: '/demo/heartbeat', transition: 'activate', state: 'active' },
    });
    expect((invalid as Error).message).toBe('cannot activate /demo/heartbeat while active');
    await expect(client.lifecycleGet('/nope')).rejects.toMatchObject({ code: 'OMNI_ERR_NODE_NOT_FOUND', status: 404 });
    await expect(client.paramGet('/demo/heartbeat', 'nope')).rejects.toMatchObject({
      code: 'OMNI_ERR_PARAM_UNKNOWN',
      status: 400,
      remoteName: 'UserInputError',
    });
    await expect(client.publish('/demo/chatter', 'std_msgs/msg/Int32', {})).rejects.toMatchObject({
      code: 'OMNI_ERR_MESSAGE_TYPE_MISMATCH',
    });
    expect(serverErrors).toEqual([]);
  });

  it('turns unexpected failures into a 500 internal error and reports them', async () => {
    api.nodes = () => {
      throw new TypeError('boom');
    };
    await expect(client.nodes()).rejects.toMatchObject({
      code: 'OMNI_ERR_CONTROL_INTERNAL',
      status: 500,
      message: 'internal error: boom',
    });
    expect(serverErrors).toHaveLength(1);
  });

  it('refuses malformed requests with 4xx codes', async () => {
    expect(await rawPost(server, '/v1/doesNotExist', '{}')).toMatchObject({
      status: 404,
      json: { code: 'OMNI_ERR_CONTROL_UNKNOWN_METHOD' },
    });
    expect(await rawPost(server, '/v1/nodes', '', undefined, 'GET')).toMatchObject({
      status: 405,
      json: { code: 'OMNI_ERR_CONTROL_BAD_REQUEST' },
    });
    expect(await rawPost(server, '/v1/paramGet', '{not json')).toMatchObject({
      status: 400,
      json: { code: 'OMNI_ERR_CONTROL_BAD_REQUEST' },
    });
    const typo = await rawPost(server, '/v1/paramGet', JSON.stringify({ node: '/demo/heartbeat', nmae: 'x' }));
    expect(typo.status).toBe(400);
    expect(String(typo.json['message'])).toContain("unknown argument 'nmae'");
    const wrongType = await rawPost(server, '/v1/lifecycleGet', JSON.stringify({ node: 7 }));
    expect(wrongType.status).toBe(400);
  });

  it('refuses request bodies over the limit', async () => {
    await server.close();
    server = await startControlServer(api, { maxBodyBytes: 100 });
    const big = await rawPost(server, '/v1/publish', JSON.stringify({ topic: '/a', message: 'x'.repeat(500) }));
    expect(big).toMatchObject({ status: 413, json: { code: 'OMNI_ERR_CONTROL_PAYLOAD_TOO_LARGE' } });
  });

  it('streams echo as JSON-safe messages and unsubscribes when the client disconnects', async () => {
    const stream = client.echo('/demo/heartbeat');
    const first = stream.next();
    await until(() => api.listenerCount('/demo/heartbeat') === 1);
    api.emit('/demo/heartbeat', { count: 12n, data: new Float32Array([0.5, Infinity]) }, { sec: 3, nanosec: 5 });
    api.emit('/demo/heartbeat', { count: 13n, data: new Float32Array([1]) });
    expect((await first).value).toEqual({
      topic: '/demo/heartbeat',
      type: 'omnimind_msgs/msg/Heartbeat',
      seq: 1,
      publisher: '/demo/heartbeat',
      publishTime: { sec: 3, nanosec: 5 },
      message: { count: '12', data: [0.5, 'Infinity'] },
    });
    expect((await stream.next()).value).toMatchObject({ seq: 2, message: { count: '13' } });
    await stream.return?.(undefined);
    await until(() => api.listenerCount('/demo/heartbeat') === 0);
  });

  it('ends echo iteration quietly when the signal aborts', async () => {
    const controller = new AbortController();
    const received: number[] = [];
    const consuming = (async () => {
      for await (const message of client.echo('/demo/heartbeat', { signal: controller.signal })) {
        received.push(message.seq);
        if (received.length === 2) controller.abort();
      }
    })();
    await until(() => api.listenerCount('/demo/heartbeat') === 1);
    for (let i = 0; i < 5; i += 1) api.emit('/demo/heartbeat', { i });
    await consuming;
    expect(received).toEqual([1, 2]);
    await until(() => api.listenerCount('/demo/heartbeat') === 0);
  });

  it('answers an echo of an unknown topic with its error code, before streaming', async () => {
    const stream = client.echo('/not/there');
    await expect(stream.next()).rejects.toMatchObject({ code: 'OMNI_ERR_TOPIC_NOT_FOUND', status: 404 });
  });

  it('ends echo streams when the server closes', async () => {
    const stream = client.echo('/demo/heartbeat');
    const next = stream.next();
    await until(() => api.listenerCount('/demo/heartbeat') === 1);
    await server.close();
    expect(await next).toEqual({ done: true, value: undefined });
    expect(api.listenerCount('/demo/heartbeat')).toBe(0);
  });

  it('drops messages for a client that does not read instead of buffering without bound', async () => {
    await server.close();
    server = await startControlServer(api, { maxEchoBufferBytes: 4096 });
    const payload = 'x'.repeat(1024);
    const lines: string[] = [];
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const url = new URL(server.url ?? '');
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/v1/echo',
          method: 'POST',
          headers: { Authorization: `Bearer ${server.token}` },
        },
        resolve,
      );
      req.on('error', reject);
      req.end(JSON.stringify({ topic: '/demo/heartbeat' }));
    });
    await until(() => api.listenerCount('/demo/heartbeat') === 1);
    const total = 20_000;
    for (let i = 0; i < total; i += 1) api.emit('/demo/heartbeat', { i, payload });
    res.setEncoding('utf8');
    let buffered = '';
    res.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      lines.push(...parts);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(total);
    const afterDrain = lines.length;
    api.emit('/demo/heartbeat', { i: 'late' });
    await until(() => lines.length === afterDrain + 1);
    expect(JSON.parse(lines.at(-1) ?? '{}').message).toEqual({ i: 'late' });
    res.destroy();
  });

  it('reports an unreachable endpoint with its own code', async () => {
    const url = server.url ?? '';
    await server.close();
    const error = await client.nodes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlUnreachableError);
    expect(error).toMatchObject({ code: 'OMNI_ERR_CONTROL_UNREACHABLE' });
    expect((error as Error).message).toContain(url);
  });
});

describe('control server binding rules', () => {
  it('refuses a non-loopback host without a configured token', async () => {
    await expect(startControlServer(new FixtureControlApi(), { host: '0.0.0.0' })).rejects.toMatchObject({
      code: 'OMNI_ERR_CONTROL_INSECURE_BIND',
    });
  });

  it('refuses a short configured token', async () => {
    await expect(startControlServer(new FixtureControlApi(), { token: 'short' })).rejects.toMatchObject({
      code: 'OMNI_ERR_CONTROL_INSECURE_BIND',
    });
  });

  it('uses a configured token', async () => {
    const token = 'a-configured-token-of-enough-length';
    const server = await startControlServer(new FixtureControlApi(), { token });
    const client = createControlClient({ url: server.url ?? '', token });
    expect(await client.lifecycleGet('/demo/monitor')).toBe('active');
    client.close();
    await server.close();
  });
});

describe('control server over a Unix domain socket', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'omnimind-sock-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves on a 0600 socket, still requires the token, and removes the socket on close', async () => {
    const socketPath = join(dir, 'control.sock');
    const server = await startControlServer(new FixtureControlApi(), { socketPath });
    expect(server.url).toBeUndefined();
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
    const client = createControlClient(server.target);
    expect((await client.nodes()).map((n) => n.name)).toEqual(['/demo/heartbeat', '/demo/monitor']);
    const intruder = createControlClient({ socketPath, token: 'wrong-token-wrong-token' });
    await expect(intruder.nodes()).rejects.toMatchObject({ code: 'OMNI_ERR_CONTROL_UNAUTHORIZED' });
    client.close();
    intruder.close();
    await server.close();
    expect(existsSync(socketPath)).toBe(false);
  });

  it('refuses a live socket, replaces one left by a killed process, and never overwrites other files', async () => {
    const socketPath = join(dir, 'control.sock');
    const live = createNetServer();
    await new Promise<void>((resolve) => live.listen(socketPath, resolve));
    await expect(startControlServer(new FixtureControlApi(), { socketPath })).rejects.toMatchObject({
      code: 'OMNI_ERR_CONTROL_ADDRESS',
    });
    await new Promise((resolve) => live.close(resolve));

    const child = spawn(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(socketPath)}, () => console.log('up'))`,
    ]);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(lstatSync(socketPath).isSocket()).toBe(true);
    const server = await startControlServer(new FixtureControlApi(), { socketPath });
    const client = createControlClient(server.target);
    expect(await client.lifecycleGet('/demo/heartbeat')).toBe('active');
    client.close();
    await server.close();

    const plainFile = join(dir, 'not-a-socket');
    writeFileSync(plainFile, 'keep me');
    await expect(startControlServer(new FixtureControlApi(), { socketPath: plainFile })).rejects.toMatchObject({
      code: 'OMNI_ERR_CONTROL_ADDRESS',
    });
    expect(readFileSync(plainFile, 'utf8')).toBe('keep me');
  });

  it('refuses a socket path longer than the system limit', async () => {
    const socketPath = join(dir, 'x'.repeat(120));
    await expect(startControlServer(new FixtureControlApi(), { socketPath })).rejects.toMatchObject({
      code: 'OMNI_ERR_CONTROL_ADDRESS',
    });
  });
});
