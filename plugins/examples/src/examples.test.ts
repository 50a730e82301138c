import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ManualClock,
  createInProcessHost,
  type MessageBus,
  type PluginHost,
  type NodeRequest,
  type ParamValueSource,
} from '@omnimind/core';

const here = dirname(fileURLToPath(import.meta.url));

const node = (plugin: string, params: Record<string, unknown> = {}): NodeRequest => ({
  pkg: './index.ts',
  plugin,
  name: plugin,
  namespace: '/demo',
  remaps: [],
  baseDir: here,
  paramLayers: [
    new Map(Object.entries(params).map(([k, value]) => [k, { kind: 'launch', value } as ParamValueSource])),
  ],
});

interface Heartbeat {
  node: string;
  seq: number;
  uptime_sec: number;
}
interface DiagnosticArray {
  status: { level: number; message: string; values: { key: string; value: string }[] }[];
}

describe('example plugins', () => {
  let clock: ManualClock;
  let bus: MessageBus;
  let host: PluginHost;
  let dispose: () => Promise<void>;
  const tick = () => new Promise((r) => setImmediate(r));

  beforeEach(() => {
    clock = new ManualClock();
    ({ host, bus, dispose } = createInProcessHost({ clock }));
  });
  afterEach(() => dispose());

  it('heartbeat publishes at rate_hz on the node clock, and a new rate applies at once', async () => {
    await host.load([node('heartbeat', { rate_hz: 4 })]);
    await host.startAll();
    const beats: Heartbeat[] = [];
    bus
      .forNode({ name: 'probe' })
      .topic<Heartbeat>('/demo/heartbeat', 'omnimind_msgs/msg/Heartbeat')
      .subscribe((e) => void beats.push(e.message));
    clock.advanceBy(1000);
    expect(beats.map((b) => b.seq)).toEqual([1, 2, 3, 4]);
    expect(beats[3]).toMatchObject({ node: '/demo/heartbeat', uptime_sec: 1 });

    expect(await host.get('heartbeat').params.set('rate_hz', 10)).toEqual({ successful: true, reason: '' });
    clock.advanceBy(1000);
    expect(beats.length).toBe(14);
    expect((await host.get('heartbeat').params.set('topic', 'other')).reason).toMatch(/fixed once configured/);
  });

  it('monitor reports OK while heartbeats flow and STALE after they stop', async () => {
    await host.load([node('monitor', { timeout_s: 2, report_period_s: 1 }), node('heartbeat', { rate_hz: 5 })]);
    await host.startAll();
    const reports: DiagnosticArray[] = [];
    bus
      .forNode({ name: 'probe' })
      .topic<DiagnosticArray>('/diagnostics', 'diagnostic_msgs/msg/DiagnosticArray')
      .subscribe((e) => void reports.push(e.message));
    clock.advanceBy(3000);
    const last = reports.at(-1)?.status[0];
    expect(last?.level).toBe(0);
    expect(last?.values.find((v) => v.key === 'rate_hz')?.value).toBe('5.00');

    await host.lifecycle('heartbeat', 'deactivate');
    clock.advanceBy(4000);
    const stale = reports.at(-1)?.status[0];
    expect(stale).toMatchObject({ level: 3, message: 'no heartbeat' });
    expect(Number(stale?.values.find((v) => v.key === 'deadline_misses')?.value)).toBeGreaterThan(0);
  });

  it('a heartbeat that crashes is restarted while the monitor keeps running', async () => {
    await host.load([node('heartbeat', { rate_hz: 10, crash_after: 3 }), node('monitor')]);
    await host.startAll();
    clock.advanceBy(400);
    await tick();
    expect(host.get('heartbeat').state).toBe('unconfigured');
    expect(host.get('monitor').state).toBe('active');
    clock.advanceBy(500);
    await tick();
    expect(host.get('heartbeat').state).toBe('active');
    expect(host.get('heartbeat').restarts).toBe(1);
  });
});
