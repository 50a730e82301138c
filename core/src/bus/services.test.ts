import { describe, expect, it } from 'vitest';
import { hasErrorCode } from '../errors/omni-error.js';
import { ManualClock } from '../time/manual-clock.js';
import { MessageBus } from './message-bus.js';

interface AddRequest {
  a: number;
  b: number;
}
interface AddResponse {
  sum: number;
}
const ADD = 'example_interfaces/srv/AddTwoInts';

function setup() {
  const clock = new ManualClock();
  const bus = new MessageBus({ clock });
  const server = bus.forNode({ name: 'adder', namespace: '/math' });
  const client = bus.forNode({ name: 'caller' });
  return { clock, bus, server, client };
}

const code = (c: string) => (e: unknown) => hasErrorCode(e, c);

describe('services', () => {
  it('calls a synchronous and an asynchronous handler with request info', async () => {
    const { server, client, clock } = setup();
    const infos: Array<[string, number, boolean]> = [];
    server.serviceServer<AddRequest, AddResponse>('add', ADD, (req, info) => {
      infos.push([info.client, info.requestId, info.signal.aborted]);
      return { sum: req.a + req.b };
    });
    server.serviceServer<AddRequest, AddResponse>('slow_add', ADD, async (req) => {
      await clock.sleep(100);
      return { sum: req.a + req.b };
    });
    const add = client.serviceClient<AddRequest, AddResponse>('/math/add', ADD);
    expect(add.isReady()).toBe(true);
    await expect(add.call({ a: 2, b: 3 })).resolves.toEqual({ sum: 5 });
    await expect(add.call({ a: 1, b: 1 })).resolves.toEqual({ sum: 2 });
    expect(infos).toEqual([
      ['/caller', 1, false],
      ['/caller', 2, false],
    ]);
    const slow = client.serviceClient<AddRequest, AddResponse>('/math/slow_add', ADD);
    const pending = slow.call({ a: 20, b: 22 }, { timeoutMs: 1000 });
    await clock.advanceByAsync(100);
    await expect(pending).resolves.toEqual({ sum: 42 });
  });

  it('handles concurrent calls from several clients, each getting its own reply', async () => {
    const { server, bus, clock } = setup();
    server.serviceServer<AddRequest, AddResponse>('add', ADD, async (req) => {
      await clock.sleep(req.a);
      return { sum: req.a + req.b };
    });
    const c1 = bus.forNode({ name: 'c1' }).serviceClient<AddRequest, AddResponse>('/math/add', ADD);
    const c2 = bus.forNode({ name: 'c2' }).serviceClient<AddRequest, AddResponse>('/math/add', ADD);
    const calls = [c1.call({ a: 30, b: 1 }), c2.call({ a: 10, b: 2 }), c1.call({ a: 20, b: 3 })];
    await clock.advanceByAsync(30);
    await expect(Promise.all(calls)).resolves.toEqual([{ sum: 31 }, { sum: 12 }, { sum: 23 }]);
  });

  it('times out on the clock and aborts the handler signal', async () => {
    const { server, client, clock } = setup();
    let aborted = false;
    server.serviceServer<AddRequest, AddResponse>('add', ADD, (_req, info) => {
      info.signal.addEventListener('abort', () => (aborted = true));
      return new Promise<AddResponse>(() => undefined);
    });
    const add = client.serviceClient<AddRequest, AddResponse>('/math/add', ADD);
    const call = add.call({ a: 1, b: 2 }, { timeoutMs: 500 });
    clock.advanceBy(499);
    expect(aborted).toBe(false);
    clock.advanceBy(1);
    await expect(call).rejects.toSatisfy(code('OMNI_ERR_SERVICE_TIMEOUT'));
    expect(aborted).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fails fast with no server, and when the server goes away mid-call', async () => {
    const { server, client } = setup();
    const add = client.serviceClient<AddRequest, AddResponse>('/math/add', ADD);
    expect(add.isReady()).toBe(false);
    await expect(add.call({ a: 1, b: 2 })).rejects.toSatisfy(code('OMNI_ERR_SERVICE_UNAVAILABLE'));
    const srv = server.serviceServer<AddRequest, AddResponse>('add', ADD, () => new Promise(() => undefined));
    const call = add.call({ a: 1, b: 2 });
    srv.close();
    await expect(call).rejects.toSatisfy(code('OMNI_ERR_SERVICE_UNAVAILABLE'));
  });

  it('wraps handler failures (thrown or rejected) as OMNI_ERR_SERVICE_FAILED with the cause', async () => {
    const { server, client } = setup();
    const boom = new Error('division by zero');
    server.serviceServer<AddRequest, AddResponse>('sync_fail', ADD, () => {
      throw boom;
    });
    server.serviceServer<AddRequest, AddResponse>('async_fail', ADD, async () => Promise.reject(boom));
    for (const name of ['/math/sync_fail', '/math/async_fail']) {
      const error = await client
        .serviceClient<AddRequest, AddResponse>(name, ADD)
        .call({ a: 1, b: 0 })
        .catch((e: unknown) => e);
      expect(hasErrorCode(error, 'OMNI_ERR_SERVICE_FAILED')).toBe(true);
      expect((error as Error).cause).toBe(boom);
      expect((error as Error).message).toContain('division by zero');
    }
  });

  it('allows one server per name and one type per name', () => {
    const { server, bus } = setup();
    server.serviceServer('add', ADD, () => ({ sum: 0 }));
    const other = bus.forNode({ name: 'other' });
    expect(() => other.serviceServer('/math/add', ADD, () => ({ sum: 0 }))).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_SERVICE_DUPLICATE' }),
    );
    expect(() => other.serviceClient('/math/add', 'std_srvs/srv/Trigger')).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_TOPIC_TYPE_MISMATCH' }),
    );
  });

  it('waits for a service to appear, or times out on the clock', async () => {
    const { server, client, clock } = setup();
    const add = client.serviceClient<AddRequest, AddResponse>('/math/add', ADD);
    const timedOut = add.waitForService(100);
    clock.advanceBy(100);
    await expect(timedOut).rejects.toSatisfy(code('OMNI_ERR_SERVICE_TIMEOUT'));
    const waiting = add.waitForService(1000);
    server.serviceServer<AddRequest, AddResponse>('add', ADD, (r) => ({ sum: r.a + r.b }));
    await expect(waiting).resolves.toBeUndefined();
    await expect(add.waitForService()).resolves.toBeUndefined();
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects with OMNI_ERR_ABORTED when the caller aborts, and with OMNI_ERR_BUS_CLOSED after close', async () => {
    const { server, client } = setup();
    server.serviceServer<AddRequest, AddResponse>('add', ADD, () => new Promise(() => undefined));
    const add = client.serviceClient<AddRequest, AddResponse>('/math/add', ADD);
    const controller = new AbortController();
    const call = add.call({ a: 1, b: 1 }, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toSatisfy(code('OMNI_ERR_ABORTED'));
    const pending = add.call({ a: 1, b: 1 });
    client.dispose();
    await expect(pending).rejects.toSatisfy(code('OMNI_ERR_BUS_CLOSED'));
    await expect(add.call({ a: 1, b: 1 })).rejects.toSatisfy(code('OMNI_ERR_BUS_CLOSED'));
  });
});
