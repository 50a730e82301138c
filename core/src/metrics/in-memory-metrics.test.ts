import { describe, expect, it } from 'vitest';
import { InMemoryMetrics } from './in-memory-metrics.js';

describe('InMemoryMetrics', () => {
  it('counts, gauges and observes per label set, sharing series across labelled views', () => {
    const metrics = new InMemoryMetrics();
    const node = metrics.withLabels({ node: '/a' });
    const errors = node.counter({ name: 'errors_total', help: 'errors' });
    errors.inc();
    errors.inc({ kind: 'hook' }, 2);
    metrics.counter({ name: 'errors_total', help: 'errors' }).inc({ node: '/a' });
    const depth = metrics.gauge({ name: 'queue_depth', help: 'depth' });
    depth.set({ topic: '/x' }, 5);
    depth.dec({ topic: '/x' });
    const latency = metrics.histogram({ name: 'latency_seconds', help: 'latency' });
    latency.observe(undefined, 0.25);
    latency.observe(undefined, 0.75);

    expect(metrics.value('errors_total', { node: '/a' })).toBe(2);
    expect(metrics.value('errors_total', { node: '/a', kind: 'hook' })).toBe(2);
    expect(metrics.value('queue_depth', { topic: '/x' })).toBe(4);
    expect(metrics.samples().find((s) => s.name === 'latency_seconds')).toMatchObject({ value: 1, count: 2 });
    expect(metrics.value('never_written')).toBe(0);
  });

  it('refuses one name with two kinds', () => {
    const metrics = new InMemoryMetrics();
    metrics.counter({ name: 'x', help: '' });
    expect(() => metrics.gauge({ name: 'x', help: '' })).toThrow(
      expect.objectContaining({ code: 'OMNI_ERR_METRIC_KIND' }),
    );
  });
});
