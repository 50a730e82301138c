import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageBus } from '../bus/message-bus.js';
import type { InMemoryMetrics } from '../metrics/in-memory-metrics.js';
import type { ParamValueSource } from '../params/params.js';
import { ManualClock } from '../time/manual-clock.js';
import type { PluginHost, NodeRequest } from './plugin-host.js';
import { createInProcessHost } from './in-process-host.js';
import { journal } from './fixtures/test-plugins.js';
import type { LifecycleEvent } from './lifecycle.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function request(plugin: string, name = plugin, extra: Partial<NodeRequest> = {}): NodeRequest {
  return {
    pkg: './test-plugins.ts',
    plugin,
    name,
    namespace: '/',
    remaps: [],
    baseDir: fixtures,
    paramLayers: [],
    location: { file: 'test.launch.yaml', line: 7, col: 3 },
    ...extra,
  };
}

const launchParams = (values: Record<string, unknown>) =>
  new Map(Object.entries(values).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource]));

describe('PluginHost', () => {
  let bus: MessageBus;
  let clock: ManualClock;
  let host: PluginHost;
  let events: LifecycleEvent[];
  let metrics: InMemoryMetrics;
  let dispose: () => Promise<void>;

  beforeEach(() => {
    journal.length = 0;
    clock = new ManualClock();
    ({ host, bus, metrics, dispose } = createInProcessHost({ clock }));
    events = [];
    host.events.subscribe((e) => events.push(e));
  });

  afterEach(() => dispose());

  it('activates in dependency order, shares provided services, and shuts down in reverse', async () => {
    await host.load([
      request('consumer'),
      request('provider', 'provider', { paramLayers: [launchParams({ greeting: 'hi' })] }),
    ]);
    expect(host.list().map((i) => i.name)).toEqual(['/provider', '/consumer']);
    await host.startAll();
    expect(host.list().map((i) => i.state)).toEqual(['active', 'active']);
    await host.shutdownAll();
    expect(journal).toEqual([
      'configure /provider',
      'configure /consumer',
      'activate /provider',
      'activate /consumer',
      'deactivate /consumer',
      'cleanup /consumer',
      'deactivate /provider',
      'cleanup /provider',
    ]);
    expect(host.list().map((i) => i.state)).toEqual(['finalized', 'finalized']);
    expect(events.filter((e) => e.node === '/consumer').map((e) => e.to)).toEqual([
      'configuring',
      'inactive',
      'activating',
      'active',
      'deactivating',
      'inactive',
      'cleaningup',
      'unconfigured',
      'shuttingdown',
      'finalized',
    ]);
  });

  it('isolates a crashing handler: the node restarts with backoff, other nodes keep running', async () => {
    await host.load([request('fragile'), request('steady')]);
    await host.startAll();
    const input = bus.forNode({ name: 'tester' }).topic<{ data: string }>('/input', 'std_msgs/msg/String');
    input.publish({ data: 'a' });
    input.publish({ data: 'boom' });
    input.publish({ data: 'b' });
    await new Promise((r) => setImmediate(r));

    const fragile = host.get('fragile');
    const steady = host.get('/steady');
    expect(fragile.state).toBe('unconfigured');
    expect(fragile.errors).toBe(1);
    expect(fragile.lastError).toMatch(/fragile cannot take boom/);
    expect(steady.state).toBe('active');
    expect(events.some((e) => e.node === '/fragile' && e.to === 'errorprocessing')).toBe(true);

    clock.advanceBy(499);
    await new Promise((r) => setImmediate(r));
    expect(fragile.state).toBe('unconfigured');
    clock.advanceBy(1);
    await new Promise((r) => setImmediate(r));
    expect(fragile.state).toBe('active');
    expect(fragile.restarts).toBe(1);
    expect(metrics.value('omnimind_plugin_restarts_total', { node: '/fragile', plugin: 'fragile' })).toBe(1);

    input.publish({ data: 'c' });
    expect((await steadyCount(host)).count).toBe(4);
  });

  it('gives up after maxRetries and never restarts under mode never', async () => {
    await host.load([
      request('fragile', 'twice', { restart: { maxRetries: 1, initialDelayMs: 10 } }),
      request('fragile', 'never', { namespace: '/other', restart: { mode: 'never' } }),
    ]);
    await host.startAll();
    const input = bus.forNode({ name: 'tester' });
    const crash = async () => {
      input.topic<{ data: string }>('/input', 'std_msgs/msg/String').publish({ data: 'boom' });
      input.topic<{ data: string }>('/other/input', 'std_msgs/msg/String').publish({ data: 'boom' });
      await new Promise((r) => setImmediate(r));
      clock.advanceBy(1000);
      await new Promise((r) => setImmediate(r));
    };
    await crash();
    expect(host.get('/twice').state).toBe('active');
    expect(host.get('/other/never').state).toBe('unconfigured');
    await crash();
    expect(host.get('/twice').state).toBe('unconfigured');
    expect(host.get('/twice').restarts).toBe(1);
    expect(host.get('/twice').errors).toBe(2);
  });

  it('releases activate-scope resources on deactivate and configure-scope ones on cleanup', async () => {
    await host.load([request('steady')]);
    await host.startAll();
    const steady = host.get('steady');
    const input = bus.forNode({ name: 'tester' }).topic<{ data: string }>('/input', 'std_msgs/msg/String');
    clock.advanceBy(300);
    input.publish({ data: 'x' });
    expect(await steadyCount(host)).toEqual({ count: 1, ticks: 3 });

    expect(await host.lifecycle('steady', 'deactivate')).toBe('inactive');
    clock.advanceBy(300);
    input.publish({ data: 'y' });
    expect(await steadyCount(host)).toEqual({ count: 2, ticks: 3 });

    expect(await host.lifecycle('steady', 'cleanup')).toBe('unconfigured');
    expect(bus.graph.topic('/input')?.subscriptions.map((s) => s.node)).toEqual([]);
    await expect(host.lifecycle('steady', 'activate')).rejects.toMatchObject({ code: 'OMNI_ERR_LIFECYCLE_TRANSITION' });
    expect(steady.state).toBe('unconfigured');
  });

  it('times out a hung hook and finalizes everything started (all or nothing)', async () => {
    await host.load([request('steady'), request('hangs')]);
    await expect(host.startAll()).rejects.toMatchObject({ code: 'OMNI_ERR_PLUGIN_HOOK' });
    expect(host.list().map((i) => i.state)).toEqual(['finalized', 'finalized']);
  });

  it('rejects bad requests at load, before anything is created', async () => {
    await expect(host.load([request('steady'), request('fragil')])).rejects.toThrow(
      /test\.launch\.yaml:7:3: .*no plugin 'fragil'; did you mean 'fragile'/,
    );
    await expect(host.load([request('future')])).rejects.toMatchObject({ code: 'OMNI_ERR_PLUGIN_CORE_RANGE' });
    await expect(host.load([request('steady', 'x', { pkg: '@omnimind/no-such-plugin' })])).rejects.toMatchObject({
      code: 'OMNI_ERR_PLUGIN_NOT_FOUND',
    });
    await expect(
      host.load([request('fragile', 'f', { paramLayers: [launchParams({ limit: 'ten' })] })]),
    ).rejects.toMatchObject({
      code: 'OMNI_ERR_PARAM_INVALID',
    });
    await expect(host.load([request('consumer')])).rejects.toMatchObject({ code: 'OMNI_ERR_PLUGIN_DEPENDENCY' });
    await expect(host.load([request('steady'), request('steady')])).rejects.toMatchObject({
      code: 'OMNI_ERR_DUPLICATE_NODE',
    });
    expect(host.list()).toEqual([]);
    expect(journal).toEqual([]);
  });

  it("runs the plugin's validate hook at load, so a bad referenced file starts nothing", async () => {
    await expect(
      host.load([request('steady'), request('validating', 'v', { paramLayers: [launchParams({ file: 'bad.yaml' })] })]),
    ).rejects.toThrow(/^bad\.yaml:3:1: cannot use 'bad\.yaml'$/);
    expect(host.list()).toEqual([]);
    await host.load([request('validating')]);
    await host.startAll();
    expect(journal).toEqual(['configure /validating']);
  });

  it("runs the plugin's parameter validation hook", async () => {
    await host.load([request('fragile')]);
    await host.startAll();
    const params = host.get('fragile').params;
    expect(await params.set('limit', 13)).toEqual({ successful: false, reason: '13 is unlucky' });
    expect(await params.set('limit', 500)).toMatchObject({ successful: false });
    expect(await params.set('limit', 42)).toEqual({ successful: true, reason: '' });
    expect(params.values['limit']).toBe(42);
  });
});

/** Reads the steady plugin's counters through the bus graph-independent journal of its state. */
async function steadyCount(host: PluginHost): Promise<{ count: number; ticks: number }> {
  await new Promise((r) => setImmediate(r));
  const instance = host.get('steady') as unknown as { userState: { count: number; ticks: number } };
  return { ...instance.userState };
}
